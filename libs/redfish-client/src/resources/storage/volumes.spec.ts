import { sushySample } from '../../__fixtures__/mockup-server.fixture';
import { useTestBmc, type TestBmc } from '../../__fixtures__/test-bmc.fixture';
import type { RedfishConnection } from '../../redfish-connection';
import { RedfishInvalidValueError } from '../../redfish-errors';
import { TaskMonitor } from '../../task-monitor';
import { load } from '../resource';
import { Storage } from './storage';
import { Volume } from './volume';

// Volume creation and deletion (RAID), on sushy's storage samples served by a test BMC.
describe('Storage volumes', () => {
  const STORAGE = '/redfish/v1/Systems/437XR1138R2/Storage/1';
  const VOLUMES = `${STORAGE}/Volumes`;
  let bmc: TestBmc;
  let connection: RedfishConnection;
  useTestBmc((started) => ({ bmc, connection } = started));
  beforeEach(() => {
    bmc.resource(STORAGE, sushySample('storage.json'));
    bmc.resource(VOLUMES, sushySample('volume_collection.json'));
    bmc.resource(`${VOLUMES}/1`, sushySample('volume.json'));
    bmc.resource(`${VOLUMES}/4`, { ...sushySample('volume2.json'), Id: '4' });
  });
  const volumes = async () => (await (await load(connection, STORAGE, (init) => new Storage(init))).volumes())!;
  const writes = () => bmc.requests.filter((r) => r.method !== 'GET').map((r) => [`${r.method} ${r.path}`, r.body]);
  const drives = { Drives: [{ '@odata.id': `${STORAGE}/Drives/35D38F11ACEF7BD3` }, { '@odata.id': `${STORAGE}/Drives/3F5A8C54207B7233` }] };

  it('reads the collection\'s OperationApplyTimeSupport and the storage controllers', async () => {
    const storage = await load(connection, STORAGE, (init) => new Storage(init));
    expect(storage.storageControllers.map((c) => [c.memberId, c.supportedRaidTypes])).toEqual([['0', ['RAID0', 'RAID1']]]);
    expect(storage.drivePaths).toHaveLength(4);
    expect((await volumes()).operationApplyTimeSupport).toEqual({ supportedValues: ['Immediate', 'OnReset', 'AtMaintenanceWindowStart'], maintenanceWindowStartTime: '2017-05-03T23:12:37-05:00', maintenanceWindowDurationInSeconds: 600 });
  });

  it('creates a volume: 201 + Location gives the new Volume, read from there', async () => {
    bmc.on('POST', VOLUMES, { status: 201, headers: { location: `${VOLUMES}/4` } });
    const created = await (await volumes()).create({ RAIDType: 'RAID1', CapacityBytes: 107374182400, Name: 'os', Links: drives }, 'Immediate');
    expect(created).toBeInstanceOf(Volume);
    expect([(created as Volume).id, (created as Volume).capacityBytes]).toEqual(['4', 107374182400]);
    expect(writes()).toEqual([[`POST ${VOLUMES}`, { RAIDType: 'RAID1', CapacityBytes: 107374182400, Name: 'os', Links: drives, '@Redfish.OperationApplyTime': 'Immediate' }]]);
  });

  it('creates a volume: 202 gives a task monitor', async () => {
    bmc.on('POST', VOLUMES, { status: 202, headers: { location: '/redfish/v1/TaskService/Tasks/12' } });
    const created = await (await volumes()).create({ RAIDType: 'RAID0', Links: drives });
    expect(created).toBeInstanceOf(TaskMonitor);
    expect((created as TaskMonitor).path).toBe('/redfish/v1/TaskService/Tasks/12');
    expect(writes()).toEqual([[`POST ${VOLUMES}`, { RAIDType: 'RAID0', Links: drives }]]);
  });

  it('refuses an apply time the collection does not support, before sending anything', async () => {
    await expect((await volumes()).create({ RAIDType: 'RAID1' }, 'InMaintenanceWindowOnReset')).rejects.toBeInstanceOf(RedfishInvalidValueError);
    expect(writes()).toEqual([]);
  });

  describe('delete', () => {
    const volume = async () => (await (await volumes()).member('1')) as Volume;
    const sys029 = { status: 500, body: { error: { '@Message.ExtendedInfo': [{ MessageId: 'IDRAC.2.8.SYS029', Message: 'Unable to complete the operation because an invalid request body was sent.' }] } } };

    it('sends the apply time in the body, and gives a task monitor on 202', async () => {
      bmc.on('DELETE', `${VOLUMES}/1`, { status: 202, headers: { location: '/redfish/v1/TaskService/Tasks/13' } });
      const result = await (await volume()).delete('OnReset');
      expect(result).toBeInstanceOf(TaskMonitor);
      expect(writes()).toEqual([[`DELETE ${VOLUMES}/1`, { '@Redfish.OperationApplyTime': 'OnReset' }]]);
    });

    it('retries without the body when iDRAC answers 5xx SYS029', async () => {
      bmc.on('DELETE', `${VOLUMES}/1`, sys029, { status: 204 });
      expect(await (await volume()).delete('OnReset')).toMatchObject({ status: 204 });
      expect(writes()).toEqual([
        [`DELETE ${VOLUMES}/1`, { '@Redfish.OperationApplyTime': 'OnReset' }],
        [`DELETE ${VOLUMES}/1`, undefined],
      ]);
    });

    it('passes other failures on, and does not retry a body-less DELETE', async () => {
      bmc.on('DELETE', `${VOLUMES}/1`, { status: 500, body: { error: { '@Message.ExtendedInfo': [{ MessageId: 'Base.1.8.InternalError' }] } } });
      await expect((await volume()).delete('OnReset')).rejects.toMatchObject({ status: 500 });
      bmc.on('DELETE', `${VOLUMES}/1`, sys029);
      await expect((await volume()).delete()).rejects.toMatchObject({ status: 500 });
      expect(writes()).toEqual([
        [`DELETE ${VOLUMES}/1`, { '@Redfish.OperationApplyTime': 'OnReset' }],
        [`DELETE ${VOLUMES}/1`, undefined],
      ]);
    });
  });
});
