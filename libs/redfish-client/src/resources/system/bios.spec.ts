import { sushySample } from '../../__fixtures__/mockup-server.fixture';
import { useTestBmc, type TestBmc } from '../../__fixtures__/test-bmc.fixture';
import type { RedfishConnection } from '../../redfish-connection';
import { RedfishUnsupportedError } from '../../redfish-errors';
import { TaskMonitor } from '../../task-monitor';
import { load } from '../resource';
import { Bios } from './bios';

// BIOS settings through @Redfish.Settings (sushy's bios samples): the settings object's ETag,
// the apply time only when supported, and the ResetBios `{}` retry.
describe('Bios', () => {
  const PATH = '/redfish/v1/Systems/437XR1138R2/BIOS';
  const SETTINGS = `${PATH}/Settings`;
  let bmc: TestBmc;
  let connection: RedfishConnection;
  useTestBmc((started) => ({ bmc, connection } = started));
  beforeEach(() => {
    bmc.resource(SETTINGS, sushySample('bios_settings.json'), 'W/"settings-3"');
  });
  const bios = (changes: Record<string, unknown> = {}) => {
    bmc.resource(PATH, { ...sushySample('bios.json'), ...changes });
    return load(connection, PATH, (init) => new Bios(init));
  };
  const writes = () => bmc.requests.filter((r) => r.method !== 'GET').map((r) => [`${r.method} ${r.path}`, r.body, r.headers['if-match']]);

  it('reads attributes, the registry and the settings annotation', async () => {
    const current = await bios();
    expect([Object.keys(current.attributes).length, current.attributes['ProcTurboMode'], current.attributeRegistry, current.etag]).toEqual([10, 'Enabled', 'BiosAttributeRegistryP89.v1_0_0', '123']);
    expect(current.settings).toEqual({
      objectPath: SETTINGS,
      supportedApplyTimes: ['OnReset', 'InMaintenanceWindowOnReset'],
      messages: [{ messageId: 'Test.1.0.Failed', message: undefined, severity: undefined, messageArgs: ['arg1'], relatedProperties: ['#/Attributes/ProcTurboMode'] }],
      appliedEtag: '9234ac83b9700123cc32',
      time: '2016-03-07T14:44.30-05:00',
    });
    expect((await current.pendingAttributes())['ProcTurboMode']).toBe('Disabled');
  });

  it('PATCHes attributes to the settings object with its ETag, and the apply time when supported', async () => {
    bmc.on('PATCH', SETTINGS, { status: 204 });
    await (await bios()).setAttributes({ ProcTurboMode: 'Enabled' }, { applyTime: 'OnReset' });
    expect(writes()).toEqual([[`PATCH ${SETTINGS}`, { Attributes: { ProcTurboMode: 'Enabled' }, '@Redfish.SettingsApplyTime': { ApplyTime: 'OnReset' } }, 'W/"settings-3"']]);
  });

  it('leaves the apply time out when it is not among SupportedApplyTimes, or none are listed', async () => {
    bmc.on('PATCH', SETTINGS, { status: 204 });
    await (await bios()).setAttributes({ ProcTurboMode: 'Enabled' }, { applyTime: 'Immediate' });
    await (await bios({ '@Redfish.Settings': { SettingsObject: { '@odata.id': SETTINGS } } })).setAttributes({ ProcTurboMode: 'Enabled' }, { applyTime: 'OnReset' });
    expect(writes().map((w) => w[1])).toEqual([{ Attributes: { ProcTurboMode: 'Enabled' } }, { Attributes: { ProcTurboMode: 'Enabled' } }]);
  });

  it('gives a task monitor when the settings PATCH starts a job (202)', async () => {
    bmc.on('PATCH', SETTINGS, { status: 202, headers: { location: '/redfish/v1/Managers/iDRAC.Embedded.1/Jobs/JID_9' } });
    const result = await (await bios()).setAttributes({ ProcTurboMode: 'Enabled' });
    expect(result).toBeInstanceOf(TaskMonitor);
  });

  it('has no settings object to write to without @Redfish.Settings.SettingsObject', async () => {
    const gigabyteLike = await bios({ '@Redfish.Settings': { ETag: 'Dummyetag', Messages: [] } });
    expect(gigabyteLike.settings).toBeUndefined();
    expect(await gigabyteLike.pendingAttributes()).toEqual({});
    await expect(gigabyteLike.setAttributes({ A: 1 })).rejects.toBeInstanceOf(RedfishUnsupportedError);
  });

  it.each([415, 400])('POSTs ResetBios without a body, then with {} after a %d', async (status) => {
    bmc.on('POST', `${PATH}/Actions/Bios.ResetBios`, { status, body: {} }, { status: 204 });
    await (await bios()).resetBios();
    expect(writes()).toEqual([
      [`POST ${PATH}/Actions/Bios.ResetBios`, undefined, undefined],
      [`POST ${PATH}/Actions/Bios.ResetBios`, {}, undefined],
    ]);
  });

  it('POSTs ChangePassword with the new and old password and its name', async () => {
    bmc.on('POST', `${PATH}/Actions/Bios.ChangePassword`, { status: 204 });
    await (await bios()).changePassword('new', 'old', 'AdminPassword');
    expect(writes()).toEqual([[`POST ${PATH}/Actions/Bios.ChangePassword`, { NewPassword: 'new', OldPassword: 'old', PasswordName: 'AdminPassword' }, undefined]]);
  });
});
