import { BaremetalCli, baremetalCli, RunningStandalone, startStandalone } from '@slipway/testing';

// The real `baremetal` CLI moves a fake-hardware node through Ironic's states, waiting the way
// operators do (`--wait`), and shows each resting state.

describe('baremetal CLI: provisioning (cross-process)', () => {
  let slipway: RunningStandalone;
  let cli: BaremetalCli;

  beforeAll(async () => {
    slipway = await startStandalone({});
    cli = baremetalCli(slipway.url, slipway.dataDir);
  }, 300_000);
  afterAll(() => slipway?.stop());

  const baremetal = (...args: string[]): string => cli.run(...args);
  const state = (node: string) => baremetal('node', 'show', node, '-f', 'value', '-c', 'provision_state').trim();

  it('manages, provides, deploys, undeploys and inspects a node, waiting for each state', () => {
    baremetal('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-prov');
    expect(state('cli-prov')).toBe('enroll');
    baremetal('node', 'manage', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('manageable');
    baremetal('node', 'inspect', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('manageable');
    baremetal('node', 'provide', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('available');
    baremetal('node', 'deploy', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('active');
    expect(baremetal('node', 'show', 'cli-prov', '-f', 'value', '-c', 'power_state').trim()).toBe('power on');
    baremetal('node', 'undeploy', 'cli-prov', '--wait', '30');
    expect(state('cli-prov')).toBe('available');
  });

  it('reports a refused action with the server message', () => {
    baremetal('node', 'create', '--driver', 'fake-hardware', '--name', 'cli-refused');
    expect(() => baremetal('node', 'provide', 'cli-refused')).toThrow(/can not be performed on node .* while it is in state "enroll".*\(HTTP 400\)/s);
  });
});
