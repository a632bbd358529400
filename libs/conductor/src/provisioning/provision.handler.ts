import { Injectable } from '@nestjs/common';
import { InvalidStateRequestedError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { ProvisionEvent, ProvisionState, StableProvisionState, transition } from '@slipway/provisioning';
import { nodeProvision, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { NodeTaskContext, NodeTaskRunner } from '../tasks/node-task.runner';
import { PROVISION_WORK } from './provision-work';

type ProvisionRequest = RpcRequestOf<typeof nodeProvision>;

/**
 * Provision actions: under the node lock, re-check and fire the event (the node enters the busy
 * state before the caller's 202), then do that state's work in the background and fire `done`
 * (or `fail`, with last_error) when it ends, until the node rests in a stable state.
 */
@Injectable()
export class ProvisionHandler {
  private readonly log = getLogger('ProvisionHandler');

  constructor(
    private readonly tasks: NodeTaskRunner,
    private readonly history: NodeHistoryRecorder,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeProvision, (request) => this.provision(request));
  }

  async provision(request: ProvisionRequest): Promise<Record<string, never>> {
    await this.tasks.exclusiveThenBackground(
      request.uuid,
      `provision action ${request.event}`,
      async (context) => {
        await this.advance(context, request.event as ProvisionEvent, request.target, context.row.provisionUpdatedAt);
        context.task.node.lastError = null;
        if (request.configdrive !== undefined) context.task.node.instanceInfo = { ...context.task.node.instanceInfo, configdrive: request.configdrive };
      },
      (context) => this.work(context, request),
    );
    return {};
  }

  /** Runs the work of each busy state the node passes through, until it rests. */
  private async work(context: NodeTaskContext, request: ProvisionRequest): Promise<void> {
    const node = context.task.node;
    for (;;) {
      const state = node.provisionState as ProvisionState;
      const work = PROVISION_WORK[state];
      if (!work) return;
      try {
        // A manual clean keeps `manageable` as its target through every event (Ironic does).
        const manualClean = state === 'cleaning' && node.targetProvisionState === 'manageable';
        const started = new Date();
        const next = await work(context, request);
        if (next === 'wait') return;
        await this.advance(context, next, manualClean ? 'manageable' : undefined, started);
      } catch (error) {
        this.log.warn({ node: node.uuid, state, err: error }, 'provisioning step failed');
        await this.fail(context, error instanceof Error ? error.message : String(error));
        return;
      } finally {
        await context.save();
      }
    }
  }

  /**
   * Fails the node's provisioning where it stands (a step error, a timeout, a take-over): the
   * message goes to last_error and the history, then the `fail` event moves the node on.
   */
  async fail(context: NodeTaskContext, message: string): Promise<void> {
    const node = context.task.node;
    node.lastError = message;
    await this.history.error(context.row.id, node.provisionState, node.targetProvisionState, message);
    await this.advance(context, 'fail', undefined, null);
  }

  /** Fires `event` and journals the transition (with the time spent in the state it leaves). */
  private async advance(context: NodeTaskContext, event: ProvisionEvent, target: string | undefined, since: Date | null): Promise<void> {
    const from = context.task.node.provisionState;
    fire(context, event, target);
    const { provisionState: to, targetProvisionState } = context.task.node;
    await this.history.transition(context.row.id, { from, event, to, target: targetProvisionState, since });
  }
}

/** Moves the node along the state-machine table; a pair the table lacks is the caller's error. */
function fire(context: NodeTaskContext, event: ProvisionEvent, target?: string): void {
  const node = context.task.node;
  const next = transition(node.provisionState as ProvisionState, event, target ? { target: target as StableProvisionState } : undefined);
  if (!next) throw new InvalidStateRequestedError({ action: event, node: node.uuid, state: node.provisionState });
  node.provisionState = next.state;
  node.targetProvisionState = next.target;
}
