import { BaremetalCli, baremetalCli, RunningStandalone, startStandalone } from '@slipway/testing';

// Conformance with the real client for volume connectors and targets and VIFs: Debian's
// `baremetal` CLI drives a running Slipway, and the test reads what it prints.

describe('baremetal CLI volume and VIF commands against Slipway (cross-process)', () => {
  let slipway: RunningStandalone;
  let cli: BaremetalCli;
  let node: string;

  beforeAll(async () => {
    slipway = await startStandalone({});
    cli = baremetalCli(slipway.url, slipway.dataDir);
  }, 300_000);
  afterAll(() => slipway?.stop());

  const baremetal = (...args: string[]): string => cli.run(...args);
  const json = <T>(...args: string[]): T => cli.json<T>(...args);

  it('creates a volume connector and lists it', () => {
    node = json<{ uuid: string }>('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-volume-node').uuid;
    const created = json<Record<string, unknown>>('volume', 'connector', 'create', '--node', node, '--type', 'iqn', '--connector-id', 'iqn.2010-10.org.openstack:cli', '--extra', 'rack=r1');
    expect(created).toMatchObject({ node_uuid: node, type: 'iqn', connector_id: 'iqn.2010-10.org.openstack:cli', extra: { rack: 'r1' } });
    expect(created.uuid).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(json<Array<Record<string, unknown>>>('volume', 'connector', 'list')).toEqual([{ UUID: created.uuid, 'Node UUID': node, Type: 'iqn', 'Connector ID': 'iqn.2010-10.org.openstack:cli' }]);
    expect(json<Array<Record<string, unknown>>>('volume', 'connector', 'list', '--node', 'cli-volume-node', '--long')[0]).toMatchObject({ UUID: created.uuid, Extra: { rack: 'r1' } });
  });

  it('creates a volume target and lists it', () => {
    const created = json<Record<string, unknown>>('volume', 'target', 'create', '--node', node, '--type', 'iscsi', '--boot-index', '0', '--volume-id', 'vol-0', '--property', 'target_lun=0');
    expect(created).toMatchObject({ node_uuid: node, volume_type: 'iscsi', boot_index: 0, volume_id: 'vol-0', properties: { target_lun: 0 } });
    expect(json<Array<Record<string, unknown>>>('volume', 'target', 'list')).toEqual([{ UUID: created.uuid, 'Node UUID': node, 'Driver Volume Type': 'iscsi', 'Boot Index': 0, 'Volume ID': 'vol-0' }]);
  });

  it('attaches a VIF to a port of the node and lists it', () => {
    expect(json<unknown[]>('node', 'vif', 'list', 'cli-volume-node')).toEqual([]);
    baremetal('port', 'create', '52:54:00:00:cc:01', '--node', node);
    baremetal('node', 'vif', 'attach', 'cli-volume-node', 'vif-cli-1');
    expect(json<unknown[]>('node', 'vif', 'list', 'cli-volume-node')).toEqual([{ ID: 'vif-cli-1' }]);
    baremetal('node', 'vif', 'detach', 'cli-volume-node', 'vif-cli-1');
    expect(json<unknown[]>('node', 'vif', 'list', 'cli-volume-node')).toEqual([]);
  });
});
