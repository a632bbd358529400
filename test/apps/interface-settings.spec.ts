import { IronicHttp, TestCluster } from '@slipway/testing';

// SLIPWAY_ENABLED_<TYPE>_INTERFACES and SLIPWAY_DEFAULT_<TYPE>_INTERFACE through a real conductor:
// what it registers, what the driver API reports, and what nodes may ask for.
describe('interface settings of a conductor (cross-process)', () => {
  let cluster: TestCluster;
  let http: IronicHttp;

  beforeAll(async () => {
    cluster = await TestCluster.start({
      conductors: 1,
      env: { SLIPWAY_ENABLED_RAID_INTERFACES: 'no-raid', SLIPWAY_DEFAULT_BIOS_INTERFACE: 'no-bios', SLIPWAY_ENABLED_HARDWARE_TYPES: 'fake-hardware' },
    });
    http = cluster.http;
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('reports the configured lists and defaults in the driver detail', async () => {
    const detail = await http.expect(200, 'GET', '/v1/drivers/fake-hardware');
    expect(detail).toMatchObject({
      enabled_raid_interfaces: ['no-raid'],
      default_raid_interface: 'no-raid',
      default_bios_interface: 'no-bios',
      enabled_bios_interfaces: ['fake', 'no-bios'],
      // Left unset: Ironic's default list (no-console) plus fake-hardware's first choice.
      default_console_interface: 'fake',
      enabled_console_interfaces: ['fake', 'no-console'],
    });
  });

  it('gives new nodes the configured defaults and refuses an implementation that is not enabled', async () => {
    const node = await http.expect(201, 'POST', '/v1/nodes', { driver: 'fake-hardware' });
    expect(node).toMatchObject({ bios_interface: 'no-bios', raid_interface: 'no-raid', power_interface: 'fake' });

    const refused = await http.request('POST', '/v1/nodes', { driver: 'fake-hardware', raid_interface: 'fake' });
    expect(refused.status).toBe(400);
    expect(IronicHttp.faultOf(refused.body)).toBe(
      "Interface fake is not one of the known 'ironic.hardware.interfaces.raid' implementations; valid ones are no-raid.",
    );
    const chosen = await http.expect(201, 'POST', '/v1/nodes', { driver: 'fake-hardware', bios_interface: 'fake' });
    expect(chosen.bios_interface).toBe('fake');
  });
});
