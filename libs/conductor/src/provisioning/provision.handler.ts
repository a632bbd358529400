import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ConcurrentActionLimitError, InvalidParameterValueError, InvalidStateRequestedError, MissingParameterValueError } from '@slipway/errors';
import { DeployTemplateRepository, NodeRepository } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { ProvisionEvent, ProvisionState, StableProvisionState, transition } from '@slipway/provisioning';
import { nodeProvision, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { PROVISIONING_SETTINGS, ProvisioningSettings } from './provisioning-settings';
import { NodeHistoryRecorder } from '../history/node-history.recorder';
import { NodeTaskContext, NodeTaskRunner } from '../tasks/node-task.runner';
import { instanceTraits, planDeploySteps, type MatchedTemplate } from './deploy-plan';
import { automatedCleanSteps, OPERATION_OF_KIND, PROVISION_WORK, STEP_KIND_OF_STATE, type WorkHooks } from './provision-work';
import { completePausedStep, currentPlannedStep, forgetAllPlans, planSteps, storePlan, type PlannedStep } from './step-runner';
import { InspectionRecorder } from '../inspection/inspection-recorder';
import { BiosSettingsCache } from '../bios/bios-settings-cache';

type ProvisionRequest = RpcRequestOf<typeof nodeProvision>;

/**
 * Work that counts toward a concurrency limit: the states a node enters, and those it is counted
 * in (Ironic counts deploying and wait call-back for deploys, cleaning and clean wait for cleans).
 */
const LIMITED_WORK = [
  { entering: ['deploying'], counted: ['deploying', 'wait call-back'], limit: (s: ProvisioningSettings) => s.maxConcurrentDeploy, taskType: 'deploy' },
  { entering: ['cleaning', 'deleting'], counted: ['cleaning', 'clean wait'], limit: (s: ProvisioningSettings) => s.maxConcurrentClean, taskType: 'cleaning' },
] as const;

const BIOS_CHANGING_STEPS: ReadonlySet<string> = new Set(['apply_configuration', 'factory_reset']);

/** What last_error calls the work an abort stops in the states that run no step plan. */
const ABORTED_OPERATION_OF_STATE: Partial<Record<string, string>> = { 'inspect wait': 'inspection', 'rescue wait': 'rescue' };

/** Ironic's fault of a node whose cleaning failed. */
export const CLEAN_FAILURE_FAULT = 'clean failure';

/** Wait states of step plans, which a finished waiting step continues. */
const WAIT_STATES: ReadonlySet<string> = new Set(['wait call-back', 'clean wait', 'service wait']);

const CLEAN_STATES: ReadonlySet<string> = new Set(['cleaning', 'clean wait', 'clean hold']);
/** Set when an abort arrives while a step that is not abortable waits: the abort follows the step. */
const ABORT_AFTER_STEP = 'abort_after_step';

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
    private readonly nodes: NodeRepository,
    private readonly templates: DeployTemplateRepository,
    @Inject(PROVISIONING_SETTINGS) private readonly settings: ProvisioningSettings,
    private readonly biosCache: BiosSettingsCache,
    private readonly inspections: InspectionRecorder,
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
        if (event === 'abort') return this.abort(context);
        const entering = transition(context.task.node.provisionState as ProvisionState, event)?.state;
        if (entering !== undefined) await this.checkConcurrency(entering);
        const plan = entering === undefined ? undefined : await this.plan(context, entering, request);
        await this.advance(context, event, context.row.provisionUpdatedAt, request.target);
        const node = context.task.node;
        node.lastError = null;
        // unhold goes on with the plan it paused; every other request starts afresh.
        if (event === 'unhold') return;
        forgetAllPlans(node);
        const kind = STEP_KIND_OF_STATE[node.provisionState as ProvisionState];
        if (plan && kind) storePlan(node, kind, plan);
        if (request.configdrive !== undefined) node.instanceInfo = { ...node.instanceInfo, configdrive: request.configdrive };
      },
      (context) => this.work(context, request.event === 'unhold'),
    );
    return {};
  }

  /**
   * Abort (wait and hold states): the work stops and the node fails, with last_error saying it
   * was on request. A waiting step that is not abortable finishes first: the abort is kept and
   * fires when the step's callback continues the work (Ironic).
   */
  private async abort(context: NodeTaskContext): Promise<void> {
    const node = context.task.node;
    const state = node.provisionState as ProvisionState;
    if (!transition(state, 'abort')) throw new InvalidStateRequestedError({ action: 'abort', node: node.uuid, state });
    const kind = STEP_KIND_OF_STATE[state];
    const step = kind ? currentPlannedStep(node, kind) : undefined;
    // A hold runs no step, so it always stops at once.
    if (kind && step && !step.abortable && !state.endsWith(' hold')) {
      node.driverInternalInfo = { ...node.driverInternalInfo, [ABORT_AFTER_STEP]: true };
      await this.history.event(context.row.id, state, node.targetProvisionState, `Abort requested: the ${step.interface}.${step.step} step is not abortable, so the ${OPERATION_OF_KIND[kind]} stops once it ends.`);
      return;
    }
    if (kind === 'clean') await context.task.driver.deploy.tearDownCleaning(context.task);
    await this.advance(context, 'abort', context.row.provisionUpdatedAt);
    forgetAllPlans(node);
    const operation = kind ? OPERATION_OF_KIND[kind] : ABORTED_OPERATION_OF_STATE[state];
    if (operation) node.lastError = `The ${operation} was aborted on request.`;
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

  /** 503 when the state a request enters would exceed its cluster-wide limit (not queued, as in Ironic). */
  private async checkConcurrency(entering: ProvisionState): Promise<void> {
    const limited = LIMITED_WORK.find((work) => (work.entering as readonly string[]).includes(entering));
    if (!limited) return;
    if ((await this.nodes.countInProvisionStates(limited.counted)) >= limited.limit(this.settings)) {
      this.log.warn({ taskType: limited.taskType, limit: limited.limit(this.settings) }, 'concurrent action limit reached; request refused');
      throw new ConcurrentActionLimitError({ taskType: limited.taskType });
    }
  }

  /**
   * A waiting step's work finished (a driver's periodic poll, later an agent's heartbeat): the
   * plan goes on from the next step, or, with `error`, the node fails with it. A node that is no
   * longer waiting (aborted, timed out) is left as it is.
   */
  async continueAfterWait(uuid: string, error?: string): Promise<void> {
    let continuing = false;
    await this.tasks.exclusiveThenBackground(
      uuid,
      'continue after a waiting step',
      async (context) => {
        const state = context.task.node.provisionState as ProvisionState;
        if (!WAIT_STATES.has(state)) return this.log.info({ node: uuid, state }, 'a waiting step finished, but the node no longer waits; ignored');
        if (error !== undefined) return this.fail(context, error);
        continuing = true;
        await this.continuePaused(context);
      },
      async (context) => {
        if (continuing) await this.work(context);
      },
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
        return request.event === 'clean' ? planSteps(context, 'clean', request.cleanSteps ?? []) : automatedCleanSteps(context, this.settings.automatedClean);
      case 'servicing':
        return planSteps(context, 'service', request.serviceSteps ?? []);
      case 'deploying': {
        try {
          await task.driver.power.validate(task);
          await task.driver.deploy.validate(task);
        } catch (error) {
          // A refused driver_info or instance_info is the request's fault (400); anything else
          // (a driver that broke) passes on as it is.
          if (!(error instanceof InvalidParameterValueError || error instanceof MissingParameterValueError)) throw error;
          throw new InvalidParameterValueError(`Cannot deploy node ${task.node.uuid}: the validation of its deploy or power interface failed: ${error.message}`);
        }
        return planDeploySteps(context, await this.matchedTemplates(context), request.deploySteps ?? []);
      }
      default:
        return undefined;
    }
  }

  /** The deploy templates named by the instance's traits (Ironic: instance_info.traits), in that order. */
  private async matchedTemplates(context: NodeTaskContext): Promise<MatchedTemplate[]> {
    // The locked read carries the traits (reserveByUuid); other reads may not.
    const nodeTraits = context.row.traits ?? (await this.nodes.traitsOf([context.row.id])).get(context.row.id) ?? [];
    const matched: MatchedTemplate[] = [];
    for (const trait of instanceTraits(context, nodeTraits)) {
      const template = await this.templates.findByName(trait);
      if (template) matched.push({ name: template.name, steps: template.steps.map(({ interface: iface, step, args, priority }) => ({ interface: iface, step, args, priority })) });
    }
    return matched;
  }

  /**
   * Runs the work of each busy state the node passes through, until it rests. A step may pause
   * the work: `hold` rests in the hold state until `unhold`; `wait` for some seconds sleeps in
   * the wait state, then resumes; other waits rest until a callback continues them.
   */
  private async work(context: NodeTaskContext, continuePaused = false): Promise<void> {
    const node = context.task.node;
    const hooks: WorkHooks = {
      steps: {
        started: (step, index, total) => this.history.step(context.row.id, node.provisionState, node.targetProvisionState, `${step.interface}.${step.step}`, index, total, context),
        // Ironic re-reads the BIOS settings after the steps that change them.
        finished: async (step) => {
          if (step.interface === 'bios' && BIOS_CHANGING_STEPS.has(step.step)) await this.biosCache.refresh(context);
        },
      },
      automatedCleanByDefault: this.settings.automatedClean,
      cacheBiosSettings: (target) => this.biosCache.refresh(target),
      recordInspection: (target, inventory, pluginData) => this.inspections.record(target, inventory, pluginData),
    };
    if (continuePaused) {
      try {
        await this.continuePaused(context);
      } finally {
        await context.save();
      }
    }
    for (;;) {
      const state = node.provisionState as ProvisionState;
      const work = PROVISION_WORK[state];
      if (!work) return;
      try {
        const started = new Date();
        const next = await work(context, hooks);
        if (typeof next === 'string') {
          await this.advance(context, next, started);
          continue;
        }
        await this.advance(context, next.pause, started);
        if (next.pause === 'hold' || next.seconds === undefined) return;
        await context.save();
        await sleep(Math.min(next.seconds, this.settings.maxConductorWaitStepSeconds) * 1000);
        await this.continuePaused(context);
      } catch (error) {
        this.log.warn({ node: node.uuid, state, err: error }, 'provisioning step failed');
        await this.fail(context, error instanceof Error ? error.message : String(error));
        return;
      } finally {
        await context.save();
      }
    }
  }

  /** Goes on after the step that paused the plan: it counts as done, and `resume` fires. */
  private async continuePaused(context: NodeTaskContext): Promise<void> {
    const node = context.task.node;
    const kind = STEP_KIND_OF_STATE[node.provisionState as ProvisionState];
    const paused = kind ? currentPlannedStep(node, kind) : undefined;
    if (kind) completePausedStep(node, kind);
    // An asynchronous BIOS step (applied at a reboot, seen by a driver's poll) ends here.
    if (paused?.interface === 'bios' && BIOS_CHANGING_STEPS.has(paused.step)) await this.biosCache.refresh(context);
    if (node.driverInternalInfo[ABORT_AFTER_STEP] === true) {
      const { [ABORT_AFTER_STEP]: _flag, ...rest } = node.driverInternalInfo;
      node.driverInternalInfo = rest;
      return this.abort(context);
    }
    await this.advance(context, 'resume', new Date());
  }

  /**
   * Fails the node's provisioning where it stands (a step error, a timeout, a take-over): the
   * message goes to last_error and the history, then the `fail` event moves the node on.
   */
  async fail(context: NodeTaskContext, message: string): Promise<void> {
    const node = context.task.node;
    const cleaning = node.provisionState === 'cleaning' || node.provisionState === 'clean wait';
    node.lastError = message;
    await this.history.error(context.row.id, node.provisionState, node.targetProvisionState, message);
    await this.advance(context, 'fail', null);
    // Ironic's clean failure: the node goes into maintenance so nothing is scheduled on hardware
    // in an unknown state; an operator fixes it, unsets maintenance, then manages it again.
    if (cleaning && !node.maintenance) {
      node.maintenance = true;
      await this.nodes.applyChanges(context.row.id, { maintenanceReason: message, fault: CLEAN_FAILURE_FAULT });
    }
  }

  /**
   * Fires `event` and journals the transition (with the time spent in the state it leaves). A
   * manual clean keeps `manageable` as its target through every event until it ends (Ironic).
   */
  private async advance(context: NodeTaskContext, event: ProvisionEvent, since: Date | null, target?: string): Promise<void> {
    const from = context.task.node.provisionState;
    const manualClean = CLEAN_STATES.has(from) && context.task.node.targetProvisionState === 'manageable' && event !== 'fail' && event !== 'abort';
    fire(context, event, target ?? (manualClean ? 'manageable' : undefined));
    const { provisionState: to, targetProvisionState } = context.task.node;
    await this.history.transition(context.row.id, { from, event, to, target: targetProvisionState, since }, context);
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
