import { Inject, Injectable } from '@nestjs/common';
import { InvalidParameterValueError, InvalidStateRequestedError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { ProvisionEvent, ProvisionState, StableProvisionState, transition } from '@slipway/provisioning';
import { nodeProvision, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { NodeTaskContext, NodeTaskRunner } from '../tasks/node-task.runner';
import { automatedCleanSteps, PROVISION_WORK, STEP_KIND_OF_STATE } from './provision-work';
import { forgetAllPlans, planSteps, storePlan, type PlannedStep, type StepStartListener } from './step-runner';

type ProvisionRequest = RpcRequestOf<typeof nodeProvision>;

/**
 * Provision actions: under the node lock, re-check the request, plan its steps (bad steps or
 * arguments: 400, the node unchanged) and fire the event, so the node is in the busy state before
 * the caller's 202. Then do that state's work in the background and fire `done` (or `fail`, with
 * last_error) when it ends, until the node rests in a stable state. The plan and its progress are
 * saved with the node, so another conductor can resume the work if this one dies (`resume`).
 */
@Injectable()
export class ProvisionHandler {
  private readonly log = getLogger('ProvisionHandler');

  constructor(
    private readonly tasks: NodeTaskRunner,
    private readonly history: NodeHistoryRecorder,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(nodeProvision, (request) => this.provision(request));
  }

  async provision(request: ProvisionRequest): Promise<Record<string, never>> {
    await this.tasks.exclusiveThenBackground(
      request.uuid,
      `provision action ${request.event}`,
      async (context) => {
        const event = request.event as ProvisionEvent;
        const entering = transition(context.task.node.provisionState as ProvisionState, event)?.state;
        const plan = entering === undefined ? undefined : await this.plan(context, entering, request);
        await this.advance(context, event, request.target, context.row.provisionUpdatedAt);
        const node = context.task.node;
        node.lastError = null;
        forgetAllPlans(node);
        const kind = STEP_KIND_OF_STATE[node.provisionState as ProvisionState];
        if (plan && kind) storePlan(node, kind, plan);
        if (request.configdrive !== undefined) node.instanceInfo = { ...node.instanceInfo, configdrive: request.configdrive };
      },
      (context) => this.work(context),
    );
    return {};
  }

  /**
   * Takes up the work of a node whose conductor died in a busy state, where it stopped: a step
   * plan goes on after its last completed step, other work starts its state again.
   */
  async resume(uuid: string, deadConductor: string): Promise<void> {
    await this.tasks.exclusiveThenBackground(
      uuid,
      'resume provisioning after take over',
      async (context) => {
        const { provisionState: state, targetProvisionState: target } = context.task.node;
        if (!PROVISION_WORK[state as ProvisionState]) return;
        const message = `Resuming ${state} on conductor ${this.identity.hostname}: conductor ${deadConductor}, which was doing it, is not alive.`;
        this.log.warn({ node: uuid, state, deadConductor }, 'resuming provisioning after take over');
        await this.history.event(context.row.id, state, target, message);
      },
      (context) => this.work(context),
    );
  }

  /**
   * The steps of the state a request enters, checked now: an unknown step, bad arguments or a
   * driver that cannot deploy fail the request (400) before the node changes.
   */
  private async plan(context: NodeTaskContext, entering: ProvisionState, request: ProvisionRequest): Promise<PlannedStep[] | undefined> {
    const { task } = context;
    switch (entering) {
      case 'cleaning':
        return request.event === 'clean' ? planSteps(context, 'clean', request.cleanSteps ?? []) : automatedCleanSteps(context);
      case 'servicing':
        return planSteps(context, 'service', request.serviceSteps ?? []);
      case 'deploying': {
        try {
          await task.driver.power.validate(task);
          await task.driver.deploy.validate(task);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new InvalidParameterValueError(`Cannot deploy node ${task.node.uuid}: the validation of its deploy or power interface failed: ${reason}`);
        }
        const requested = request.deploySteps ? planSteps(context, 'deploy', request.deploySteps) : [];
        return [...planSteps(context, 'deploy'), ...requested].sort((a, b) => b.priority - a.priority);
      }
      default:
        return undefined;
    }
  }

  /** Runs the work of each busy state the node passes through, until it rests. */
  private async work(context: NodeTaskContext): Promise<void> {
    const node = context.task.node;
    const onStepStart: StepStartListener = (step, index, total) =>
      this.history.step(context.row.id, node.provisionState, node.targetProvisionState, `${step.interface}.${step.step}`, index, total);
    for (;;) {
      const state = node.provisionState as ProvisionState;
      const work = PROVISION_WORK[state];
      if (!work) return;
      try {
        // A manual clean keeps `manageable` as its target through every event (Ironic does).
        const manualClean = state === 'cleaning' && node.targetProvisionState === 'manageable';
        const started = new Date();
        const next = await work(context, onStepStart);
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
