import { randomUUID } from 'node:crypto';
import { createDataSource, createTestDatabase, DataSource, NodeRepository, PortgroupRepository, PortRepository, runMigrations, TestDatabase } from '@slipway/db';
import { DEFAULT_DRIVER_CONFIG, DriverRegistry } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { ConflictError, InvalidParameterValueError, InvalidStateError, NodeLockedError, PortgroupNotEmptyError } from '@slipway/errors';
import { NodeLockService } from '../locks/node-lock.service';
import { BackgroundWork } from '../tasks/background-work';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { PortAdminHandler } from './port-admin.handler';
import { PortgroupAdminHandler } from './portgroup-admin.handler';

// Medium test: the handlers with the real task runner, lock service and fake-hardware drivers
// over the real PostgreSQL (a database of its own).
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('PortAdminHandler and PortgroupAdminHandler', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let nodes: NodeRepository;
  let ports: PortRepository;
  let portgroups: PortgroupRepository;
  let runner: NodeTaskRunner;
  let handler: PortAdminHandler;
  let groups: PortgroupAdminHandler;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl);
    dataSource = await createDataSource({ url: database.url, poolSize: 4 }).initialize();
    await runMigrations(dataSource);
    nodes = new NodeRepository(dataSource);
    ports = new PortRepository(dataSource);
    portgroups = new PortgroupRepository(dataSource);
    const registry = new DriverRegistry();
    registerFakeDrivers(registry);
    registry.load({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: ['fake-hardware'] });
    // One attempt: a locked node answers NodeLocked at once.
    const locks = new NodeLockService(nodes, { hostname: 'c1', conductorGroup: '', enabledHardwareTypes: ['fake-hardware'] }, { attempts: 1, retryIntervalMs: 1 });
    runner = new NodeTaskRunner(nodes, locks, registry, new BackgroundWork(), ports);
    handler = new PortAdminHandler(ports, portgroups, runner);
    groups = new PortgroupAdminHandler(portgroups, runner);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  let macs = 0;
  const mac = () => `52:54:00:02:00:${(++macs).toString(16).padStart(2, '0')}`;
  const node = (fields: Record<string, unknown> = {}) => nodes.insert({ uuid: randomUUID(), driver: 'fake-hardware', provisionState: 'enroll', ...fields });
  const create = (nodeUuid: string, fields: Record<string, unknown> = {}, portgroupUuid: string | null = null) =>
    handler.create({ uuid: randomUUID(), nodeUuid, portgroupUuid, fields: { address: mac(), ...fields } });
  const portgroup = (nodeId: number) => portgroups.insert({ uuid: randomUUID(), nodeId, mode: 'active-backup' });

  it("creates a port under its node's lock, and answers NodeLocked while another holds it", async () => {
    const owner = await node();
    const { uuid } = await create(owner.uuid, { extra: { rack: 'r1' } });
    expect(await ports.findByUuid(uuid)).toMatchObject({ nodeId: owner.id, extra: { rack: 'r1' }, pxeEnabled: true });
    expect(await nodes.reservationOf(owner.id)).toBeNull();

    await nodes.reserveByUuid(owner.uuid, 'other-conductor');
    await expect(create(owner.uuid)).rejects.toThrow(NodeLockedError);
    await expect(handler.destroy({ uuid })).rejects.toThrow('locked by host other-conductor');
    await nodes.release(owner.id, 'other-conductor');
  });

  it('keeps the members of a portgroup on one physical network', async () => {
    const owner = await node();
    const group = await portgroup(owner.id);
    await create(owner.uuid, { physical_network: 'physnet1' }, group.uuid);
    await expect(create(owner.uuid, { physical_network: 'physnet2' }, group.uuid)).rejects.toThrow(
      new ConflictError(`Port with physical network physnet2 cannot become a member of port group ${group.uuid} which has ports in physical network physnet1.`),
    );
    await expect(create(owner.uuid, {}, group.uuid)).rejects.toThrow('Port with physical network None cannot become a member');
    await create(owner.uuid, { physical_network: 'physnet1' }, group.uuid);
    const other = await node();
    await expect(create(other.uuid, {}, group.uuid)).rejects.toThrow(new InvalidParameterValueError('Port can not be added to a portgroup belonging to a different node.'));
  });

  it("refuses a MAC change on a deployed node and connectivity changes outside Ironic's states, unless in maintenance", async () => {
    const owner = await node({ provisionState: 'active', instanceUuid: randomUUID() });
    const { uuid } = await create(owner.uuid);
    await expect(handler.update({ uuid, nodeUuid: owner.uuid, changes: { address: mac() } })).rejects.toThrow(
      new InvalidStateError(`Cannot update hardware address for port ${uuid} as node ${owner.uuid} is active or has instance UUID assigned`),
    );
    await expect(handler.update({ uuid, nodeUuid: owner.uuid, changes: { pxe_enabled: false } })).rejects.toThrow('can not have any connectivity attributes');
    await handler.update({ uuid, nodeUuid: owner.uuid, changes: { extra: { note: 'allowed' } } });
    await nodes.update(owner.id, { maintenance: true });
    const address = mac();
    await handler.update({ uuid, nodeUuid: owner.uuid, changes: { address, pxe_enabled: false } });
    expect(await ports.findByUuid(uuid)).toMatchObject({ address, pxeEnabled: false, extra: { note: 'allowed' } });
  });

  it("moves a port to another node under that node's lock, out of a portgroup of the old one", async () => {
    const from = await node();
    const to = await node();
    const group = await portgroup(from.id);
    const { uuid } = await create(from.uuid, {}, group.uuid);
    await expect(handler.update({ uuid, nodeUuid: to.uuid, changes: {} })).rejects.toThrow('Port can not be added to a portgroup belonging to a different node.');
    await handler.update({ uuid, nodeUuid: to.uuid, portgroupUuid: null, changes: {} });
    expect(await ports.findByUuid(uuid)).toMatchObject({ nodeId: to.id, portgroupId: null });
  });

  it("saves what a driver changes on the task's ports, and keeps a port bound to a VIF unless in maintenance", async () => {
    const owner = await node();
    const { uuid } = await create(owner.uuid);
    await runner.exclusive(owner.uuid, 'vif attach', async ({ task }) => {
      expect(task.ports.map((port) => port.uuid)).toEqual([uuid]);
      await task.driver.network.vifAttach(task, { id: 'vif-1' });
    });
    expect((await ports.findByUuid(uuid))?.internalInfo).toEqual({ tenant_vif_port_id: 'vif-1' });
    await runner.shared(owner.uuid, 'vif list', async ({ task }) => {
      expect(await task.driver.network.vifList(task)).toEqual([{ id: 'vif-1' }]);
    });

    await expect(handler.destroy({ uuid })).rejects.toThrow(new InvalidStateError(`Cannot delete the port ${uuid} as it is bound to VIF vif-1 for tenant use.`));
    await nodes.update(owner.id, { maintenance: true });
    await handler.destroy({ uuid });
    expect(await ports.findByUuid(uuid)).toBeNull();
  });

  it('updates and deletes portgroups under the lock; a portgroup with ports neither moves nor goes', async () => {
    const owner = await node();
    const other = await node();
    const group = await portgroup(owner.id);
    await groups.update({ uuid: group.uuid, nodeUuid: owner.uuid, changes: { name: `pg-${macs}`, standalone_ports_supported: false } });
    expect(await portgroups.findByUuid(group.uuid)).toMatchObject({ name: `pg-${macs}`, standalonePortsSupported: false });

    const member = await create(owner.uuid, {}, group.uuid);
    await expect(groups.update({ uuid: group.uuid, nodeUuid: other.uuid, changes: {} })).rejects.toThrow(
      `Portgroup ${group.uuid} can not be associated with node ${other.uuid} because there are ports associated with this portgroup.`,
    );
    await expect(groups.destroy({ uuid: group.uuid })).rejects.toThrow(PortgroupNotEmptyError);

    await handler.destroy(member);
    await groups.update({ uuid: group.uuid, nodeUuid: other.uuid, changes: {} });
    expect((await portgroups.findByUuid(group.uuid))?.nodeId).toBe(other.id);
    await groups.destroy({ uuid: group.uuid });
    expect(await portgroups.findByUuid(group.uuid)).toBeNull();
  });
});
