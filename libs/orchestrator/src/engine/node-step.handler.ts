import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NodeRepository, PortRepository, type NodeEntity } from '@slipway/db';
import { DuplicateNameError, MACAlreadyExistsError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { POWER_STATES, PROVISION_EVENTS as E, PROVISION_STATES as S, type PowerState, type ProvisionEvent } from '@slipway/provisioning';
import { nodeChangePowerState, nodeCreate, nodeProvision, nodeSetBootDevice, nodeUpdate, nodeValidateInterfaces, portCreate } from '@slipway/rpc';
import { CLOCK, type Clock } from '@slipway/runtime';
import type { BaremetalNode } from '@slipway/site';
import { isRetryable } from '@slipway/task-queue';
import { DRIVER_ACTIONS as A, type DriverAction } from './driver-actions';
import { ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { enrolmentFor } from './node-enrolment';
import { NodeConductorRpcService } from './node-conductor-rpc.service';
import { NodeBootActions } from './node-boot-actions';
import { NodeNetworkSteps } from './node-network-steps';
import { recordChanges, type RecordingStep } from './node-records';
import { stepDone, stepFailed, type NodeStepContext, type StepOutcome } from './node-step';
import { DEPLOYED, DESTROYED, INSPECTED, MANAGED, nextMove, nextPowerMove, type NodeObservation, type ProvisionGoal } from './provision-goals';

export type { NodeStepContext, StepOutcome } from './node-step';

const done = stepDone;
const failed = stepFailed;

/** Provision states a verified node should not rest in. */
const FAILED_STATES: ReadonlySet<string> = new Set([S.DEPLOYFAIL, S.CLEANFAIL, S.INSPECTFAIL, S.ADOPTFAIL, S.RESCUEFAIL, S.UNRESCUEFAIL, S.SERVICEFAIL, S.ERROR]);

type StepRunner = (context: NodeStepContext, deadline: number) => Promise<StepOutcome>;

/** One turn of a waiting step: `acted` when it just fired something (the next read comes soon). */
type PollMove = { kind: 'wait'; acted?: boolean } | { kind: 'complete' } | { kind: 'failed'; reason: string };

/**
 * Runs one driver action (a step) on one node through the conductor that owns it, and says how
 * it ended. Steps that wait for the conductor drive the node towards a goal table
 * (provision-goals.ts) until it is reached, fails, or the step's timeout passes.
 */
@Injectable()
export class NodeStepHandler {
  private readonly log = getLogger('NodeStepHandler');
  private readonly steps: Readonly<Record<DriverAction, StepRunner>>;

  constructor(
    private readonly nodes: NodeRepository,
    private readonly ports: PortRepository,
    private readonly conductors: NodeConductorRpcService,
    private readonly network: NodeNetworkSteps,
    private readonly bootActions: NodeBootActions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENGINE_SETTINGS) private readonly settings: EngineSettings,
  ) {
    this.steps = {
      [A.configNodePxe]: (context) => this.setPxeBoot(context),
      [A.setNodeBoot]: (context) => this.setPxeBoot(context),
      [A.powerOffNode]: (context, deadline) => this.power(context, POWER_STATES.POWER_OFF, deadline),
      [A.powerOnNode]: (context, deadline) => this.power(context, POWER_STATES.POWER_ON, deadline),
      [A.powerCycleNode]: (context, deadline) => this.powerCycle(context, deadline),
      [A.interrogateOob]: (context) => this.interrogateOob(context),
      [A.createStorageTemplate]: (context) => this.record(context, A.createStorageTemplate),
      [A.createBootMedia]: (context) => this.checkBootMedia(context),
      [A.prepareHardwareConfig]: (context) => this.identify(context),
      [A.identifyNode]: (context) => this.identify(context),
      [A.configureHardware]: (context, deadline) => this.configureHardware(context, deadline),
      [A.interrogateNode]: (context) => this.interrogateNode(context),
      [A.applyNodeNetworking]: (context) => this.record(context, A.applyNodeNetworking),
      [A.applyNodeStorage]: (context) => this.record(context, A.applyNodeStorage),
      [A.applyNodePlatform]: (context) => this.record(context, A.applyNodePlatform),
      [A.deployNode]: (context, deadline) => this.deploy(context, deadline),
      [A.destroyNode]: (context, deadline) => this.destroy(context, deadline),
      [A.interrogatePort]: (context) => this.network.interrogatePorts(context),
      [A.configPortProvisioning]: (context) => this.network.configureProvisioning(context),
      [A.configPortProduction]: (context) => this.network.configureProduction(context),
      [A.relabelNode]: (context) => this.record(context, A.relabelNode),
      [A.bootactionReport]: (context, deadline) => this.bootActions.awaitReports(context, deadline),
    };
  }

  /** Runs `step` on the node; a conductor's refusal becomes a failure that names it. */
  async run(step: DriverAction, context: NodeStepContext): Promise<StepOutcome> {
    const deadline = this.clock.now().getTime() + this.settings.stepTimeoutMs[step];
    try {
      return await this.steps[step](context, deadline);
    } catch (error) {
      // What the conductor refused (or a conductor that is away): the step's outcome, not a crash.
      this.log.info({ node: context.node.name, step, err: error }, 'node step failed');
      return failed(error instanceof Error ? error.message : String(error), isRetryable(error));
    }
  }

  /** identify_node: the Ironic node exists, named after the design node, with its ports. */
  private async identify({ node, designRef }: NodeStepContext): Promise<StepOutcome> {
    const mapped = enrolmentFor(node, designRef);
    if (!mapped.ok) return failed(mapped.reason);
    const { enrolment } = mapped;
    const messages = [...enrolment.notes];
    let entity = await this.nodes.findByName(node.name);
    if (entity === null) {
      const uuid = randomUUID();
      const { ports: _ports, notes: _notes, ...fields } = enrolment;
      try {
        await this.conductors.call({ uuid, driver: enrolment.driver, conductorGroup: '' }, nodeCreate, { fields: { ...fields, uuid }, initialState: 'enroll' });
        messages.push(`Enrolled in Ironic as node ${uuid} (${enrolment.driver}).`);
      } catch (error) {
        // Another run got there first (a restarted job whose create did land): the node is there.
        if (!(error instanceof DuplicateNameError)) throw error;
      }
      entity = await this.nodes.findByName(node.name);
      if (entity === null) return failed(`Node ${node.name} was enrolled but cannot be read back.`, true);
    } else {
      messages.push(`Known to Ironic as node ${entity.uuid} (${entity.driver}, ${entity.provisionState}).`);
    }
    for (const port of enrolment.ports) {
      const existing = await this.ports.findByAddress(port.address);
      if (existing !== null && existing.nodeId !== entity.id) return failed(`MAC ${port.address} (metadata.boot_mac) is a port of another Ironic node.`);
      if (existing !== null) continue;
      try {
        await this.conductors.call(routed(entity), portCreate, { uuid: randomUUID(), nodeUuid: entity.uuid, portgroupUuid: null, fields: port });
        messages.push(`Port ${port.address} created.`);
      } catch (error) {
        if (!(error instanceof MACAlreadyExistsError)) throw error;
      }
    }
    return done(...messages);
  }

  /** set_node_boot: PXE for the next boot, for a node Ironic has not managed yet (Drydock skips known nodes). */
  private async setPxeBoot({ node }: NodeStepContext): Promise<StepOutcome> {
    const entity = await this.nodes.findByName(node.name);
    if (entity === null) return notEnrolled(node);
    if (entity.provisionState !== S.ENROLL) return done(`Known to Ironic (${entity.provisionState}): its boot device is left as it is.`);
    await this.conductors.call(routed(entity), nodeSetBootDevice, { uuid: entity.uuid, device: 'pxe', persistent: false });
    return done('Boot device set to PXE.');
  }

  /** power_cycle_node: for a node Ironic has not managed yet, as set_node_boot. */
  private async powerCycle(context: NodeStepContext, deadline: number): Promise<StepOutcome> {
    const entity = await this.nodes.findByName(context.node.name);
    if (entity === null) return notEnrolled(context.node);
    if (entity.provisionState !== S.ENROLL) return done(`Known to Ironic (${entity.provisionState}): not power cycled.`);
    return this.power(context, POWER_STATES.REBOOT, deadline);
  }

  private async power({ node }: NodeStepContext, target: PowerState, deadline: number): Promise<StepOutcome> {
    let acted = false;
    const outcome = await this.poll(node, deadline, `the power action ${target}`, async (entity) => {
      const move = nextPowerMove(target, observe(entity), acted);
      if (move.kind !== 'act') return move;
      await this.conductors.call(routed(entity), nodeChangePowerState, { uuid: entity.uuid, target });
      acted = true;
      return { kind: 'wait', acted: true };
    });
    return outcome.kind === 'done' ? done(`Power action ${target} done.`) : outcome;
  }

  /** configure_hardware: managed (verified by the conductor), then inspected when the driver can. */
  private async configureHardware(context: NodeStepContext, deadline: number): Promise<StepOutcome> {
    const managed = await this.converge(context, MANAGED, deadline);
    if (managed.kind === 'failed') return managed;
    const entity = await this.nodes.findByName(context.node.name);
    if (entity === null) return notEnrolled(context.node);
    if (entity.inspectInterface === null || entity.inspectInterface === 'no-inspect') return done('Managed; the driver cannot inspect.');
    const inspected = await this.converge(context, INSPECTED, deadline);
    return inspected.kind === 'done' ? done(`Managed and inspected (${entity.inspectInterface}).`) : inspected;
  }

  /**
   * deploy_node: provided when needed, then deployed; the deploy registers the node's boot
   * actions and hands them to the node in its config drive. A node already active is not
   * deployed again, and gets no boot actions from this task.
   */
  private async deploy(context: NodeStepContext, deadline: number): Promise<StepOutcome> {
    let registered = 0;
    const outcome = await this.converge(context, DEPLOYED, deadline, async (event) => {
      if (event !== E.DEPLOY) return {};
      const actions = await this.bootActions.register(context);
      registered = actions.length;
      const configdrive = this.bootActions.configdrive(context.node.name, actions);
      return configdrive === undefined ? {} : { configdrive };
    });
    if (outcome.kind === 'done' && registered > 0) outcome.messages.push(`${registered} boot action(s) handed to the node in its config drive.`);
    return outcome;
  }

  private async destroy(context: NodeStepContext, deadline: number): Promise<StepOutcome> {
    if ((await this.nodes.findByName(context.node.name)) === null) return done('Not enrolled in Ironic: nothing to destroy.');
    return this.converge(context, DESTROYED, deadline);
  }

  /** interrogate_oob: the BMC answers (power and management interfaces validate), and its power state. */
  private async interrogateOob({ node, designRef }: NodeStepContext): Promise<StepOutcome> {
    const entity = await this.nodes.findByName(node.name);
    if (entity === null) {
      const mapped = enrolmentFor(node, designRef);
      return mapped.ok ? done(`Not enrolled in Ironic yet; prepare_nodes enrols it on ${mapped.enrolment.driver}.`, ...mapped.enrolment.notes) : failed(mapped.reason);
    }
    const { interfaces } = await this.conductors.call(routed(entity), nodeValidateInterfaces, { uuid: entity.uuid });
    const broken = interfaces.filter((check) => (check.interface === 'power' || check.interface === 'management') && check.result === false);
    if (broken.length > 0) return failed(broken.map((check) => `${check.interface}: ${check.reason ?? 'invalid'}`).join('; '));
    return done(`OOB answers; power state ${entity.powerState ?? 'unknown'}.`);
  }

  /**
   * create_boot_media: what the node boots for its deploy is in place, i.e. its boot and deploy
   * interfaces validate (deploy ramdisk or ISO configured, the instance image recorded by
   * apply_node_platform): a node that cannot be deployed fails here, naming why, before
   * deploy_node changes anything. Slipway does not build boot media (no ISO building).
   */
  private async checkBootMedia({ node }: NodeStepContext): Promise<StepOutcome> {
    const entity = await this.nodes.findByName(node.name);
    if (entity === null) return notEnrolled(node);
    const { interfaces } = await this.conductors.call(routed(entity), nodeValidateInterfaces, { uuid: entity.uuid });
    const checked = interfaces.filter((check) => check.interface === 'boot' || check.interface === 'deploy');
    const broken = checked.filter((check) => check.result === false);
    if (broken.length > 0) return failed(broken.map((check) => `${check.interface}: ${check.reason ?? 'invalid'}`).join('; '));
    return done(`Boot media in place: ${checked.map((check) => `${check.interface} ${check.result === true ? 'valid' : `not checked (${check.reason ?? 'unsupported'})`}`).join(', ')} (${entity.bootInterface ?? 'no boot interface'}, ${entity.deployInterface ?? 'no deploy interface'}).`);
  }

  /** interrogate_node: the Ironic node's state; a node at rest in a failed state or in maintenance fails. */
  private async interrogateNode({ node }: NodeStepContext): Promise<StepOutcome> {
    const entity = await this.nodes.findByName(node.name);
    if (entity === null) return done('Not enrolled in Ironic yet.');
    const state = `${entity.provisionState}${entity.targetProvisionState ? ` → ${entity.targetProvisionState}` : ''}`;
    if (entity.maintenance) return failed(`In maintenance (${entity.maintenanceReason ?? 'no reason given'}); state ${state}.`);
    if (FAILED_STATES.has(entity.provisionState)) return failed(`State ${state}${entity.lastError ? `: ${entity.lastError}` : ''}.`);
    return done(`Ironic node ${entity.uuid}: ${state}, ${entity.powerState ?? 'power unknown'}.`);
  }

  /** apply_node_networking/storage/platform and relabel_node: the design's view written on the node. */
  private async record({ node, design, designRef }: NodeStepContext, step: RecordingStep): Promise<StepOutcome> {
    const entity = await this.nodes.findByName(node.name);
    if (entity === null) return notEnrolled(node);
    const changes = recordChanges(step, node, design, designRef, {
      properties: entity.properties,
      instance_info: entity.instanceInfo,
      extra: entity.extra,
      network_data: entity.networkData,
      deployInterface: entity.deployInterface,
    });
    const fields = Object.keys(changes);
    if (fields.length === 0) return done('Already recorded on the node.');
    await this.conductors.call(routed(entity), nodeUpdate, { uuid: entity.uuid, changes, resetInterfaces: false });
    return done(`Recorded on the node: ${fields.join(', ')}.`);
  }

  /** Drives the node towards `goal`: fires the events the table gives, waits for the conductor in between. */
  /** `withEvent` adds fields to the provision request of an event (the config drive of a deploy). */
  private converge({ node }: NodeStepContext, goal: ProvisionGoal, deadline: number, withEvent?: (event: ProvisionEvent) => Promise<{ configdrive?: unknown }>): Promise<StepOutcome> {
    const fired = new Set<ProvisionEvent>();
    return this.poll(node, deadline, `the node to become ${goal.name}`, async (entity) => {
      const move = nextMove(goal, observe(entity), fired);
      if (move.kind !== 'act') return move;
      const extra = withEvent === undefined ? {} : await withEvent(move.event);
      await this.conductors.call(routed(entity), nodeProvision, { uuid: entity.uuid, event: move.event, ...extra });
      this.log.info({ node: node.name, uuid: entity.uuid, event: move.event, from: entity.provisionState }, 'provision event sent');
      fired.add(move.event);
      return { kind: 'wait', acted: true };
    });
  }

  /**
   * The loop of the waiting steps: read the node, take one move, pause (doubling from
   * nodePollMinMs up to nodePollMaxMs, back to the minimum after an action) until the move says
   * complete or failed or the deadline passes. A transient refusal (node locked, no free worker,
   * conductor away) is waited out like any other wait.
   */
  private async poll(node: BaremetalNode, deadline: number, what: string, move: (entity: NodeEntity) => Promise<PollMove>): Promise<StepOutcome> {
    let pause = this.settings.nodePollMinMs;
    for (;;) {
      const entity = await this.nodes.findByName(node.name);
      if (entity === null) return notEnrolled(node);
      let result: PollMove;
      try {
        result = await move(entity);
      } catch (error) {
        if (!isRetryable(error)) throw error;
        this.log.info({ node: node.name, err: error }, 'the conductor could not act yet; trying again');
        result = { kind: 'wait' };
      }
      if (result.kind === 'complete') return done(`The node is ${entity.provisionState}, power ${entity.powerState ?? 'unknown'}.`);
      if (result.kind === 'failed') return failed(result.reason);
      if (this.clock.now().getTime() >= deadline) {
        return failed(`Timed out waiting for ${what}: the node is ${entity.provisionState}${entity.targetProvisionState ? ` → ${entity.targetProvisionState}` : ''}.`);
      }
      if (result.kind === 'wait' && result.acted) pause = this.settings.nodePollMinMs;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, this.settings.nodePollMaxMs);
    }
  }
}

function notEnrolled(node: BaremetalNode): StepOutcome {
  return failed(`Node ${node.name} is not enrolled in Ironic: run prepare_nodes first.`);
}

function routed(entity: NodeEntity): { uuid: string; driver: string; conductorGroup: string } {
  return { uuid: entity.uuid, driver: entity.driver, conductorGroup: entity.conductorGroup };
}

function observe(entity: NodeEntity): NodeObservation {
  return {
    provisionState: entity.provisionState,
    targetProvisionState: entity.targetProvisionState,
    powerState: entity.powerState,
    targetPowerState: entity.targetPowerState,
    maintenance: entity.maintenance,
    maintenanceReason: entity.maintenanceReason,
    lastError: entity.lastError,
  };
}
