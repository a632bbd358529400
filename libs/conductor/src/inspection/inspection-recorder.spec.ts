import type { NodeInventoryRepository, PortEntity, PortRepository } from '@slipway/db';
import type { NodeTaskContext } from '../tasks/node-task.runner';
import { NODE_ID, NODE_UUID, strict } from '../management/testing/fake-node-tasks';
import { InspectionRecorder, inventoryMacs } from './inspection-recorder';

const context = { row: { id: NODE_ID, uuid: NODE_UUID } } as NodeTaskContext;

function setup(existing: Array<Pick<PortEntity, 'address' | 'nodeId'>>) {
  const saved: unknown[] = [];
  const inserted: Array<Partial<PortEntity>> = [];
  const inventories = strict<NodeInventoryRepository>('inventories', { save: async (...args: unknown[]) => void saved.push(args) });
  const ports = strict<PortRepository>('ports', {
    findByAddress: async (address: string) => (existing.find((port) => port.address === address) as PortEntity | undefined) ?? null,
    insert: async (port: Partial<PortEntity>) => {
      inserted.push(port);
      return port as PortEntity;
    },
  });
  return { recorder: new InspectionRecorder(inventories, ports), saved, inserted };
}

describe('InspectionRecorder', () => {
  it('stores the inventory and creates a port for each MAC no port has, on this node', async () => {
    const { recorder, saved, inserted } = setup([
      { address: '52:54:00:00:00:01', nodeId: NODE_ID },
      { address: '52:54:00:00:00:02', nodeId: NODE_ID + 1 },
    ]);
    const inventory = {
      interfaces: [{ mac_address: '52:54:00:00:00:01' }, { mac_address: '52:54:00:00:00:02' }, { mac_address: '52:54:00:AA:BB:CC' }],
    };
    await recorder.record(context, inventory, { source: 'redfish' });
    expect(saved).toEqual([[NODE_ID, inventory, { source: 'redfish' }]]);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({ address: '52:54:00:aa:bb:cc', nodeId: NODE_ID, pxeEnabled: true });
    expect(inserted[0].uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads only valid MACs, once each, lower-case', () => {
    const inventory = { interfaces: [{ mac_address: 'AA:BB:CC:DD:EE:FF' }, { mac_address: 'aa:bb:cc:dd:ee:ff' }, { mac_address: 'not-a-mac' }, { name: 'lo' }, null] };
    expect(inventoryMacs(inventory)).toEqual(['aa:bb:cc:dd:ee:ff']);
    expect(inventoryMacs({})).toEqual([]);
  });
});
