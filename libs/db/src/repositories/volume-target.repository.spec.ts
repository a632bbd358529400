import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { VolumeTargetAlreadyExistsError, VolumeTargetBootIndexAlreadyExistsError } from '@slipway/errors';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { NodeRepository } from './node.repository';
import { VolumeTargetRepository } from './volume-target.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('VolumeTargetRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let targets: VolumeTargetRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    nodes = new NodeRepository(dataSource);
    targets = new VolumeTargetRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const node = () => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware' });
  const target = (nodeId: number, bootIndex: number, fields: Record<string, unknown> = {}) =>
    targets.insert({ uuid: randomUUID(), nodeId, bootIndex, volumeType: 'iscsi', volumeId: `vol-${bootIndex}`, properties: {}, extra: {}, ...fields });

  it('inserts, reads with the node uuid, updates and deletes a target', async () => {
    const owner = await node();
    const created = await target(owner.id, 0, { properties: { target_lun: 0 } });
    expect(await targets.findByUuid(created.uuid)).toMatchObject({ bootIndex: 0, properties: { target_lun: 0 }, node: { uuid: owner.uuid }, updatedAt: null });
    await targets.update(created.id, { volumeId: 'vol-x' });
    expect((await targets.findByUuid(created.uuid))?.volumeId).toBe('vol-x');
    await targets.delete(created.id);
    expect(await targets.findByUuid(created.uuid)).toBeNull();
  });

  it('keeps boot indexes unique per node only, with the conflict errors', async () => {
    const a = await node();
    const b = await node();
    const first = await target(a.id, 0);
    await expect(target(a.id, 0)).rejects.toThrow(VolumeTargetBootIndexAlreadyExistsError);
    await expect(target(b.id, 0)).resolves.toMatchObject({ bootIndex: 0 });
    await expect(target(a.id, 5, { uuid: first.uuid })).rejects.toThrow(VolumeTargetAlreadyExistsError);
    const second = await target(a.id, 1);
    await expect(targets.update(second.id, { bootIndex: 0 })).rejects.toThrow("A volume target with boot index '0' for the same node already exists.");
  });

  it("pages through one node's targets sorted by boot index", async () => {
    const owner = await node();
    for (const index of [2, 0, 1]) await target(owner.id, index);
    const first = await targets.list({ nodeId: owner.id }, { sortKey: 'bootIndex', sortDir: 'asc', limit: 2 });
    const rest = await targets.list({ nodeId: owner.id }, { sortKey: 'bootIndex', sortDir: 'asc', limit: 2, marker: first[1] });
    expect([...first, ...rest].map((t) => t.bootIndex)).toEqual([0, 1, 2]);
  });
});
