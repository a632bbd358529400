import { BaremetalCli, baremetalCli, RunningStandalone, startStandalone } from '@slipway/testing';

// Conformance with the real client for allocations and deploy templates: python-ironicclient's
// `baremetal` CLI (Debian's package) drives a running Slipway; the test reads what it prints.
// Each CLI run starts a Python interpreter, seconds apiece on a busy machine.

const CLI_TEST_TIMEOUT_MS = 180_000;

describe('baremetal CLI: allocations and deploy templates against Slipway (cross-process)', () => {
  let slipway: RunningStandalone;
  let cli: BaremetalCli;

  beforeAll(async () => {
    slipway = await startStandalone({});
    cli = baremetalCli(slipway.url, slipway.dataDir);
  }, 300_000);
  afterAll(() => slipway?.stop());

  const baremetal = (...args: string[]): string => cli.run(...args);
  const json = <T>(...args: string[]): T => cli.json<T>(...args);
  const failureOf = (...args: string[]): string => cli.failureOf(...args);

  it('creates an allocation by resource class, which fails in the background when no node fits', async () => {
    const created = json<Record<string, unknown>>('allocation', 'create', '--resource-class', 'cli-none', '--name', 'cli-none', '--extra', 'team=a');
    expect(created).toMatchObject({ name: 'cli-none', resource_class: 'cli-none', extra: { team: 'a' }, node_uuid: null, traits: [], candidate_nodes: [] });
    expect(['allocating', 'error']).toContain(created.state);
    let shown = created;
    for (let attempt = 0; attempt < 50 && shown.state === 'allocating'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = json<Record<string, unknown>>('allocation', 'show', 'cli-none');
    }
    expect(shown).toMatchObject({ uuid: created.uuid, state: 'error', last_error: `Failed to process allocation ${String(created.uuid)}: no available nodes match the resource class cli-none.` });
    // With --wait the CLI reports the failure itself.
    expect(failureOf('allocation', 'create', '--resource-class', 'cli-none', '--wait', '30')).toMatch(/no available nodes match the resource class cli-none/);
  }, CLI_TEST_TIMEOUT_MS);

  it('allocates an available node with a trait, shows it on the node, lists, renames and deletes it', () => {
    const node = json<Record<string, unknown>>('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-alloc-node', '--resource-class', 'cli-gold');
    baremetal('node', 'manage', 'cli-alloc-node', '--wait', '60');
    baremetal('node', 'provide', 'cli-alloc-node', '--wait', '60');
    baremetal('node', 'add', 'trait', 'cli-alloc-node', 'CUSTOM_CLI');

    const allocation = json<Record<string, unknown>>('allocation', 'create', '--resource-class', 'cli-gold', '--trait', 'CUSTOM_CLI', '--name', 'cli-gold', '--wait', '60');
    expect(allocation).toMatchObject({ name: 'cli-gold', state: 'active', node_uuid: node.uuid, traits: ['CUSTOM_CLI'] });
    expect(json<Record<string, unknown>>('node', 'show', 'cli-alloc-node', '-c', 'allocation_uuid', '-c', 'instance_uuid')).toEqual({ allocation_uuid: allocation.uuid, instance_uuid: allocation.uuid });

    const listed = json<Array<Record<string, unknown>>>('allocation', 'list', '--node', 'cli-alloc-node');
    expect(listed).toEqual([expect.objectContaining({ UUID: allocation.uuid, 'Node UUID': node.uuid, State: 'active', 'Resource Class': 'cli-gold' })]);

    baremetal('allocation', 'set', 'cli-gold', '--name', 'cli-gold-renamed', '--extra', 'k=v');
    expect(json<Record<string, unknown>>('allocation', 'show', 'cli-gold-renamed', '-c', 'name', '-c', 'extra')).toEqual({ name: 'cli-gold-renamed', extra: { k: 'v' } });

    expect(baremetal('allocation', 'delete', 'cli-gold-renamed')).toMatch(/Deleted allocation cli-gold-renamed/);
    expect(json<Record<string, unknown>>('node', 'show', 'cli-alloc-node', '-c', 'allocation_uuid', '-c', 'instance_uuid')).toEqual({ allocation_uuid: null, instance_uuid: null });
    expect(failureOf('allocation', 'show', 'cli-gold-renamed')).toMatch(/Allocation cli-gold-renamed could not be found/);
  }, CLI_TEST_TIMEOUT_MS);

  it('creates, shows, changes and deletes a deploy template', () => {
    const steps = JSON.stringify([{ interface: 'bios', step: 'apply_configuration', args: { settings: [{ name: 'LogicalProc', value: 'Enabled' }] }, priority: 150 }]);
    const created = json<Record<string, unknown>>('deploy', 'template', 'create', 'CUSTOM_CLI_BIOS', '--steps', steps, '--extra', 'owner=ops');
    expect(created).toMatchObject({ name: 'CUSTOM_CLI_BIOS', extra: { owner: 'ops' }, steps: JSON.parse(steps) as unknown[] });

    expect(json<Array<Record<string, unknown>>>('deploy', 'template', 'list')).toEqual([{ UUID: created.uuid, Name: 'CUSTOM_CLI_BIOS' }]);
    expect(failureOf('deploy', 'template', 'create', 'CUSTOM_CLI_BIOS', '--steps', steps)).toMatch(/A deploy template with name CUSTOM_CLI_BIOS already exists/);
    expect(failureOf('deploy', 'template', 'create', 'not-a-trait', '--steps', steps)).toMatch(/'not-a-trait' does not match/);

    baremetal('deploy', 'template', 'set', 'CUSTOM_CLI_BIOS', '--name', 'CUSTOM_CLI_RAID', '--steps', JSON.stringify([{ interface: 'raid', step: 'delete_configuration', args: {}, priority: 0 }]));
    const shown = json<Record<string, unknown>>('deploy', 'template', 'show', 'CUSTOM_CLI_RAID');
    expect(shown).toMatchObject({ uuid: created.uuid, steps: [{ interface: 'raid', step: 'delete_configuration', args: {}, priority: 0 }] });

    expect(baremetal('deploy', 'template', 'delete', 'CUSTOM_CLI_RAID')).toMatch(/Deleted deploy template CUSTOM_CLI_RAID/);
    expect(json<unknown[]>('deploy', 'template', 'list')).toEqual([]);
  }, CLI_TEST_TIMEOUT_MS);
});
