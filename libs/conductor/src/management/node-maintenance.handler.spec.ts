import type { NodeEntity } from '@slipway/db';
import { NodeLockedError } from '@slipway/errors';
import type { NodeLock, NodeLockService } from '../locks/node-lock.service';
import { NodeMaintenanceHandler } from './node-maintenance.handler';
import { NODE_ID, NODE_UUID } from './testing/fake-node-tasks';

function setup(node: Partial<NodeEntity>, locked = false) {
  const updates: Array<[number, Partial<NodeEntity>]> = [];
  const purposes: string[] = [];
  const locks: Pick<NodeLockService, 'withLock'> = {
    withLock: async <T>(uuid: string, purpose: string, work: (lock: NodeLock) => Promise<T>) => {
      if (locked) throw new NodeLockedError({ node: uuid, host: 'other' });
      purposes.push(purpose);
      return work({ node: { id: NODE_ID, uuid, ...node } as NodeEntity, purpose, release: async () => {} });
    },
  };
  const nodes = { update: async (id: number, changes: Partial<NodeEntity>) => (updates.push([id, changes]), { id } as NodeEntity) };
  return { updates, purposes, handler: new NodeMaintenanceHandler(nodes, locks) };
}

describe('NodeMaintenanceHandler', () => {
  it('enters maintenance with the reason, under the lock', async () => {
    const { updates, purposes, handler } = setup({ maintenance: false });
    await handler.setMaintenance({ uuid: NODE_UUID, maintenance: true, reason: 'disk swap' });
    expect(updates).toEqual([[NODE_ID, { maintenance: true, maintenanceReason: 'disk swap' }]]);
    expect(purposes).toEqual(['setting maintenance']);
  });

  it('leaves maintenance clearing the reason and the fault', async () => {
    const { updates, handler } = setup({ maintenance: true, fault: 'power failure' });
    await handler.setMaintenance({ uuid: NODE_UUID, maintenance: false, reason: null });
    expect(updates).toEqual([[NODE_ID, { maintenance: false, maintenanceReason: null, fault: null }]]);
  });

  it('does not touch the fault of a node that was not in maintenance', async () => {
    const { updates, handler } = setup({ maintenance: false });
    await handler.setMaintenance({ uuid: NODE_UUID, maintenance: false, reason: null });
    expect(updates).toEqual([[NODE_ID, { maintenance: false, maintenanceReason: null }]]);
  });

  it('passes NodeLocked on', async () => {
    const { updates, handler } = setup({}, true);
    await expect(handler.setMaintenance({ uuid: NODE_UUID, maintenance: true, reason: null })).rejects.toBeInstanceOf(NodeLockedError);
    expect(updates).toEqual([]);
  });
});
