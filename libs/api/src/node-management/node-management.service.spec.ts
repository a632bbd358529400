import { nodeGetBootDevice, nodeGetIndicatorState, nodeGetSupportedIndicators, nodeInjectNmi, nodeSetBootDevice, nodeSetIndicatorState } from '@slipway/rpc';
import { FakeOwner, fakeNode, fakeNodes, NODE_UUID, outcome } from '../node-states/testing/fake-node-services';
import { NodeManagementService } from './node-management.service';

function setup() {
  const owner = new FakeOwner()
    .answer(nodeGetBootDevice, { bootDevice: 'pxe', persistent: false })
    .answer(nodeSetBootDevice, {})
    .answer(nodeInjectNmi, {})
    .answer(nodeGetSupportedIndicators, { components: [{ component: 'system', indicators: [{ name: 'led', readonly: false, states: ['off', 'on'] }] }] })
    .answer(nodeGetIndicatorState, { state: 'on' })
    .answer(nodeSetIndicatorState, {});
  return { owner, service: new NodeManagementService(fakeNodes(fakeNode()), owner.asService()) };
}

describe('NodeManagementService', () => {
  it("answers the boot device in Ironic's shape", async () => {
    expect(await setup().service.bootDevice(NODE_UUID, 1)).toEqual({ boot_device: 'pxe', persistent: false });
  });

  it('sets the boot device, persistent only when asked', async () => {
    const { owner, service } = setup();
    await service.setBootDevice(NODE_UUID, { boot_device: 'disk' }, 1);
    await service.setBootDevice(NODE_UUID, { boot_device: 'pxe', persistent: 'true' }, 1);
    expect(owner.calls.map((call) => call.request)).toEqual([
      { uuid: NODE_UUID, device: 'disk', persistent: false },
      { uuid: NODE_UUID, device: 'pxe', persistent: true },
    ]);
    expect(await outcome(service.setBootDevice(NODE_UUID, {}, 1))).toEqual({ status: 400, message: 'Missing mandatory parameter: boot_device' });
  });

  it('injects an NMI from 1.29', async () => {
    const { owner, service } = setup();
    expect(await outcome(service.injectNmi(NODE_UUID, undefined, 28))).toMatchObject({ status: 404 });
    await service.injectNmi(NODE_UUID, undefined, 29);
    expect(owner.calls).toEqual([{ method: nodeInjectNmi.name, request: { uuid: NODE_UUID } }]);
  });

  it('lists indicators as <name>@<component> with links, from 1.63', async () => {
    const { service } = setup();
    expect(await outcome(service.indicators(NODE_UUID, { baseUrl: 'http://h', minor: 62 }))).toMatchObject({ status: 404 });
    expect(await service.indicators('node-1', { baseUrl: 'http://h', minor: 63 })).toEqual({
      indicators: [
        {
          name: 'led@system', component: 'system', readonly: false, states: ['off', 'on'],
          links: [
            { href: 'http://h/v1/nodes/node-1/management/indicators/led@system', rel: 'self' },
            { href: 'http://h/nodes/node-1/management/indicators/led@system', rel: 'bookmark' },
          ],
        },
      ],
    });
  });

  it('reads and sets one indicator named <name>@<component>', async () => {
    const { owner, service } = setup();
    expect(await service.indicatorState(NODE_UUID, 'led@system', 63)).toEqual({ state: 'on' });
    await service.setIndicatorState(NODE_UUID, 'led@system', { state: 'off' }, 63);
    expect(owner.calls.map((call) => call.request)).toEqual([
      { uuid: NODE_UUID, component: 'system', indicator: 'led' },
      { uuid: NODE_UUID, component: 'system', indicator: 'led', state: 'off' },
    ]);
    expect(await outcome(service.indicatorState(NODE_UUID, 'led', 63))).toEqual({ status: 400, message: 'Malformed indicator name "led"' });
  });
});
