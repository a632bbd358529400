import { nodeStatesView } from './node-states.view';
import { fakeNode, ironicExchange } from './testing/fake-node-services';

describe('nodeStatesView', () => {
  it("writes the fields of Ironic's answer, in its order, at 1.82", () => {
    const ironic = ironicExchange('node.states');
    expect(nodeStatesView(fakeNode(), ironic.minor)).toEqual(ironic.response.body);
    expect(Object.keys(nodeStatesView(fakeNode(), ironic.minor))).toEqual(Object.keys(ironic.response.body as object));
  });

  it('leaves out what older versions did not know and shows their provision states', () => {
    const node = fakeNode({ provisionState: 'available', provisionUpdatedAt: new Date('2026-01-02T03:04:05Z') });
    expect(Object.keys(nodeStatesView(node, 11))).not.toContain('raid_config');
    expect(Object.keys(nodeStatesView(node, 74))).toContain('raid_config');
    expect(Object.keys(nodeStatesView(node, 74))).not.toContain('boot_mode');
    expect(nodeStatesView(node, 1)).toMatchObject({ provision_state: null, provision_updated_at: '2026-01-02T03:04:05+00:00' });
  });
});
