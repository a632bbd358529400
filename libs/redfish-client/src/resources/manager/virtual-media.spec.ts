import { sushySample } from '../../__fixtures__/mockup-server.fixture';
import { useTestBmc, type Reply, type TestBmc } from '../../__fixtures__/test-bmc.fixture';
import type { RedfishConnection } from '../../redfish-connection';
import { RedfishHttpError, RedfishInvalidValueError, RedfishUnsupportedError } from '../../redfish-errors';
import { load } from '../resource';
import { VirtualMedia } from './virtual-media';

// Insert and eject as sushy does them: the actions when offered (with the iLO `{}` retry), else
// PATCH when the slot's Allow header says so (Lenovo SD530).
describe('VirtualMedia', () => {
  const PATH = '/redfish/v1/Managers/1/VirtualMedia/2';
  const INSERT = `${PATH}/Actions/VirtualMedia.InsertMedia`;
  const EJECT = `${PATH}/Actions/VirtualMedia.EjectMedia`;
  const withActions = { Id: '2', MediaTypes: ['CD', 'DVD'], Inserted: false, Actions: { '#VirtualMedia.InsertMedia': { target: INSERT }, '#VirtualMedia.EjectMedia': { target: EJECT } } };
  const patchOnly = { ...sushySample('virtual_mediav1_6.json'), '@odata.id': PATH, '@odata.etag': 'W/"vm-1"' };
  let bmc: TestBmc;
  let connection: RedfishConnection;
  useTestBmc((started) => ({ bmc, connection } = started));

  const slot = (body: Record<string, unknown>, allow?: string) => {
    bmc.on('GET', PATH, { body, headers: allow ? { allow } : {} });
    return load(connection, PATH, (init) => new VirtualMedia(init));
  };
  const writes = () => bmc.requests.filter((r) => r.method !== 'GET').map((r) => [`${r.method} ${r.path}`, r.body, r.headers['if-match']]);

  describe('insert', () => {
    it('POSTs InsertMedia with the image only, by default (Inserted/WriteProtected are left to their defaults)', async () => {
      bmc.on('POST', INSERT, { status: 204 });
      await (await slot(withActions)).insert('https://images.example/boot.iso');
      expect(writes()).toEqual([[`POST ${INSERT}`, { Image: 'https://images.example/boot.iso' }, undefined]]);
    });

    it('sends Inserted/WriteProtected only when false, and credentials and the transfer method when given', async () => {
      bmc.on('POST', INSERT, { status: 204 });
      await (await slot(withActions)).insert('http://images.example/a.iso', { inserted: false, writeProtected: false, userName: 'u', password: 'p', transferMethod: 'Stream' });
      await (await slot(withActions)).insert('http://images.example/b.iso', { inserted: true, writeProtected: true });
      expect(writes().map((w) => w[1])).toEqual([
        { Image: 'http://images.example/a.iso', UserName: 'u', Password: 'p', TransferMethod: 'Stream', Inserted: false, WriteProtected: false },
        { Image: 'http://images.example/b.iso' },
      ]);
      await expect((await slot(withActions)).insert('x', { transferMethod: 'Push' })).rejects.toBeInstanceOf(RedfishInvalidValueError);
    });

    it('adds TransferProtocolType (from the URL), then TransferMethod, when the BMC says they are missing', async () => {
      const protocolMissing: Reply = { status: 400, body: sushySample('transfer_proto_required_error.json') };
      const methodMissing: Reply = { status: 400, body: sushySample('transfer_method_required_error.json') };
      bmc.on('POST', INSERT, protocolMissing, methodMissing, { status: 204 });
      await (await slot(withActions)).insert('https://images.example/boot.iso');
      expect(writes().map((w) => w[1])).toEqual([
        { Image: 'https://images.example/boot.iso' },
        { Image: 'https://images.example/boot.iso', TransferProtocolType: 'HTTPS' },
        { Image: 'https://images.example/boot.iso', TransferProtocolType: 'HTTPS', TransferMethod: 'Stream' },
      ]);
    });

    it('passes other refusals on', async () => {
      bmc.on('POST', INSERT, { status: 400, body: { error: { message: 'The image URL is unreachable.' } } });
      await expect((await slot(withActions)).insert('https://images.example/boot.iso')).rejects.toThrow(RedfishHttpError);
      expect(writes()).toHaveLength(1);
    });

    it('PATCHes the slot (Image, Inserted, WriteProtected, with If-Match) when there is no action but Allow has PATCH', async () => {
      bmc.on('PATCH', PATH, { status: 204 });
      const target = await slot(patchOnly, 'GET, PATCH');
      expect(target.patchAllowed).toBe(true);
      await target.insert('https://images.example/boot.iso');
      expect(writes()).toEqual([[`PATCH ${PATH}`, { Image: 'https://images.example/boot.iso', Inserted: true, WriteProtected: true }, 'W/"vm-1"']]);
    });

    it('is unsupported without an action and without PATCH', async () => {
      await expect((await slot(patchOnly, 'GET')).insert('https://images.example/boot.iso')).rejects.toBeInstanceOf(RedfishUnsupportedError);
      await expect((await slot(patchOnly)).eject()).rejects.toBeInstanceOf(RedfishUnsupportedError);
      expect(writes()).toEqual([]);
    });
  });

  describe('eject', () => {
    it('POSTs EjectMedia without a body', async () => {
      bmc.on('POST', EJECT, { status: 204 });
      await (await slot(withActions)).eject();
      expect(writes()).toEqual([[`POST ${EJECT}`, undefined, undefined]]);
    });

    it.each([400, 415])('retries with {} when the BMC answers %d to no body (HPE iLO)', async (status) => {
      bmc.on('POST', EJECT, { status, body: { error: { message: 'A JSON body is required.' } } }, { status: 200, body: {} });
      await (await slot(withActions)).eject();
      expect(writes()).toEqual([
        [`POST ${EJECT}`, undefined, undefined],
        [`POST ${EJECT}`, {}, undefined],
      ]);
    });

    it('does not retry other errors', async () => {
      bmc.on('POST', EJECT, { status: 409, body: {} });
      await expect((await slot(withActions)).eject()).rejects.toMatchObject({ status: 409 });
      expect(writes()).toHaveLength(1);
    });

    it('PATCHes Image null and Inserted false when only PATCH is allowed', async () => {
      bmc.on('PATCH', PATH, { status: 204 });
      await (await slot(patchOnly, 'GET,PATCH')).eject();
      expect(writes()).toEqual([[`PATCH ${PATH}`, { Image: null, Inserted: false }, 'W/"vm-1"']]);
    });
  });

  it('reads sushy\'s v1.6 sample', async () => {
    const target = await slot(patchOnly);
    expect([target.id, target.mediaTypes, target.image, target.imageName, target.inserted, target.writeProtected, target.connectedVia, target.insertMediaAction]).toEqual([
      'CD1',
      ['CD', 'DVD'],
      'redfish.dmtf.org/freeImages/freeOS.1.1.iso',
      'mymedia-read-only',
      true,
      false,
      'Applet',
      undefined,
    ]);
  });
});
