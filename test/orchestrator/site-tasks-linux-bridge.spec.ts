// The network steps against a real switch backend: a standalone Slipway whose orchestrator drives
// a Linux bridge (SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER=linux-bridge) in a network namespace this
// test makes, the ToR switch tor-1 of the example design's rack01, with node01's three ports
// (swp1 for pxe, swp21 and swp41 for bond0) as veth members of the bridge.
//
// The kernel decides what the switch can do. Without bridge VLAN filtering (this machine's kernel
// lacks CONFIG_BRIDGE_VLAN_FILTERING) every read works and every VLAN change is refused with the
// kernel's precise reason, which is what the tasks must report; with it, the ports take the VLANs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { NodeFilterSet } from '@slipway/site';
import { KERNEL_LACKS_VLAN_FILTERING } from '@slipway/switch';
import { fakeSiteYaml, startStandaloneSite, type SiteTaskDb, type StandaloneSite } from './site-task.fixture';

const NS = `slipway-tor-${process.pid}-${randomBytes(3).toString('hex')}`;
const PORTS = ['swp1', 'swp21', 'swp41'];
const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const node01: NodeFilterSet = { filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: ['node01'] }] };

/** Whether this kernel can filter VLANs on a bridge (tried on a throw-away bridge in the namespace). */
function kernelFiltersVlans(): boolean {
  try {
    ip('-n', NS, 'link', 'add', 'probe0', 'type', 'bridge', 'vlan_filtering', '1');
    ip('-n', NS, 'link', 'del', 'probe0');
    return true;
  } catch {
    return false;
  }
}

describe('site tasks on a Linux bridge ToR switch (cross-process)', () => {
  let site: StandaloneSite;
  let db: SiteTaskDb;
  let design: { designId: string; version: number };
  let filtersVlans = false;
  let created = false;

  beforeAll(async () => {
    ip('netns', 'add', NS);
    created = true;
    ip('-n', NS, 'link', 'add', 'br0', 'type', 'bridge');
    for (const port of PORTS) {
      ip('-n', NS, 'link', 'add', port, 'type', 'veth', 'peer', 'name', `${port}-nic`);
      ip('-n', NS, 'link', 'set', port, 'master', 'br0');
      ip('-n', NS, 'link', 'set', port, 'up');
      ip('-n', NS, 'link', 'set', `${port}-nic`, 'up');
    }
    ip('-n', NS, 'link', 'set', 'br0', 'up');
    filtersVlans = kernelFiltersVlans();
    site = await startStandaloneSite({ SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER: 'linux-bridge', SLIPWAY_ORCHESTRATOR_SWITCHES: `tor-1=${NS}:br0` });
    db = site.db;
    design = await db.storeDesign(fakeSiteYaml());
  }, 90_000);

  afterAll(async () => {
    await site?.stop();
    if (created) ip('netns', 'del', NS);
  });

  it('verify_site checks the bridge: it answers, and filters VLANs or the kernel says why not', async () => {
    const verified = await db.waitForTask(await db.queueTask('verify_site', design), 30_000);
    const notes = (await db.tasks.messages(verified.id)).map((message) => message.message);
    if (filtersVlans) {
      expect(notes).toContain('validate_network_services: the switches answer.');
    } else {
      expect(verified.result.status).toBe('failure');
      expect(notes).toContainEqual(expect.stringContaining(`validate_network_services: Runtime failure in driver linux-bridge: ${KERNEL_LACKS_VLAN_FILTERING}`));
    }
  }, 60_000);

  it('verify_nodes reads the real ports of node01: link up, and what they carry', async () => {
    const verified = await db.waitForTask(await db.queueTask('verify_nodes', design, node01), 60_000);
    expect(verified.result).toMatchObject({ status: 'success', successes: ['node01'] });
    const reports = (await db.messages(verified.id)).filter((message) => message.includes('interrogate_port: '));
    expect(reports.map((report) => report.replace(/: link up, .*$/, ''))).toEqual([
      'node01: interrogate_port: tor-1/swp21 (bond0)',
      'node01: interrogate_port: tor-1/swp41 (bond0)',
      'node01: interrogate_port: tor-1/swp1 (pxe)',
    ]);
    if (!filtersVlans) expect(reports[2]).toBe('node01: interrogate_port: tor-1/swp1 (pxe): link up, no VLAN, VLANs not enforced by the switch; neither as provisioning nor as production asks.');
  }, 90_000);

  it('verify_nodes fails a node whose port has lost its link', async () => {
    ip('-n', NS, 'link', 'set', 'swp41-nic', 'down');
    try {
      const verified = await db.waitForTask(await db.queueTask('verify_nodes', design, node01), 60_000);
      expect(verified.result).toMatchObject({ status: 'failure', failures: ['node01'] });
      expect(await db.errorMessages(verified.id)).toEqual([expect.stringMatching(/^node01: interrogate_port: tor-1\/swp41 has no link\. /)]);
    } finally {
      ip('-n', NS, 'link', 'set', 'swp41-nic', 'up');
    }
  }, 90_000);

  it('prepare_nodes puts the pxe port on VLAN 20, or fails the node with the kernel’s reason', async () => {
    const prepared = await db.waitForTask(await db.queueTask('prepare_nodes', design, node01), 120_000);
    if (filtersVlans) {
      expect(prepared.result).toMatchObject({ status: 'success', successes: ['node01'] });
      const vlans = JSON.parse(ip('netns', 'exec', NS, 'bridge', '-j', 'vlan', 'show', 'dev', 'swp1') || '[]') as Array<{ vlans?: Array<{ vlan: number }> }>;
      expect(vlans[0]?.vlans?.map((entry) => entry.vlan)).toEqual([20]);
    } else {
      expect(prepared.result).toMatchObject({ status: 'failure', failures: ['node01'] });
      const errors = await db.errorMessages(prepared.id);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`node01: config_port_provisioning: Runtime failure in driver linux-bridge: ${KERNEL_LACKS_VLAN_FILTERING}`))).toBe(true);
      // Nothing ran after the refused step: the node is enrolled, its root device recorded, and no further.
      expect(await db.doneSteps(prepared.id)).toEqual(['node01/identify_node', 'node01/create_storage_template']);
    }
  }, 150_000);
});
