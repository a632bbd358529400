import { BaremetalCli, baremetalCli, RunningStandalone, startStandalone } from '@slipway/testing';

// Conformance with the real client: python-ironicclient's `baremetal` CLI (Debian's package)
// drives a running Slipway, and the test reads what it prints, not only its exit code.

const CONDUCTOR = 'cli-conductor';

describe('baremetal CLI against Slipway (cross-process)', () => {
  let slipway: RunningStandalone;
  let cli: BaremetalCli;

  beforeAll(async () => {
    slipway = await startStandalone({ SLIPWAY_HOSTNAME: CONDUCTOR });
    cli = baremetalCli(slipway.url, slipway.dataDir);
  }, 300_000);
  afterAll(() => slipway?.stop());

  const baremetal = (...args: string[]): string => cli.run(...args);
  const json = <T>(...args: string[]): T => cli.json<T>(...args);

  it('creates a node and shows it with the fields the CLI prints', () => {
    const created = json<Record<string, unknown>>('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-node', '--property', 'cpus=8', '--driver-info', 'ipmi_password=secret');
    expect(created).toMatchObject({ name: 'cli-node', driver: 'fake-hardware', provision_state: 'enroll', power_interface: 'fake', network_interface: 'noop', properties: { cpus: 8 } });
    expect(created.driver_info).toEqual({ ipmi_password: '******' });
    const shown = json<Record<string, unknown>>('node', 'show', 'cli-node');
    expect(shown.uuid).toBe(created.uuid);
  });

  it('lists nodes, short and long', () => {
    const short = json<Array<Record<string, unknown>>>('node', 'list');
    expect(short).toEqual([expect.objectContaining({ Name: 'cli-node', 'Provisioning State': 'enroll', Maintenance: false })]);
    const long = json<Array<Record<string, unknown>>>('node', 'list', '--long');
    expect(long[0]).toMatchObject({ Name: 'cli-node', Driver: 'fake-hardware', 'Power Interface': 'fake', Properties: { cpus: 8 } });
  });

  it('sets and unsets fields', () => {
    baremetal('node', 'set', 'cli-node', '--extra', 'rack=r1', '--description', 'from the CLI', '--resource-class', 'gold');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'extra', '-c', 'description', '-c', 'resource_class')).toEqual({ extra: { rack: 'r1' }, description: 'from the CLI', resource_class: 'gold' });
    baremetal('node', 'unset', 'cli-node', '--extra', 'rack', '--description');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'extra', '-c', 'description')).toEqual({ extra: {}, description: null });
  });

  it("shows the server's error for a bad request", () => {
    expect(() => baremetal('node', 'create', '--driver', 'no-such-driver')).toThrow(/No valid host was found.*no-such-driver.*\(HTTP 400\)/s);
  });

  /** Power changes finish in the background: poll `node show` briefly for the expected state. */
  async function powerStateBecomes(expected: string): Promise<string> {
    let state = '';
    for (let attempt = 0; attempt < 50 && state !== expected; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 200));
      state = json<{ power_state: string }>('node', 'show', 'cli-node', '-c', 'power_state').power_state;
    }
    return state;
  }

  it('powers the node on, off and reboots it', async () => {
    baremetal('node', 'power', 'on', 'cli-node');
    expect(await powerStateBecomes('power on')).toBe('power on');
    baremetal('node', 'power', 'off', 'cli-node');
    expect(await powerStateBecomes('power off')).toBe('power off');
    baremetal('node', 'reboot', 'cli-node');
    expect(await powerStateBecomes('power on')).toBe('power on');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'target_power_state', '-c', 'last_error')).toEqual({ target_power_state: null, last_error: null });
  });

  it('sets and shows the boot device', () => {
    baremetal('node', 'boot', 'device', 'set', 'cli-node', 'disk', '--persistent');
    expect(json<Record<string, unknown>>('node', 'boot', 'device', 'show', 'cli-node')).toEqual({ boot_device: 'disk', persistent: true });
    expect(json<Record<string, unknown>>('node', 'boot', 'device', 'show', 'cli-node', '--supported')).toEqual({ supported_boot_devices: expect.stringContaining('pxe') });
    expect(() => baremetal('node', 'boot', 'device', 'set', 'cli-node', 'wanboot')).toThrow(/Invalid boot device wanboot specified\. \(HTTP 400\)/);
  });

  it('puts the node in maintenance with a reason and takes it out', () => {
    baremetal('node', 'maintenance', 'set', 'cli-node', '--reason', 'replacing a disk');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'maintenance', '-c', 'maintenance_reason')).toEqual({ maintenance: true, maintenance_reason: 'replacing a disk' });
    baremetal('node', 'maintenance', 'unset', 'cli-node');
    expect(json<Record<string, unknown>>('node', 'show', 'cli-node', '-c', 'maintenance', '-c', 'maintenance_reason')).toEqual({ maintenance: false, maintenance_reason: null });
  });

  it('adds, lists and removes traits', () => {
    expect(baremetal('node', 'add', 'trait', 'cli-node', 'CUSTOM_GPU', 'HW_CPU_X86_VMX')).toContain('Added trait CUSTOM_GPU');
    expect(json<Array<{ Traits: string }>>('node', 'trait', 'list', 'cli-node')).toEqual([{ Traits: 'CUSTOM_GPU' }, { Traits: 'HW_CPU_X86_VMX' }]);
    expect(() => baremetal('node', 'add', 'trait', 'cli-node', 'gpu')).toThrow(/Schema error for trait: 'gpu' is not valid/);
    expect(baremetal('node', 'remove', 'trait', 'cli-node', 'CUSTOM_GPU')).toContain('Removed trait CUSTOM_GPU');
    expect(json<Array<{ Traits: string }>>('node', 'trait', 'list', 'cli-node')).toEqual([{ Traits: 'HW_CPU_X86_VMX' }]);
  });

  it('validates the node interfaces', () => {
    const rows = json<Array<{ Interface: string; Result: boolean; Reason: string }>>('node', 'validate', 'cli-node');
    expect(rows.map((row) => row.Interface)).toEqual(['bios', 'boot', 'console', 'deploy', 'inspect', 'management', 'network', 'power', 'raid', 'rescue', 'storage']);
    expect(rows.find((row) => row.Interface === 'power')).toEqual({ Interface: 'power', Result: true, Reason: '' });
  });

  // Ports, port groups and chassis of cli-node (it is deleted below, with whatever is left).
  const nodeUuid = () => json<{ uuid: string }>('node', 'show', 'cli-node', '-c', 'uuid').uuid;

  it('creates, lists, shows, sets, unsets and deletes a port', () => {
    const node = nodeUuid();
    const created = json<Record<string, unknown>>(
      'port', 'create', '52:54:00:AB:CD:01', '--node', node, '--extra', 'rack=r1',
      '--local-link-connection', 'switch_id=AA:BB:CC:DD:EE:FF', '--local-link-connection', 'port_id=Eth1', '--physical-network', 'physnet1',
    );
    expect(created).toMatchObject({
      address: '52:54:00:ab:cd:01', node_uuid: node, extra: { rack: 'r1' }, local_link_connection: { port_id: 'Eth1', switch_id: 'aa:bb:cc:dd:ee:ff' },
      physical_network: 'physnet1', pxe_enabled: true, portgroup_uuid: null, is_smartnic: false, internal_info: {},
    });
    const uuid = created.uuid as string;
    expect(json('port', 'list')).toEqual([{ UUID: uuid, Address: '52:54:00:ab:cd:01' }]);
    expect(json('port', 'list', '--node', 'cli-node', '--long')).toEqual([expect.objectContaining({ UUID: uuid, 'Node UUID': node, 'Physical Network': 'physnet1', 'PXE boot enabled': true })]);
    expect(json('port', 'list', '--address', '52:54:00:AB:CD:01')).toEqual([{ UUID: uuid, Address: '52:54:00:ab:cd:01' }]);
    expect(json('port', 'show', uuid)).toEqual(created);

    baremetal('port', 'set', uuid, '--pxe-disabled', '--extra', 'slot=3');
    baremetal('port', 'unset', uuid, '--extra', 'rack');
    expect(json('port', 'show', uuid, '-c', 'pxe_enabled', '-c', 'extra')).toEqual({ pxe_enabled: false, extra: { slot: 3 } });
    expect(() => baremetal('port', 'create', 'zz', '--node', node)).toThrow(/Expected valid MAC address for address: zz \(HTTP 400\)/);

    expect(baremetal('port', 'delete', uuid)).toContain(`Deleted port ${uuid}`);
    expect(json('port', 'list')).toEqual([]);
  });

  it('creates, lists and shows port groups, puts a port in one, and deletes it once empty', () => {
    const node = nodeUuid();
    const group = json<Record<string, unknown>>('port', 'group', 'create', '--node', node, '--name', 'cli-pg', '--address', '52:54:00:AB:CD:10', '--mode', '802.3ad', '--property', 'miimon=100');
    expect(group).toMatchObject({ name: 'cli-pg', address: '52:54:00:ab:cd:10', mode: '802.3ad', properties: { miimon: 100 }, standalone_ports_supported: true, node_uuid: node });
    expect(json('port', 'group', 'list')).toEqual([{ UUID: group.uuid, Address: '52:54:00:ab:cd:10', Name: 'cli-pg' }]);
    expect(json('port', 'group', 'list', '--node', 'cli-node', '--long')).toEqual([expect.objectContaining({ UUID: group.uuid, Mode: '802.3ad', 'Node UUID': node })]);
    expect(json('port', 'group', 'show', 'cli-pg')).toEqual(group);

    const member = json<Record<string, unknown>>('port', 'create', '52:54:00:AB:CD:11', '--node', node, '--port-group', group.uuid as string);
    expect(member.portgroup_uuid).toBe(group.uuid);
    expect(json('port', 'list', '--port-group', 'cli-pg')).toEqual([{ UUID: member.uuid, Address: '52:54:00:ab:cd:11' }]);
    expect(() => baremetal('port', 'group', 'delete', 'cli-pg')).toThrow(/contains ports.*\(HTTP 400\)/);

    baremetal('port', 'delete', member.uuid as string);
    expect(baremetal('port', 'group', 'delete', 'cli-pg')).toContain('Deleted port group cli-pg');
    expect(json('port', 'group', 'list')).toEqual([]);
  });

  it('creates, lists, shows and sets a chassis, and deletes it once it holds no node', () => {
    const chassis = json<Record<string, unknown>>('chassis', 'create', '--description', 'rack 7', '--extra', 'a=1');
    expect(chassis).toMatchObject({ description: 'rack 7', extra: { a: 1 }, updated_at: null });
    const uuid = chassis.uuid as string;
    expect(json('chassis', 'list')).toEqual([{ UUID: uuid, Description: 'rack 7' }]);
    expect(json('chassis', 'list', '--long')).toEqual([expect.objectContaining({ UUID: uuid, Extra: { a: 1 } })]);
    expect(json('chassis', 'show', uuid)).toEqual(chassis);
    baremetal('chassis', 'set', uuid, '--description', 'rack 8');
    expect(json('chassis', 'show', uuid, '-c', 'description')).toEqual({ description: 'rack 8' });

    baremetal('node', 'set', 'cli-node', '--chassis-uuid', uuid);
    expect(() => baremetal('chassis', 'delete', uuid)).toThrow(/contains nodes.*\(HTTP 400\)/);
    baremetal('node', 'unset', 'cli-node', '--chassis-uuid');
    expect(baremetal('chassis', 'delete', uuid)).toContain(`Deleted chassis ${uuid}`);
    expect(json('chassis', 'list')).toEqual([]);
  });

  it('deletes the node', () => {
    expect(baremetal('node', 'delete', 'cli-node')).toContain('Deleted node cli-node');
    expect(json<unknown[]>('node', 'list')).toEqual([]);
  });
  it('lists the drivers with the conductor that serves them, short and long', () => {
    expect(json<Array<Record<string, unknown>>>('driver', 'list')).toEqual([
      { 'Supported driver(s)': 'fake-hardware', 'Active host(s)': CONDUCTOR },
      { 'Supported driver(s)': 'manual-management', 'Active host(s)': CONDUCTOR },
      { 'Supported driver(s)': 'redfish', 'Active host(s)': CONDUCTOR },
    ]);
    const long = json<Array<Record<string, unknown>>>('driver', 'list', '--long');
    expect(long[0]).toMatchObject({ 'Supported driver(s)': 'fake-hardware', Type: 'dynamic', 'Default Power Interface': 'fake', 'Enabled Power Interfaces': 'fake' });
  });

  it('shows a driver with its default and enabled interfaces', () => {
    const shown = json<Record<string, unknown>>('driver', 'show', 'fake-hardware');
    expect(shown).toMatchObject({
      name: 'fake-hardware',
      type: 'dynamic',
      hosts: CONDUCTOR,
      default_power_interface: 'fake',
      default_network_interface: 'noop',
      default_storage_interface: 'noop',
      enabled_raid_interfaces: 'fake, no-raid',
    });
    // Every interface type the 2023.1 client knows, and nothing else.
    const types = ['bios', 'boot', 'console', 'deploy', 'inspect', 'management', 'network', 'power', 'raid', 'rescue', 'storage', 'vendor'];
    expect(Object.keys(shown).filter((key) => key.startsWith('default_')).sort()).toEqual(types.map((type) => `default_${type}_interface`));
    expect(() => baremetal('driver', 'show', 'no-such-driver')).toThrow(/Could not find the following driver\(s\) or hardware type\(s\): no-such-driver\. \(HTTP 404\)/);
  });

  it("lists a driver's properties, as a conductor serving it answers", () => {
    const properties = json<Array<{ Property: string; Description: string }>>('driver', 'property', 'list', 'fake-hardware');
    expect(properties.map((p) => p.Property)).toEqual(['fake_delay', 'fake_fail']);
    expect(properties[0].Description).toMatch(/\S/);
    const raid = json<Array<{ Property: string }>>('driver', 'raid', 'property', 'list', 'fake-hardware');
    expect(raid.map((p) => p.Property)).toEqual(expect.arrayContaining(['raid_level', 'size_gb']));
    expect(() => baremetal('driver', 'property', 'list', 'no-such-driver')).toThrow(/The driver 'no-such-driver' is unknown\. \(HTTP 404\)/);
  });

  it('lists the conductors, short and long', () => {
    expect(json<unknown[]>('conductor', 'list')).toEqual([{ Hostname: CONDUCTOR, 'Conductor Group': '', Alive: true }]);
    const [long] = json<Array<Record<string, unknown>>>('conductor', 'list', '--long');
    expect(long).toMatchObject({ Hostname: CONDUCTOR, Alive: true, Drivers: ['fake-hardware', 'manual-management', 'redfish'] });
    expect(long['Updated At']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it('shows a conductor', () => {
    expect(json<Record<string, unknown>>('conductor', 'show', CONDUCTOR)).toMatchObject({
      hostname: CONDUCTOR,
      conductor_group: '',
      alive: true,
      drivers: ['fake-hardware', 'manual-management', 'redfish'],
      created_at: expect.stringMatching(/\+00:00$/),
    });
    expect(() => baremetal('conductor', 'show', 'no-such-host')).toThrow(/Conductor no-such-host could not be found\. \(HTTP 404\)/);
  });
});
