import { sushySample } from '../__fixtures__/mockup-server.fixture';
import { useTestBmc, type TestBmc } from '../__fixtures__/test-bmc.fixture';
import type { RedfishConnection } from '../redfish-connection';
import { RedfishInvalidValueError } from '../redfish-errors';
import { TaskMonitor } from '../task-monitor';
import { load } from './resource';
import { SecureBoot } from './system/secure-boot';
import { UpdateService } from './update-service';

// Firmware updates and secure boot writes, on sushy's samples and the HPE action shape.
describe('UpdateService and SecureBoot writes', () => {
  let bmc: TestBmc;
  let connection: RedfishConnection;
  useTestBmc((started) => ({ bmc, connection } = started));
  const writes = () => bmc.requests.filter((r) => r.method !== 'GET').map((r) => [`${r.method} ${r.path}`, r.body, r.headers['if-match']]);

  describe('simpleUpdate', () => {
    const hpeLike = { Actions: { '#UpdateService.SimpleUpdate': { 'TransferProtocol@Redfish.AllowableValues': ['HTTP', 'HTTPS'], target: '/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate' } } };
    const service = (body: Record<string, unknown>) => {
      bmc.resource('/redfish/v1/UpdateService', body);
      return load(connection, '/redfish/v1/UpdateService', (init) => new UpdateService(init));
    };

    it('POSTs ImageURI (and TransferProtocol, Targets when given), and gives the task monitor of a 202', async () => {
      bmc.on('POST', '/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate', { status: 202, headers: { location: '/redfish/v1/TaskService/Tasks/22' } });
      const result = await (await service(hpeLike)).simpleUpdate('https://fw.example/bios.bin', { transferProtocol: 'HTTPS', targets: ['/redfish/v1/Systems/1'] });
      expect(result).toBeInstanceOf(TaskMonitor);
      expect(writes()).toEqual([['POST /redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate', { ImageURI: 'https://fw.example/bios.bin', TransferProtocol: 'HTTPS', Targets: ['/redfish/v1/Systems/1'] }, undefined]]);
    });

    it('is done at once when the BMC answers 204, and refuses a protocol it does not list', async () => {
      const sample = await service(sushySample('updateservice.json'));
      bmc.on('POST', '/redfish/v1/UpdateService/Actions/SimpleUpdate', { status: 204 });
      expect(await sample.simpleUpdate('http://fw.example/bmc.bin')).toMatchObject({ status: 204 });
      expect(writes().map((w) => w[1])).toEqual([{ ImageURI: 'http://fw.example/bmc.bin' }]);
      await expect((await service(hpeLike)).simpleUpdate('nfs://fw/x', { transferProtocol: 'NFS' })).rejects.toBeInstanceOf(RedfishInvalidValueError);
      expect(writes()).toHaveLength(1);
    });
  });

  describe('SecureBoot', () => {
    const PATH = '/redfish/v1/Systems/437XR1138R2/SecureBoot';
    const secureBoot = async () => {
      bmc.resource(PATH, sushySample('secure_boot.json'), 'W/"sb-1"');
      return load(connection, PATH, (init) => new SecureBoot(init));
    };

    it('PATCHes SecureBootEnable with If-Match', async () => {
      bmc.on('PATCH', PATH, { status: 204 });
      const target = await secureBoot();
      expect([target.secureBootEnable, target.secureBootCurrentBoot, target.secureBootMode]).toEqual([false, 'Disabled', 'DeployedMode']);
      await target.setEnabled(true);
      expect(writes()).toEqual([[`PATCH ${PATH}`, { SecureBootEnable: true }, 'W/"sb-1"']]);
    });

    it('POSTs ResetKeys with an allowed ResetKeysType only', async () => {
      bmc.on('POST', `${PATH}/Actions/SecureBoot.ResetKeys`, { status: 204 });
      const target = await secureBoot();
      await target.resetKeys('DeleteAllKeys');
      await expect(target.resetKeys('DeleteEverything')).rejects.toBeInstanceOf(RedfishInvalidValueError);
      expect(writes()).toEqual([[`POST ${PATH}/Actions/SecureBoot.ResetKeys`, { ResetKeysType: 'DeleteAllKeys' }, undefined]]);
    });
  });
});
