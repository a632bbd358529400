import { SYSTEM_1, SYSTEM_2, testVbmc } from './__fixtures__/vbmc-fixture';

const CD = `${SYSTEM_1}/VirtualMedia/CD1`;
const INSERT = `${CD}/Actions/VirtualMedia.InsertMedia`;
const EJECT = `${CD}/Actions/VirtualMedia.EjectMedia`;

describe('virtual media', () => {
  it('inserts an http(s) image, refuses a second insert (409), and ejects', async () => {
    const { vbmc, call } = testVbmc({ systems: 2 });
    const empty = (await call('GET', CD)).body;
    expect(empty).toMatchObject({ Image: null, Inserted: false, ConnectedVia: 'NotConnected', MediaTypes: ['CD', 'DVD'] });
    expect(empty.Actions['#VirtualMedia.InsertMedia'].target).toBe(INSERT);

    const insert = await call('POST', INSERT, { Image: 'https://images.test/ipa%20ramdisk.iso', TransferProtocolType: 'HTTPS', UserName: 'u', Password: 'p' });
    expect(insert.status).toBe(204);
    const inserted = (await call('GET', CD)).body;
    expect(inserted).toMatchObject({ Image: 'https://images.test/ipa%20ramdisk.iso', ImageName: 'ipa ramdisk.iso', Inserted: true, WriteProtected: true, ConnectedVia: 'URI', UserName: 'u', Password: null });
    expect((await call('GET', `${SYSTEM_2}/VirtualMedia/CD1`)).body.Inserted).toBe(false);

    const again = await call('POST', INSERT, { Image: 'http://images.test/other.iso' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('Base.1.8.ResourceInUse');

    // A boot with the CD inserted records the image.
    await call('PATCH', SYSTEM_1, { Boot: { BootSourceOverrideTarget: 'Cd', BootSourceOverrideEnabled: 'Once' } });
    await call('POST', `${SYSTEM_1}/Actions/ComputerSystem.Reset`, { ResetType: 'ForceRestart' });
    expect(vbmc.state.system('437XR1138R2-0001').lastBoot).toMatchObject({ target: 'Cd', media: 'https://images.test/ipa%20ramdisk.iso' });

    expect((await call('POST', EJECT)).status).toBe(204);
    expect((await call('GET', CD)).body).toMatchObject({ Image: null, Inserted: false, ConnectedVia: 'NotConnected' });
    // Ejecting an empty slot (iLO wants a {} body) is fine too.
    expect((await call('POST', EJECT, {})).status).toBe(204);
    expect((await call('POST', INSERT, { Image: 'http://images.test/other.iso', Inserted: true, WriteProtected: false })).status).toBe(204);
    expect(vbmc.state.system('437XR1138R2-0001').virtualMedia.find((slot) => slot.path === CD)).toEqual({ path: CD, image: 'http://images.test/other.iso', inserted: true });
  });

  it('validates InsertMedia like a real BMC', async () => {
    const { call } = testVbmc();
    const codes = async (body: unknown) => (await call('POST', INSERT, body)).body.error.code;
    expect(await codes({})).toBe('Base.1.8.ActionParameterMissing');
    expect(await codes({ Image: 'nfs://server/share/x.iso' })).toBe('Base.1.8.ActionParameterValueFormatError');
    expect(await codes({ Image: 'not a url' })).toBe('Base.1.8.ActionParameterValueFormatError');
    expect(await codes({ Image: 'http://i.test/x.iso', TransferProtocolType: 'NFS' })).toBe('Base.1.8.ActionParameterNotSupported');
    expect(await codes({ Image: 'http://i.test/x.iso', UserName: 'only-user' })).toBe('Base.1.8.ActionParameterMissing');
    expect(await codes({ Image: 'http://i.test/x.iso', Colour: 'red' })).toBe('Base.1.8.ActionParameterUnknown');
  });

  it('adds the actions to slots whose template lacks them, and accepts the PATCH style (Lenovo)', async () => {
    const { call } = testVbmc({ mockup: 'lenovo-xcc-bmclib-fixtures' });
    const slot = '/redfish/v1/Managers/1-0001/VirtualMedia/CD';
    const doc = (await call('GET', slot)).body;
    expect(doc.Actions['#VirtualMedia.InsertMedia'].target).toBe(`${slot}/Actions/VirtualMedia.InsertMedia`);
    const patched = await call('PATCH', slot, { Image: 'http://i.test/x.iso', Inserted: true, WriteProtected: true });
    expect(patched.body).toMatchObject({ Image: 'http://i.test/x.iso', Inserted: true });
    expect((await call('POST', `${slot}/Actions/VirtualMedia.EjectMedia`)).status).toBe(204);
    expect((await call('GET', slot)).body.Inserted).toBe(false);
  });
});
