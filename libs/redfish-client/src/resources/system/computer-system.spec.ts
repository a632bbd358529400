import { sushySample } from '../../__fixtures__/mockup-server.fixture';
import { useTestBmc, type TestBmc } from '../../__fixtures__/test-bmc.fixture';
import type { RedfishConnection } from '../../redfish-connection';
import { RedfishInvalidValueError, RedfishUnsupportedError } from '../../redfish-errors';
import { load } from '../resource';
import { ComputerSystem } from './computer-system';

// Power and boot writes of a ComputerSystem, on sushy's system sample served by a test BMC.
describe('ComputerSystem writes', () => {
  const PATH = '/redfish/v1/Systems/437XR1138R2';
  let bmc: TestBmc;
  let connection: RedfishConnection;
  useTestBmc((started) => ({ bmc, connection } = started));

  const system = (body: Record<string, unknown> = sushySample('system.json'), etag = 'W/"sys-1"') => {
    bmc.resource(PATH, body, etag);
    return load(connection, PATH, (init) => new ComputerSystem(init));
  };
  const writes = () => bmc.requests.filter((r) => r.method !== 'GET').map((r) => ({ line: `${r.method} ${r.path}`, ifMatch: r.headers['if-match'], body: r.body }));

  describe('reset', () => {
    it('POSTs an allowed ResetType to the action target', async () => {
      bmc.on('POST', `${PATH}/Actions/ComputerSystem.Reset`, { status: 204 });
      const result = await (await system()).reset('ForceOff');
      expect(result).toMatchObject({ status: 204 });
      expect(writes()).toEqual([{ line: `POST ${PATH}/Actions/ComputerSystem.Reset`, ifMatch: undefined, body: { ResetType: 'ForceOff' } }]);
    });

    it('refuses a ResetType missing from the allowable values, before sending anything', async () => {
      const refused = (await system()).reset('PowerCycle');
      await expect(refused).rejects.toBeInstanceOf(RedfishInvalidValueError);
      await expect(refused).rejects.toThrow(`ResetType "PowerCycle" is not accepted by ${bmc.address}${PATH}; allowed: On, ForceOff, GracefulShutdown, GracefulRestart, ForceRestart, Nmi, ForceOn, PushPowerButton.`);
      expect(writes()).toEqual([]);
    });

    it('allows every ResetType when the action lists none (AMI uses ActionInfo), and needs the action', async () => {
      const sample = sushySample('system.json');
      bmc.on('POST', `${PATH}/Actions/ComputerSystem.Reset`, { status: 204 });
      await (await system({ ...sample, Actions: { '#ComputerSystem.Reset': { target: `${PATH}/Actions/ComputerSystem.Reset`, '@Redfish.ActionInfo': `${PATH}/ResetActionInfo` } } })).reset('PowerCycle');
      expect(writes().map((w) => w.body)).toEqual([{ ResetType: 'PowerCycle' }]);
      await expect((await system({ ...sample, Actions: {} })).reset('On')).rejects.toBeInstanceOf(RedfishUnsupportedError);
    });
  });

  describe('setBoot', () => {
    it('PATCHes Boot with If-Match, and clears a leftover HttpBootUri when not booting over HTTP', async () => {
      bmc.on('PATCH', PATH, { status: 204 });
      await (await system()).setBoot({ target: 'Cd', enabled: 'Once' });
      expect(writes()).toEqual([{ line: `PATCH ${PATH}`, ifMatch: 'W/"sys-1"', body: { Boot: { BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once', HttpBootUri: null } } }]);
    });

    it('sends the HttpBootUri with UefiHttp (null when none: DHCP tells the host)', async () => {
      bmc.on('PATCH', PATH, { status: 204 });
      const target = await system();
      await target.setBoot({ target: 'UefiHttp', httpBootUri: 'https://images.example/boot.efi' });
      await target.setBoot({ target: 'UefiHttp' });
      expect(writes().map((w) => w.body)).toEqual([{ Boot: { BootSourceOverrideTarget: 'UefiHttp', HttpBootUri: 'https://images.example/boot.efi' } }, { Boot: { BootSourceOverrideTarget: 'UefiHttp', HttpBootUri: null } }]);
    });

    it('refreshes before a second write, so If-Match carries the new ETag', async () => {
      bmc.on('PATCH', PATH, (request) => {
        bmc.resource(PATH, sushySample('system.json'), 'W/"sys-2"');
        return request.headers['if-match'] === 'W/"sys-1"' || request.headers['if-match'] === 'W/"sys-2"' ? { status: 204 } : { status: 412 };
      });
      const target = await system();
      await target.setBoot({ mode: 'Legacy' });
      await target.setIndicatorLed('Blinking');
      expect(bmc.lines()).toEqual([`GET ${PATH}`, `PATCH ${PATH}`, `GET ${PATH}`, `PATCH ${PATH}`]);
      expect(writes().map((w) => w.ifMatch)).toEqual(['W/"sys-1"', 'W/"sys-2"']);
    });

    it('puts the fields the settings object has into it (Dell: the mode), with its ETag; the rest on the System', async () => {
      const settings = sushySample('settings-body-bootsourceoverridemode-only.json');
      bmc.resource('/redfish/v1/Systems/System.Embedded.1/Settings', settings, '"settings-7"');
      bmc.on('PATCH', '/redfish/v1/Systems/System.Embedded.1/Settings', { status: 202, headers: { location: '/redfish/v1/Managers/iDRAC.Embedded.1/Jobs/JID_1' } }).on('PATCH', PATH, { status: 204 });
      const target = await system({ ...sushySample('system.json'), '@Redfish.Settings': { SettingsObject: { '@odata.id': '/redfish/v1/Systems/System.Embedded.1/Settings' }, SupportedApplyTimes: ['OnReset'] } });
      await target.setBoot({ target: 'Pxe', enabled: 'Continuous', mode: 'UEFI' });
      expect(writes()).toEqual([
        { line: 'PATCH /redfish/v1/Systems/System.Embedded.1/Settings', ifMatch: '"settings-7"', body: { Boot: { BootSourceOverrideMode: 'UEFI' } } },
        { line: `PATCH ${PATH}`, ifMatch: 'W/"sys-1"', body: { Boot: { BootSourceOverrideTarget: 'Pxe', BootSourceOverrideEnabled: 'Continuous', HttpBootUri: null } } },
      ]);
    });

    it('sends everything to the System when the settings object has no such Boot fields (Lenovo SE450)', async () => {
      bmc.resource('/redfish/v1/Systems/1/Pending', sushySample('settings-body-lenovo-se450.json'));
      bmc.on('PATCH', PATH, { status: 204 });
      const target = await system({ ...sushySample('system.json'), ...sushySample('settings-lenovo-se450.json') });
      expect(target.settings).toEqual({ objectPath: '/redfish/v1/Systems/1/Pending', supportedApplyTimes: ['OnReset'], messages: [], appliedEtag: undefined, time: undefined });
      await target.setBoot({ target: 'Hdd', mode: 'UEFI' });
      expect(writes().map((w) => w.line)).toEqual([`PATCH ${PATH}`]);
      // The pending object was read for its Boot section (and its ETag, had it been needed).
      expect(bmc.lines()).toContain('GET /redfish/v1/Systems/1/Pending');
    });

    it('checks target, enabled and mode against the allowable values (and the schema) first', async () => {
      const lenovoBoot = { BootSourceOverrideTarget: 'Hdd', 'BootSourceOverrideTarget@Redfish.AllowableValues': ['None', 'Pxe', 'Cd', 'Hdd', 'BiosSetup'], 'BootSourceOverrideEnabled@Redfish.AllowableValues': ['Once', 'Disabled'] };
      const target = await system({ ...sushySample('system.json'), Boot: lenovoBoot });
      await expect(target.setBoot({ target: 'UefiHttp' })).rejects.toThrow(/BootSourceOverrideTarget "UefiHttp" is not accepted .*allowed: None, Pxe, Cd, Hdd, BiosSetup\.$/);
      await expect(target.setBoot({ enabled: 'Continuous' })).rejects.toThrow(/BootSourceOverrideEnabled "Continuous" is not accepted .*allowed: Once, Disabled\.$/);
      await expect(target.setBoot({ mode: 'Bios' })).rejects.toThrow(/BootSourceOverrideMode "Bios" is not accepted .*allowed: UEFI, Legacy\.$/);
      await expect(target.setIndicatorLed('On')).rejects.toBeInstanceOf(RedfishInvalidValueError);
      expect(writes()).toEqual([]);
    });
  });

  it('reads the fields of sushy\'s system sample', async () => {
    const target = await system();
    expect([target.id, target.powerState, target.indicatorLed, target.totalSystemMemoryGiB, target.processorSummary.count, target.biosVersion]).toEqual(['437XR1138R2', 'On', 'Off', 96, 2, 'P79 v1.45 (12/06/2017)']);
    expect(target.boot).toMatchObject({ target: 'Pxe', enabled: 'Once', mode: 'UEFI', httpBootUri: 'https://Contoso.lan/boot.iso', uefiTargetBootSourceOverride: '/0x31/0x33/0x01/0x01', enabledAllowableValues: undefined });
    expect([target.managerPaths, target.chassisPaths, target.settings, target.etag]).toEqual([['/redfish/v1/Managers/BMC'], ['/redfish/v1/Chassis/1U'], undefined, 'W/"sys-1"']);
  });

  it('finds its managers through Links.Managers when Links.ManagedBy is missing', async () => {
    const sample = sushySample('system_managedby_missing_manager_present.json');
    const target = await system(sample);
    expect(target.managerPaths).toEqual((sample['Links'] as { Managers: Array<{ '@odata.id': string }> }).Managers.map((m) => m['@odata.id']));
    expect(target.managerPaths.length).toBeGreaterThan(0);
  });
});
