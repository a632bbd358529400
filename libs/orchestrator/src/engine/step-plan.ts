import type { SiteTaskAction } from '@slipway/site';
import { DRIVER_ACTIONS as A, type DriverAction } from './driver-actions';

/** The orchestrator actions that work node by node, each node in a subtask of its own. */
export const NODE_ACTIONS = ['verify_nodes', 'prepare_nodes', 'deploy_nodes', 'destroy_nodes', 'relabel_nodes'] as const satisfies readonly SiteTaskAction[];
export type NodeAction = (typeof NODE_ACTIONS)[number];

export function isNodeAction(action: string): action is NodeAction {
  return (NODE_ACTIONS as readonly string[]).includes(action);
}

/**
 * The steps of each node action, in Drydock's order (ironic-drydock.md §6.2), as driver action
 * names:
 * - verify_nodes: interrogate_oob (Drydock's only step), then interrogate_node, which reports the
 *   Ironic node's state and fails a node stuck in a failed state or in maintenance, then
 *   interrogate_port, which fails a node whose switch ports are missing or down.
 * - prepare_nodes: identify_node (enrol the node in Ironic if it is not yet),
 *   create_storage_template (the design's boot disk as root device hints), config_port_provisioning (its provisioning interface's switch ports on the provisioning VLAN,
 *   before it boots), set_node_boot (PXE) and power_cycle_node only for nodes Ironic had not
 *   managed yet (a known node skips the OOB steps, as in Drydock), configure_hardware (manage,
 *   then inspect when the driver can).
 * - deploy_nodes: apply_node_networking → apply_node_storage → apply_node_platform →
 *   create_boot_media (the boot and deploy interfaces validate) → deploy_node (which hands the
 *   node its boot actions) → config_port_production (the deployed node's switch ports on their
 *   production VLANs) → bootaction_report (Drydock's last stage: the node's signaling boot actions
 *   reported, within SLIPWAY_ORCHESTRATOR_BOOTACTION_TIMEOUT).
 * - destroy_nodes: destroy_node, then config_port_provisioning (the torn-down node back on the
 *   provisioning VLAN). relabel_nodes: relabel_node.
 */
export const NODE_ACTION_STEPS: Readonly<Record<NodeAction, readonly DriverAction[]>> = Object.freeze({
  verify_nodes: [A.interrogateOob, A.interrogateNode, A.interrogatePort],
  prepare_nodes: [A.identifyNode, A.createStorageTemplate, A.configPortProvisioning, A.setNodeBoot, A.powerCycleNode, A.configureHardware],
  deploy_nodes: [A.applyNodeNetworking, A.applyNodeStorage, A.applyNodePlatform, A.createBootMedia, A.deployNode, A.configPortProduction, A.bootactionReport],
  destroy_nodes: [A.destroyNode, A.configPortProvisioning],
  relabel_nodes: [A.relabelNode],
});

/**
 * How often a node action goes again over the nodes that failed it (Drydock's retry_task, with its
 * retry counts: configure_hardware, deploy_node and destroy_node 3); the others are not retried.
 */
export const NODE_ACTION_RETRIES: Readonly<Record<NodeAction, number>> = Object.freeze({
  verify_nodes: 0,
  prepare_nodes: 3,
  deploy_nodes: 3,
  destroy_nodes: 3,
  relabel_nodes: 0,
});

/** The steps of `action` still to run on a node that has done `done`, in order: a retried or restarted node job runs only these. */
export function remainingSteps(action: NodeAction, done: ReadonlySet<string>): DriverAction[] {
  return NODE_ACTION_STEPS[action].filter((step) => !done.has(step));
}

/**
 * The order in which a site task's node jobs are queued: round robin over the racks (in the order
 * racks first appear), so that the first jobs the workers take spread over every rack instead of
 * filling one rack's limit while the others wait. Nodes keep their design order within a rack.
 */
export function interleaveByRack<T>(items: readonly T[], rackOf: (item: T) => string): T[] {
  const byRack = new Map<string, T[]>();
  for (const item of items) {
    const rack = rackOf(item);
    byRack.set(rack, [...(byRack.get(rack) ?? []), item]);
  }
  const lanes = [...byRack.values()];
  const ordered: T[] = [];
  for (let index = 0; ordered.length < items.length; index++) {
    for (const lane of lanes) if (index < lane.length) ordered.push(lane[index]);
  }
  return ordered;
}
