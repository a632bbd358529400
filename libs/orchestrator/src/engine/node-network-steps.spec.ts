import type { NodeEntity, NodeRepository } from '@slipway/db';
import { InvalidParameterValueError } from '@slipway/errors';
import { FakeSwitchDriver, SwitchPortNotFoundError } from '@slipway/switch';
import { strictFake } from '@slipway/testing';
import { DESIGN_REF, exampleNode, exampleSite } from './__fixtures__/example-site.fixture';
import { NodeNetworkSteps } from './node-network-steps';
import type { NodeStepContext } from './node-step';

// node01 of docs/examples/valid-site.yaml is in rack01 (ToR tor-1): pxe on swp1 (network pxe,
// VLAN 20 on the switch), bond0 on swp21 and swp41 (link data: trunk of mgmt 100 and storage 200).
const TASK = '00000000-0000-4000-8000-0000000000aa';
const SUBTASK = '00000000-0000-4000-8000-0000000000ab';
const context = (node = exampleNode('node01'), design = exampleSite()): NodeStepContext => ({ node, design, designRef: DESIGN_REF, taskId: TASK, subtaskId: SUBTASK });

function steps(provisionState: string | null, switches: FakeSwitchDriver | null): NodeNetworkSteps {
  const nodes = strictFake<NodeRepository>('NodeRepository', {
    findByName: async () => (provisionState === null ? null : ({ provisionState } as NodeEntity)),
  });
  return new NodeNetworkSteps(nodes, switches);
}

const fakeSwitches = (...names: string[]) => new FakeSwitchDriver({ ports: [], switches: names.length > 0 ? names : ['tor-1', 'tor-2'] });

describe('NodeNetworkSteps', () => {
  it('config_port_provisioning puts the provisioning interface’s port on the dhcp network’s VLAN, and only it', async () => {
    const switches = fakeSwitches();
    expect(await steps('enroll', switches).configureProvisioning(context())).toEqual({ kind: 'done', messages: ['tor-1/swp1: access on VLAN 20 (pxe).'] });
    expect(switches.calls).toEqual([{ action: 'config_port_provisioning', port: 'tor-1/swp1', vlans: { mode: 'access', nativeVlan: 20, allowedVlans: [20] } }]);
  });

  it('config_port_provisioning leaves a node in service on its production VLANs', async () => {
    const switches = fakeSwitches();
    expect(await steps('active', switches).configureProvisioning(context())).toEqual({ kind: 'done', messages: ['In service (active): its ports keep their production VLANs.'] });
    expect(switches.calls).toEqual([]);
  });

  it('config_port_production puts every port on its link’s VLANs, and interrogate_port then says so', async () => {
    const switches = fakeSwitches();
    const network = steps('active', switches);
    expect(await network.configureProduction(context())).toEqual({
      kind: 'done',
      messages: ['tor-1/swp21: trunk of VLANs 100, 200, native 100 (link data).', 'tor-1/swp41: trunk of VLANs 100, 200, native 100 (link data).', 'tor-1/swp1: access on VLAN 20 (link pxe).'],
    });
    expect(await network.interrogatePorts(context())).toEqual({
      kind: 'done',
      messages: [
        'tor-1/swp21 (bond0): link up, trunk of VLANs 100, 200, native 100; as production asks.',
        'tor-1/swp41 (bond0): link up, trunk of VLANs 100, 200, native 100; as production asks.',
        'tor-1/swp1 (pxe): link up, access on VLAN 20; as production asks.',
      ],
    });
  });

  it('interrogate_port tells a port as the switch ships it, and fails a port without link or shut down', async () => {
    const switches = fakeSwitches();
    const network = steps('enroll', switches);
    expect(await network.interrogatePorts(context())).toMatchObject({ kind: 'done', messages: expect.arrayContaining(['tor-1/swp1 (pxe): link up, access on VLAN 1; neither as provisioning nor as production asks.']) });
    await network.configureProvisioning(context());
    expect(await network.interrogatePorts(context())).toMatchObject({ kind: 'done', messages: expect.arrayContaining(['tor-1/swp1 (pxe): link up, access on VLAN 20; as production asks.']) });
    switches.setLinkState('tor-1/swp21', { operState: 'down' });
    switches.setLinkState('tor-1/swp41', { adminState: 'down' });
    const outcome = await network.interrogatePorts(context());
    expect(outcome).toMatchObject({ kind: 'failed', retryable: false });
    expect(outcome.kind === 'failed' && outcome.reason).toMatch(/^tor-1\/swp21 has no link; tor-1\/swp41 is shut down\. tor-1\/swp21 \(bond0\): link down/);
  });

  it('fails a port the switch does not have', async () => {
    await expect(steps('enroll', fakeSwitches('tor-9')).interrogatePorts(context())).rejects.toBeInstanceOf(SwitchPortNotFoundError);
  });

  it('does nothing for a node whose design names no switch ports', async () => {
    const node = { ...exampleNode('node01'), labels: {} };
    const switches = fakeSwitches();
    for (const step of ['interrogatePorts', 'configureProvisioning', 'configureProduction'] as const) {
      expect(await steps('enroll', switches)[step](context(node))).toEqual({
        kind: 'done',
        messages: ['The design names no switch ports for this node (switch_port.<interface> labels): nothing to do.'],
      });
    }
    expect(switches.calls).toEqual([]);
  });

  it('without a switch driver (noop) checks the plan and changes nothing', async () => {
    expect(await steps('enroll', null).configureProduction(context())).toEqual({
      kind: 'done',
      messages: ['No switch driver (SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER is noop): tor-1/swp21, tor-1/swp41, tor-1/swp1 not configured.'],
    });
    const design = exampleSite();
    const unmapped = { ...design, networks: design.networks.map((network) => (network.name === 'pxe' ? { ...network, labels: {} } : network)) };
    await expect(steps('enroll', null).configureProvisioning(context(exampleNode('node01'), unmapped))).rejects.toThrow(
      new InvalidParameterValueError(
        'The design cannot say what the switch ports of node node01 carry: network pxe has no VLAN for the switch (give it a vlan, or the label switch_vlan when its hosts use it untagged).',
      ),
    );
  });
});
