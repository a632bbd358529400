import { SYSTEM_1, testVbmc } from './__fixtures__/vbmc-fixture';

const RESET = `${SYSTEM_1}/Actions/ComputerSystem.Reset`;

describe('power', () => {
  it('shows PoweringOff/PoweringOn for --power-delay-ms, then the new state', async () => {
    const { vbmc, call, clock } = testVbmc({ powerDelayMs: 1000 });
    const power = async () => (await call('GET', SYSTEM_1)).body.PowerState;
    expect(await power()).toBe('On');
    expect((await call('POST', RESET, { ResetType: 'ForceOff' })).status).toBe(204);
    expect(await power()).toBe('PoweringOff');
    clock.advance(999);
    expect(await power()).toBe('PoweringOff');
    clock.advance(1);
    expect(await power()).toBe('Off');

    await call('POST', RESET, { ResetType: 'On' });
    expect(await power()).toBe('PoweringOn');
    clock.advance(1000);
    expect(await power()).toBe('On');

    // A restart goes through both transitions and counts as a boot.
    const boots = vbmc.state.system('437XR1138R2-0001').bootCount;
    await call('POST', RESET, { ResetType: 'ForceRestart' });
    expect(await power()).toBe('PoweringOff');
    clock.advance(1000);
    expect(await power()).toBe('PoweringOn');
    clock.advance(1000);
    expect(await power()).toBe('On');
    expect(vbmc.state.system('437XR1138R2-0001').bootCount).toBe(boots + 1);
  });

  it.each([
    ['ForceOff', 'On', 'Off'],
    ['GracefulShutdown', 'On', 'Off'],
    ['On', 'Off', 'On'],
    ['ForceOn', 'Off', 'On'],
    ['GracefulRestart', 'On', 'On'],
    ['ForceRestart', 'On', 'On'],
    ['PowerCycle', 'On', 'On'],
    ['PowerCycle', 'Off', 'On'],
    ['PushPowerButton', 'On', 'Off'],
    ['Nmi', 'On', 'On'],
  ])('%s from %s ends %s (204)', async (resetType, from, to) => {
    const { call } = testVbmc();
    if (from === 'Off') await call('POST', RESET, { ResetType: 'ForceOff' });
    const answer = await call('POST', RESET, { ResetType: resetType });
    expect(answer.status).toBe(204);
    expect((await call('GET', SYSTEM_1)).body.PowerState).toBe(to);
  });

  it('refuses an unknown or missing ResetType with a Redfish 400', async () => {
    const { call } = testVbmc();
    const bad = await call('POST', RESET, { ResetType: 'Explode' });
    expect(bad.status).toBe(400);
    expect(bad.body.error['@Message.ExtendedInfo'][0].MessageId).toBe('Base.1.8.ActionParameterNotSupported');
    expect((await call('POST', RESET, {})).body.error.code).toBe('Base.1.8.ActionParameterMissing');
    expect((await call('POST', RESET, { ResetType: 'On', Extra: 1 })).body.error.code).toBe('Base.1.8.ActionParameterUnknown');
  });

  it('a stuck system accepts power requests and never gets there', async () => {
    const { vbmc, call } = testVbmc({ systems: 2 });
    vbmc.setStuckPower('437XR1138R2-0001', true);
    expect((await call('POST', RESET, { ResetType: 'ForceOff' })).status).toBe(204);
    expect((await call('GET', SYSTEM_1)).body.PowerState).toBe('On');
    expect(vbmc.state.system('437XR1138R2-0001').stuckPower).toBe(true);
    vbmc.setStuckPower('437xr1138r2-0001', false);
    await call('POST', RESET, { ResetType: 'ForceOff' });
    expect((await call('GET', SYSTEM_1)).body.PowerState).toBe('Off');
    expect(() => vbmc.setStuckPower('nope', true)).toThrow(/no system nope/);
  });
});

describe('boot override', () => {
  it('consumes a Once override at the next boot (Enabled back to Disabled)', async () => {
    const { vbmc, call } = testVbmc();
    const patch = await call('PATCH', SYSTEM_1, { Boot: { BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once', BootSourceOverrideMode: 'UEFI' } });
    expect(patch.status).toBe(200);
    expect(patch.body.Boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once' });
    await call('POST', RESET, { ResetType: 'ForceOff' });
    expect((await call('GET', SYSTEM_1)).body.Boot.BootSourceOverrideEnabled).toBe('Once');
    await call('POST', RESET, { ResetType: 'On' });
    const boot = (await call('GET', SYSTEM_1)).body.Boot;
    expect(boot).toMatchObject({ BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Disabled' });
    expect(vbmc.state.system('437XR1138R2-0001').lastBoot).toMatchObject({ target: 'Cd', mode: 'UEFI' });

    // Continuous stays; a restart boots from it again.
    await call('PATCH', SYSTEM_1, { Boot: { BootSourceOverrideTarget: 'Pxe', BootSourceOverrideEnabled: 'Continuous' } });
    await call('POST', RESET, { ResetType: 'GracefulRestart' });
    expect((await call('GET', SYSTEM_1)).body.Boot.BootSourceOverrideEnabled).toBe('Continuous');
    expect(vbmc.state.system('437XR1138R2-0001').lastBoot?.target).toBe('Pxe');
  });

  it('validates Boot against the template allowable values and refuses read-only properties', async () => {
    const { call } = testVbmc();
    const notListed = await call('PATCH', SYSTEM_1, { Boot: { BootSourceOverrideTarget: 'UefiHttp' } });
    expect(notListed.status).toBe(400);
    expect(notListed.body.error.code).toBe('Base.1.8.PropertyValueNotInList');
    expect((await call('PATCH', SYSTEM_1, { Boot: { BootSourceOverrideEnabled: 'Sometimes' } })).status).toBe(400);
    expect((await call('PATCH', SYSTEM_1, { Boot: { BootSourceOverrideMode: 'Legacy', HttpBootUri: 'ftp://x/y' } })).body.error.code).toBe('Base.1.8.PropertyValueFormatError');
    expect((await call('PATCH', SYSTEM_1, { Boot: { Bogus: 1 } })).body.error.code).toBe('Base.1.8.PropertyUnknown');
    expect((await call('PATCH', SYSTEM_1, { Model: 'x' })).body.error.code).toBe('Base.1.8.PropertyNotWritable');
    // Nothing of a rejected PATCH is applied.
    expect((await call('GET', SYSTEM_1)).body.Boot.BootSourceOverrideMode).toBe('UEFI');

    const dell = testVbmc({ mockup: 'dell-idrac-bmclib-fixtures' });
    const http = await dell.call('PATCH', '/redfish/v1/Systems/System.Embedded.1-0001', { Boot: { BootSourceOverrideTarget: 'UefiHttp', HttpBootUri: 'http://boot.test/esp.img' } });
    expect(http.status).toBe(200);
    expect(http.body.Boot).toMatchObject({ BootSourceOverrideTarget: 'UefiHttp', HttpBootUri: 'http://boot.test/esp.img' });
  });

  it('PATCHes IndicatorLED on the System and on its Chassis', async () => {
    const { call } = testVbmc();
    expect((await call('PATCH', SYSTEM_1, { IndicatorLED: 'Blinking' })).body.IndicatorLED).toBe('Blinking');
    expect((await call('PATCH', '/redfish/v1/Chassis/1U-0001', { IndicatorLED: 'Lit' })).body.IndicatorLED).toBe('Lit');
    expect((await call('GET', '/redfish/v1/Chassis/1U-0001')).body.IndicatorLED).toBe('Lit');
    expect((await call('PATCH', SYSTEM_1, { IndicatorLED: 'Disco' })).status).toBe(400);
    expect((await call('PATCH', '/redfish/v1/Chassis/1U-0001', { AssetTag: 'x' })).status).toBe(400);
  });
});
