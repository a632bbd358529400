import { DRIVER_ACTIONS, STEP_TIMEOUT_MINUTES } from './driver-actions';
import { interleaveByRack, NODE_ACTION_STEPS, NODE_ACTIONS, remainingSteps } from './step-plan';

describe('node action steps', () => {
  it("are Drydock's driver actions in Drydock's order", () => {
    expect(NODE_ACTION_STEPS).toEqual({
      verify_nodes: ['interrogate_oob', 'interrogate_node', 'interrogate_port'],
      prepare_nodes: ['identify_node', 'create_storage_template', 'config_port_provisioning', 'set_node_boot', 'power_cycle_node', 'configure_hardware'],
      deploy_nodes: ['apply_node_networking', 'apply_node_storage', 'apply_node_platform', 'create_boot_media', 'deploy_node', 'config_port_production', 'bootaction_report'],
      destroy_nodes: ['destroy_node', 'config_port_provisioning'],
      relabel_nodes: ['relabel_node'],
    });
  });

  it("give every driver action Drydock's timeout", () => {
    expect(Object.keys(STEP_TIMEOUT_MINUTES).sort()).toEqual(Object.values(DRIVER_ACTIONS).sort());
    expect(STEP_TIMEOUT_MINUTES).toMatchObject({ identify_node: 10, configure_hardware: 30, apply_node_storage: 5, deploy_node: 45, destroy_node: 30, relabel_node: 5, bootaction_report: 15 });
  });

  it.each(NODE_ACTIONS)('%s runs every step when none is done', (action) => {
    expect(remainingSteps(action, new Set())).toEqual(NODE_ACTION_STEPS[action]);
  });

  it('runs only the steps not done yet, in order (a retried or restarted node job)', () => {
    expect(remainingSteps('deploy_nodes', new Set(['apply_node_networking', 'apply_node_platform']))).toEqual(['apply_node_storage', 'create_boot_media', 'deploy_node', 'config_port_production', 'bootaction_report']);
    expect(remainingSteps('prepare_nodes', new Set(['identify_node', 'create_storage_template', 'config_port_provisioning', 'set_node_boot', 'power_cycle_node', 'configure_hardware']))).toEqual([]);
    // A step of another action done on the node does not count.
    expect(remainingSteps('destroy_nodes', new Set(['deploy_node']))).toEqual(['destroy_node', 'config_port_provisioning']);
  });
});

describe('interleaveByRack', () => {
  it('queues the nodes round robin over their racks, each rack in design order', () => {
    const nodes = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'x1'];
    const rack = (name: string) => (name.startsWith('x') ? '' : name[0]);
    expect(interleaveByRack(nodes, rack)).toEqual(['a1', 'b1', 'c1', 'x1', 'a2', 'b2', 'a3']);
  });

  it('keeps an empty list empty', () => {
    expect(interleaveByRack([], () => 'r')).toEqual([]);
  });
});
