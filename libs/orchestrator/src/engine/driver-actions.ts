import { NETWORK_DRIVER_ACTIONS } from '@slipway/switch';

// Drydock's driver action names (ironic-drydock.md §6.2), which are the names of the per-node
// steps here: each one is recorded in site_task_steps under this name once done on a node.

export const DRIVER_ACTIONS = {
  // OOB driver actions, carried out through the conductor that owns the node.
  configNodePxe: 'config_node_pxe',
  setNodeBoot: 'set_node_boot',
  powerOffNode: 'power_off_node',
  powerOnNode: 'power_on_node',
  powerCycleNode: 'power_cycle_node',
  interrogateOob: 'interrogate_oob',
  // Node driver actions (MAAS's in Drydock; the Ironic node and its provision states here).
  createStorageTemplate: 'create_storage_template',
  createBootMedia: 'create_boot_media',
  prepareHardwareConfig: 'prepare_hardware_config',
  identifyNode: 'identify_node',
  configureHardware: 'configure_hardware',
  interrogateNode: 'interrogate_node',
  applyNodeNetworking: 'apply_node_networking',
  applyNodeStorage: 'apply_node_storage',
  applyNodePlatform: 'apply_node_platform',
  deployNode: 'deploy_node',
  destroyNode: 'destroy_node',
  // Network driver actions, on the switch ports the design names (@slipway/switch).
  interrogatePort: NETWORK_DRIVER_ACTIONS.interrogatePort,
  configPortProvisioning: NETWORK_DRIVER_ACTIONS.configPortProvisioning,
  configPortProduction: NETWORK_DRIVER_ACTIONS.configPortProduction,
  // Kubernetes driver action (Promenade's in Drydock; the node's extra here).
  relabelNode: 'relabel_node',
  // The orchestrator's own last stage of deploy_nodes (Drydock's BootactionReport): the node's boot action reports.
  bootactionReport: 'bootaction_report',
} as const;

export type DriverAction = (typeof DRIVER_ACTIONS)[keyof typeof DRIVER_ACTIONS];

const A = DRIVER_ACTIONS;

/**
 * Minutes a step may take before it fails, Drydock's timeout defaults: identify_node 10,
 * configure_hardware 30, apply_node_* 5, deploy_node 45, destroy_node 30, relabel_node 5,
 * bootaction_report 15 (bootaction_final_status; SLIPWAY_ORCHESTRATOR_BOOTACTION_TIMEOUT); the OOB
 * and network actions, the interrogations and the two template/media steps (no timeout of their
 * own in Drydock) get drydock_timeout (5).
 */
export const STEP_TIMEOUT_MINUTES: Readonly<Record<DriverAction, number>> = Object.freeze({
  [A.configNodePxe]: 5,
  [A.setNodeBoot]: 5,
  [A.powerOffNode]: 5,
  [A.powerOnNode]: 5,
  [A.powerCycleNode]: 5,
  [A.interrogateOob]: 5,
  [A.createStorageTemplate]: 5,
  [A.createBootMedia]: 5,
  [A.prepareHardwareConfig]: 10,
  [A.identifyNode]: 10,
  [A.configureHardware]: 30,
  [A.interrogateNode]: 5,
  [A.applyNodeNetworking]: 5,
  [A.applyNodeStorage]: 5,
  [A.applyNodePlatform]: 5,
  [A.deployNode]: 45,
  [A.destroyNode]: 30,
  [A.interrogatePort]: 5,
  [A.configPortProvisioning]: 5,
  [A.configPortProduction]: 5,
  [A.relabelNode]: 5,
  [A.bootactionReport]: 15,
});
