import { SYSTEM_1, testVbmc } from './__fixtures__/vbmc-fixture';

const BIOS = `${SYSTEM_1}/Bios`;
const SETTINGS = `${BIOS}/Settings`;
const RESET = `${SYSTEM_1}/Actions/ComputerSystem.Reset`;

describe('BIOS settings', () => {
  it('stages attributes in the settings object and applies them at the next reboot', async () => {
    const { vbmc, call } = testVbmc();
    const bios = (await call('GET', BIOS)).body;
    expect(bios['@Redfish.Settings'].SettingsObject['@odata.id']).toBe(SETTINGS);
    expect(bios['@Redfish.Settings'].Messages).toEqual([]);
    expect((await call('GET', SETTINGS)).body.Attributes).toEqual({});

    const patch = await call('PATCH', SETTINGS, { Attributes: { ProcTurboMode: 'Disabled', ProcCoreDisable: 2 }, '@Redfish.SettingsApplyTime': { ApplyTime: 'OnReset' } });
    expect(patch.status).toBe(200);
    expect((await call('GET', SETTINGS)).body.Attributes).toEqual({ ProcTurboMode: 'Disabled', ProcCoreDisable: 2 });
    expect((await call('GET', BIOS)).body.Attributes.ProcTurboMode).toBe('Enabled');

    await call('POST', RESET, { ResetType: 'ForceRestart' });
    const applied = (await call('GET', BIOS)).body;
    expect(applied.Attributes).toMatchObject({ ProcTurboMode: 'Disabled', ProcCoreDisable: 2, BootMode: 'Uefi' });
    expect(applied['@Redfish.Settings'].Messages[0].MessageId).toBe('Base.1.8.Success');
    expect((await call('GET', SETTINGS)).body.Attributes).toEqual({});
    expect(vbmc.state.system('437XR1138R2-0001').biosAttributes.ProcTurboMode).toBe('Disabled');
  });

  it('refuses unknown attribute names and wrong types', async () => {
    const { call } = testVbmc();
    const unknown = await call('PATCH', SETTINGS, { Attributes: { NoSuchThing: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('Base.1.8.PropertyUnknown');
    expect((await call('PATCH', SETTINGS, { Attributes: { ProcCoreDisable: 'two' } })).body.error.code).toBe('Base.1.8.PropertyValueTypeError');
    expect((await call('PATCH', SETTINGS, {})).body.error.code).toBe('Base.1.8.PropertyMissing');
    expect((await call('PATCH', BIOS, { Attributes: { ProcTurboMode: 'Disabled' } })).status).toBe(405);
  });

  it('ResetBios restores the template attributes at the next power-on', async () => {
    const { call } = testVbmc();
    await call('PATCH', SETTINGS, { Attributes: { NicBoot2: 'NetworkBoot' } });
    await call('POST', RESET, { ResetType: 'ForceRestart' });
    expect((await call('GET', BIOS)).body.Attributes.NicBoot2).toBe('NetworkBoot');
    expect((await call('POST', `${BIOS}/Actions/Bios.ResetBios`)).status).toBe(204);
    expect((await call('GET', BIOS)).body.ResetBiosToDefaultsPending).toBe(true);
    await call('POST', RESET, { ResetType: 'ForceOff' });
    await call('POST', RESET, { ResetType: 'On' });
    const bios = (await call('GET', BIOS)).body;
    expect(bios.Attributes.NicBoot2).toBe('Disabled');
    expect(bios.ResetBiosToDefaultsPending).toBe(false);
  });

  it('creates the settings object when the template has none (iDRAC, AMI) and follows vendor placements (iLO, XCC)', async () => {
    const dell = testVbmc({ mockup: 'dell-idrac-bmclib-fixtures' });
    const dellBios = (await dell.call('GET', '/redfish/v1/Systems/System.Embedded.1-0001/Bios')).body;
    expect(dellBios['@Redfish.Settings'].SettingsObject['@odata.id']).toBe('/redfish/v1/Systems/System.Embedded.1-0001/Bios/Settings');
    expect((await dell.call('GET', '/redfish/v1/Systems/System.Embedded.1-0001/Bios/Settings')).status).toBe(200);

    const ami = testVbmc({ mockup: 'gigabyte-ami-h262' });
    const settings = (await ami.call('GET', '/redfish/v1/Systems/Self-0001/Bios')).body['@Redfish.Settings'].SettingsObject['@odata.id'];
    expect((await ami.call('GET', settings)).status).toBe(200);

    const hpe = testVbmc({ mockup: 'hpe-ilo5-dl365-gen10plus' });
    const hpeBios = (await hpe.call('GET', '/redfish/v1/Systems/1-0001/bios')).body;
    const name = Object.keys(hpeBios.Attributes)[0];
    const value = hpeBios.Attributes[name];
    // iLO advertises ResetBios under bios/settings/; that target works.
    expect((await hpe.call('POST', hpeBios.Actions['#Bios.ResetBios'].target, {})).status).toBe(204);
    expect((await hpe.call('PATCH', hpeBios['@Redfish.Settings'].SettingsObject['@odata.id'], { Attributes: { [name]: value } })).status).toBe(200);

    const lenovo = testVbmc({ mockup: 'lenovo-xcc-bmclib-fixtures' });
    expect((await lenovo.call('GET', '/redfish/v1/Systems/1-0001/Bios')).body['@Redfish.Settings'].SettingsObject['@odata.id']).toBe('/redfish/v1/Systems/1-0001/Bios/Pending');
  });
});

describe('Secure Boot', () => {
  it('PATCHes SecureBootEnable; it is current after the next boot', async () => {
    const { call } = testVbmc();
    const url = `${SYSTEM_1}/SecureBoot`;
    expect((await call('PATCH', url, { SecureBootEnable: true })).body.SecureBootEnable).toBe(true);
    expect((await call('GET', url)).body.SecureBootCurrentBoot).toBe('Disabled');
    await call('POST', RESET, { ResetType: 'ForceRestart' });
    expect((await call('GET', url)).body.SecureBootCurrentBoot).toBe('Enabled');
    expect((await call('PATCH', url, { SecureBootEnable: 'yes' })).status).toBe(400);
    expect((await call('PATCH', url, { SecureBootMode: 'SetupMode' })).body.error.code).toBe('Base.1.8.PropertyNotWritable');
    expect((await call('POST', `${url}/Actions/SecureBoot.ResetKeys`, { ResetKeysType: 'DeleteAllKeys' })).status).toBe(204);
    expect((await call('POST', `${url}/Actions/SecureBoot.ResetKeys`, { ResetKeysType: 'Everything' })).status).toBe(400);
  });
});
