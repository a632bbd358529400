import type { NodeEntity, VolumeConnectorEntity, VolumeConnectorRepository, VolumeTargetEntity, VolumeTargetRepository } from '@slipway/db';
import { InvalidStateRequestedError, VolumeConnectorNotFoundError, VolumeTargetNotFoundError } from '@slipway/errors';
import { strict } from '../management/testing/fake-node-tasks';
import type { NodeLock, NodeLockService } from '../locks/node-lock.service';
import { VolumeHandler } from './volume.handler';

const NODE = '1be26c0b-03f2-4d2d-ae87-c02d7f33c123';
const CONNECTOR = '5c7b0bd4-7c3e-4c34-9a2c-1e0f3c9c1a01';
const TARGET = '5c7b0bd4-7c3e-4c34-9a2c-1e0f3c9c1a02';

function setup(powerState: string | null) {
  const locked: string[] = [];
  const writes: unknown[] = [];
  const node = { id: 7, uuid: NODE, powerState } as NodeEntity;
  const locks = strict<NodeLockService>('locks', {
    withLock: async <T>(uuid: string, purpose: string, work: (lock: NodeLock) => Promise<T>) => {
      locked.push(`${uuid} ${purpose}`);
      return work({ node, purpose, release: async () => {} });
    },
  });
  const connectors = strict<VolumeConnectorRepository>('connectors', {
    findByUuid: async (uuid: string) => (uuid === CONNECTOR ? ({ id: 3, uuid } as VolumeConnectorEntity) : null),
    update: async (id: number, changes: Partial<VolumeConnectorEntity>) => void writes.push(['update connector', id, changes]),
    delete: async (id: number) => void writes.push(['delete connector', id]),
  });
  const targets = strict<VolumeTargetRepository>('targets', {
    findByUuid: async (uuid: string) => (uuid === TARGET ? ({ id: 4, uuid } as VolumeTargetEntity) : null),
    update: async (id: number, changes: Partial<VolumeTargetEntity>) => void writes.push(['update target', id, changes]),
    delete: async (id: number) => void writes.push(['delete target', id]),
  });
  return { locked, writes, handler: new VolumeHandler(locks, connectors, targets) };
}

describe('VolumeHandler', () => {
  it("writes under the lock of the volume's node, moving the volume to that node", async () => {
    const { locked, writes, handler } = setup('power off');
    await handler.updateConnector({ connectorUuid: CONNECTOR, nodeUuid: NODE, changes: { connectorId: 'iqn.x' } });
    await handler.updateTarget({ targetUuid: TARGET, nodeUuid: NODE, changes: { bootIndex: 2 } });
    await handler.destroyConnector({ connectorUuid: CONNECTOR, nodeUuid: NODE });
    await handler.destroyTarget({ targetUuid: TARGET, nodeUuid: NODE });
    expect(locked).toEqual([`${NODE} volume connector update`, `${NODE} volume target update`, `${NODE} volume connector deletion`, `${NODE} volume target deletion`]);
    expect(writes).toEqual([
      ['update connector', 3, { connectorId: 'iqn.x', nodeId: 7 }],
      ['update target', 4, { bootIndex: 2, nodeId: 7 }],
      ['delete connector', 3],
      ['delete target', 4],
    ]);
  });

  it('refuses while the node is not powered off, naming a missing power state as Python does', async () => {
    const on = setup('power on');
    await expect(on.handler.destroyTarget({ targetUuid: TARGET, nodeUuid: NODE })).rejects.toThrow(
      new InvalidStateRequestedError({ action: 'volume target deletion', node: NODE, state: 'power on' }),
    );
    const unknown = setup(null);
    await expect(unknown.handler.updateConnector({ connectorUuid: CONNECTOR, nodeUuid: NODE, changes: {} })).rejects.toThrow(
      'The requested action "volume connector update" can not be performed on node "1be26c0b-03f2-4d2d-ae87-c02d7f33c123" while it is in state "None".',
    );
    expect([...on.writes, ...unknown.writes]).toEqual([]);
  });

  it('answers not found for a volume deleted meanwhile', async () => {
    const { handler } = setup('power off');
    await expect(handler.destroyConnector({ connectorUuid: TARGET, nodeUuid: NODE })).rejects.toBeInstanceOf(VolumeConnectorNotFoundError);
    await expect(handler.updateTarget({ targetUuid: CONNECTOR, nodeUuid: NODE, changes: {} })).rejects.toBeInstanceOf(VolumeTargetNotFoundError);
  });
});
