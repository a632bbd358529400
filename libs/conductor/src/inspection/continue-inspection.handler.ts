import { Inject, Injectable } from '@nestjs/common';
import { STEP_WAIT, type JsonObject } from '@slipway/drivers-framework';
import { InvalidStateRequestedError, NotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { PROVISION_EVENTS as E, PROVISION_STATES as S, ProvisionEvent, ProvisionState, transition } from '@slipway/provisioning';
import { nodeContinueInspection, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { NodeTaskContext, NodeTaskRunner } from '../tasks/node-task.runner';
import type { NodeTasks } from '../tasks/node-tasks.port';
import { InspectionRecorder } from './inspection-recorder';

/**
 * Ironic's continue_inspection: under the node lock the node must still wait for inspection data
 * (else NotFound, like the api's lookup) and resumes inspecting before the caller's answer. Then,
 * in the background, the inspect interface processes the data if it can; the inventory and plugin
 * data are stored, ports are created for new MACs, and the node ends `manageable`, or waits again when the interface processes the
 * data elsewhere, or fails inspection (last_error and history say why).
 */
@Injectable()
export class ContinueInspectionHandler {
  private readonly log = getLogger('ContinueInspectionHandler');

  constructor(
    @Inject(NodeTaskRunner) private readonly tasks: NodeTasks,
    private readonly history: NodeHistoryRecorder,
    private readonly recorder: InspectionRecorder,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeContinueInspection, (request) => this.continueInspection(request));
  }

  async continueInspection({ uuid, inventory, pluginData }: RpcRequestOf<typeof nodeContinueInspection>): Promise<Record<string, never>> {
    await this.tasks.exclusiveThenBackground(
      uuid,
      'continue inspection',
      async (context) => {
        const state = context.task.node.provisionState;
        if (state !== S.INSPECTWAIT) {
          this.log.error({ node: uuid, state }, 'inspection data for a node that does not wait for it; refused');
          throw new NotFoundError();
        }
        await this.advance(context, E.RESUME, context.row.provisionUpdatedAt ?? null);
      },
      (context) => this.process(context, inventory, pluginData),
    );
    return {};
  }

  private async process(context: NodeTaskContext, inventory: JsonObject, pluginData: JsonObject): Promise<void> {
    const { task, row } = context;
    const started = new Date();
    try {
      const outcome = await task.driver.inspect.continueInspection?.(task, inventory, pluginData);
      if (outcome === STEP_WAIT) {
        this.log.info({ node: task.node.uuid }, 'inspection data is processed elsewhere; waiting again');
        return await this.advance(context, E.WAIT, started);
      }
      // Stored after processing, which may have added to the plugin data (Ironic); ports come
      // from the interfaces' MACs.
      await this.recorder.record(context, inventory, pluginData);
      await this.advance(context, E.DONE, started);
      this.log.info({ node: task.node.uuid }, 'inspection finished');
    } catch (error) {
      const message = `Failed to finish inspection: ${error instanceof Error ? error.message : String(error)}`;
      this.log.warn({ node: task.node.uuid, err: error }, 'processing inspection data failed');
      task.node.lastError = message;
      await this.history.error(row.id, task.node.provisionState, task.node.targetProvisionState, message);
      await this.advance(context, E.FAIL, started);
    }
  }

  /** Moves the node along the state machine and journals the transition. */
  private async advance(context: NodeTaskContext, event: ProvisionEvent, since: Date | null): Promise<void> {
    const node = context.task.node;
    const from = node.provisionState;
    const next = transition(from as ProvisionState, event);
    if (!next) throw new InvalidStateRequestedError({ action: event, node: node.uuid, state: from });
    node.provisionState = next.state;
    node.targetProvisionState = next.target;
    this.log.info({ node: node.uuid, from, event, to: next.state }, 'provision state changed');
    await this.history.transition(context.row.id, { from, event, to: next.state, target: next.target, since });
  }
}
