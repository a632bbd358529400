import { Inject, Injectable } from '@nestjs/common';
import { NodeRepository } from '@slipway/db';
import { PROVISION_STATES as S } from '@slipway/provisioning';
import { nodePortPlan, productionVlans, provisioningVlans, type NodePortPlan, type PlannedPort, type PortState, type PortVlans, type SwitchDriver } from '@slipway/switch';
import { stepDone, stepFailed, type NodeStepContext, type StepOutcome } from './node-step';
import { SWITCH_DRIVER } from './switch-driver.provider';

/**
 * Provision states in which a node is not in service: its ports may go to the provisioning VLAN.
 * A node deployed, being deployed or rescued keeps its production VLANs when prepare_nodes runs
 * again (as Drydock's OOB steps skip nodes MAAS already knows).
 */
const NOT_IN_SERVICE: ReadonlySet<string> = new Set([
  S.ENROLL, S.VERIFYING, S.MANAGEABLE, S.AVAILABLE, S.CLEANING, S.CLEANWAIT, S.CLEANFAIL, S.CLEANHOLD,
  S.INSPECTING, S.INSPECTWAIT, S.INSPECTFAIL, S.DELETING, S.ERROR,
]);

/**
 * Drydock's network driver actions on the switch ports a node is cabled to, as the design names
 * them (switch_port.<interface> labels, design-port-plan.ts in @slipway/switch):
 * - interrogate_port (verify_nodes): every port exists and its link is up; reports the VLANs it
 *   carries against what provisioning and production ask.
 * - config_port_provisioning (prepare_nodes before the node boots, destroy_nodes after it is torn
 *   down): the provisioning interface's ports on the provisioning VLAN.
 * - config_port_production (deploy_nodes, once the node is deployed): every port on its link's VLANs.
 * Without a switch driver (noop) the plan is still checked, and nothing is changed.
 */
@Injectable()
export class NodeNetworkSteps {
  constructor(
    private readonly nodes: NodeRepository,
    @Inject(SWITCH_DRIVER) private readonly switches: SwitchDriver | null,
  ) {}

  async interrogatePorts({ node, design }: NodeStepContext): Promise<StepOutcome> {
    const plan = nodePortPlan(node, design);
    if (plan.ports.length === 0) return noPorts();
    if (this.switches === null) return noopDriver(plan, 'interrogated');
    const messages: string[] = [];
    const problems: string[] = [];
    for (const planned of plan.ports) {
      const state = await this.switches.interrogatePort(planned.port);
      messages.push(`${planned.port} (${planned.interface}): ${describePort(state)}; ${comparison(planned, state)}.`);
      if (state.adminState !== 'up') problems.push(`${planned.port} is shut down`);
      else if (state.operState === 'down') problems.push(`${planned.port} has no link`);
    }
    return problems.length === 0 ? stepDone(...messages) : stepFailed(`${problems.join('; ')}. ${messages.join(' ')}`);
  }

  async configureProvisioning({ node, design }: NodeStepContext): Promise<StepOutcome> {
    const plan = nodePortPlan(node, design);
    if (plan.ports.length === 0) return noPorts();
    const ports = plan.ports.filter((port) => port.provisioning !== undefined);
    if (ports.length === 0) {
      const why = plan.provisioningNetwork === undefined ? 'none of its interfaces is on a network with a dhcp range' : `its provisioning interface (on ${plan.provisioningNetwork}) has no switch port`;
      return stepDone(`No port to put on a provisioning VLAN: ${why}.`);
    }
    const entity = await this.nodes.findByName(node.name);
    if (entity !== null && !NOT_IN_SERVICE.has(entity.provisionState)) {
      return stepDone(`In service (${entity.provisionState}): its ports keep their production VLANs.`);
    }
    if (this.switches === null) return noopDriver(plan, 'configured');
    const messages: string[] = [];
    for (const { port, provisioning } of ports) {
      if (provisioning === undefined) continue;
      await this.switches.configurePortProvisioning(port, provisioning);
      messages.push(`${port}: access on VLAN ${provisioning.provisioningVlan} (${plan.provisioningNetwork}).`);
    }
    return stepDone(...messages);
  }

  async configureProduction({ node, design }: NodeStepContext): Promise<StepOutcome> {
    const plan = nodePortPlan(node, design);
    if (plan.ports.length === 0) return noPorts();
    if (this.switches === null) return noopDriver(plan, 'configured');
    const messages: string[] = [];
    for (const { port, link, production } of plan.ports) {
      await this.switches.configurePortProduction(port, production);
      messages.push(`${port}: ${describeVlans(productionVlans(production))} (link ${link}).`);
    }
    return stepDone(...messages);
  }
}

function noPorts(): StepOutcome {
  return stepDone('The design names no switch ports for this node (switch_port.<interface> labels): nothing to do.');
}

function noopDriver(plan: NodePortPlan, what: string): StepOutcome {
  return stepDone(`No switch driver (SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER is noop): ${plan.ports.map((port) => port.port).join(', ')} not ${what}.`);
}

function describePort(state: PortState): string {
  const link = state.adminState === 'up' ? `link ${state.operState}` : 'shut down';
  const enforced = state.vlanFiltering ? '' : ', VLANs not enforced by the switch';
  return `${link}, ${describeVlans(state)}${enforced}`;
}

function describeVlans(vlans: PortVlans): string {
  if (vlans.allowedVlans.length === 0) return 'no VLAN';
  if (vlans.mode === 'access') return `access on VLAN ${vlans.nativeVlan ?? vlans.allowedVlans[0]}`;
  return `trunk of VLANs ${vlans.allowedVlans.join(', ')}${vlans.nativeVlan === undefined ? '' : `, native ${vlans.nativeVlan}`}`;
}

/** Whether the port carries what provisioning or production asks of it. */
function comparison(planned: PlannedPort, state: PortState): string {
  if (sameVlans(state, productionVlans(planned.production))) return 'as production asks';
  if (planned.provisioning !== undefined && sameVlans(state, provisioningVlans(planned.provisioning))) return 'as provisioning asks';
  return 'neither as provisioning nor as production asks';
}

/** Both are normalised (ascending VLANs without repeats). */
function sameVlans(a: PortVlans, b: PortVlans): boolean {
  return a.mode === b.mode && a.nativeVlan === b.nativeVlan && a.allowedVlans.length === b.allowedVlans.length && a.allowedVlans.every((vlan, index) => vlan === b.allowedVlans[index]);
}
