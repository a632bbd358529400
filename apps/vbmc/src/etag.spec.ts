import { SYSTEM_1, testVbmc } from './__fixtures__/vbmc-fixture';

describe('ETags', () => {
  it('sends a strong ETag on mutable resources that changes when they change', async () => {
    const { call } = testVbmc();
    for (const url of [SYSTEM_1, `${SYSTEM_1}/Bios`, `${SYSTEM_1}/Bios/Settings`, `${SYSTEM_1}/SecureBoot`, `${SYSTEM_1}/VirtualMedia/CD1`, '/redfish/v1/Chassis/1U-0001']) {
      expect((await call('GET', url)).headers.etag).toMatch(/^"[^"]+"$/);
    }
    const before = (await call('GET', SYSTEM_1)).headers.etag;
    expect((await call('GET', SYSTEM_1)).headers.etag).toBe(before);
    await call('PATCH', SYSTEM_1, { IndicatorLED: 'Lit' });
    expect((await call('GET', SYSTEM_1)).headers.etag).not.toBe(before);
    // The Bios resource advertises the settings object's ETag.
    const settingsTag = (await call('GET', `${SYSTEM_1}/Bios/Settings`)).headers.etag;
    expect((await call('GET', `${SYSTEM_1}/Bios`)).body['@Redfish.Settings'].ETag).toBe(settingsTag);
  });

  it('answers 412 to a stale or weak If-Match and accepts the current strong one (or none)', async () => {
    const { call } = testVbmc();
    const stale = (await call('GET', SYSTEM_1)).headers.etag as string;
    await call('PATCH', SYSTEM_1, { IndicatorLED: 'Lit' });
    const current = (await call('GET', SYSTEM_1)).headers.etag as string;

    const staleAnswer = await call('PATCH', SYSTEM_1, { IndicatorLED: 'Off' }, { 'if-match': stale });
    expect(staleAnswer.status).toBe(412);
    expect(staleAnswer.body.error.code).toBe('Base.1.8.PreconditionFailed');
    // Weak never matches (RFC 9110 strong comparison), so sushy's weak→strong fallback is exercised.
    expect((await call('PATCH', SYSTEM_1, { IndicatorLED: 'Off' }, { 'if-match': `W/${current}` })).status).toBe(412);
    expect((await call('GET', SYSTEM_1)).body.IndicatorLED).toBe('Lit');
    const ok = await call('PATCH', SYSTEM_1, { IndicatorLED: 'Off' }, { 'if-match': current });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).not.toBe(current);
    expect((await call('PATCH', SYSTEM_1, { IndicatorLED: 'Lit' })).status).toBe(200);

    const settings = `${SYSTEM_1}/Bios/Settings`;
    const tag = (await call('GET', settings)).headers.etag as string;
    expect((await call('PATCH', settings, { Attributes: { NicBoot2: 'NetworkBoot' } }, { 'if-match': tag })).status).toBe(200);
    expect((await call('PATCH', settings, { Attributes: { NicBoot2: 'Disabled' } }, { 'if-match': tag })).status).toBe(412);
  });

  it('replaces a template body @odata.etag with the current strong value', async () => {
    const { call } = testVbmc({ mockup: 'hpe-ilo5-dl365-gen10plus' });
    const answer = await call('GET', '/redfish/v1/Systems/1-0001/SecureBoot');
    expect(answer.body['@odata.etag']).toBe(answer.headers.etag);
  });
});
