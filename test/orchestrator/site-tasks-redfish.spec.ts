import type { NodeFilterSet } from '@slipway/site';
import { sharedData } from '@slipway/test-data';
import type { IronicHttp } from '@slipway/testing';
import { createVbmc, type Vbmc } from '../../apps/vbmc/src';
import { fakeSiteYaml, startStandaloneSite, withNodeData, type SiteTaskDb, type StandaloneSite } from './site-task.fixture';

// Site tasks on redfish nodes against the virtual BMC: three nodes of the example design get
// `oob.type: redfish` with the vbmc's address and a system each, and an ISO as their image. A
// standalone process (in-process RPC and queue) on the real PostgreSQL prepares them (enrol,
// PXE, power cycle, manage, inspect out of band), deploys them over virtual media (the ramdisk
// deploy boots instance_info.boot_iso) and destroys them.
describe('site tasks on redfish nodes through the virtual BMC (cross-process)', () => {
  const DEPLOY_ISO = 'http://images.example/ironic-python-agent.iso';
  const INSTANCE_ISO = 'http://images.example/live-instance.iso';
  const NODES = ['node01', 'node02', 'node11'];
  const only: NodeFilterSet = { filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: NODES }] };
  let vbmc: Vbmc;
  let site: StandaloneSite;
  let http: IronicHttp;
  let db: SiteTaskDb;
  let design: { designId: string; version: number };

  beforeAll(async () => {
    vbmc = createVbmc({ mockup: 'dmtf-public-rackmount1', mockupsDir: sharedData('redfish-mockups'), systems: NODES.length, credentials: { username: 'admin', password: 'secret' }, powerDelayMs: 100, taskDurationMs: 100 });
    const bmcUrl = await vbmc.listen();
    site = await startStandaloneSite({ SLIPWAY_REDFISH_STATUS_CHECK_INTERVAL: '1', SLIPWAY_CHECK_PROVISION_STATE_INTERVAL: '1' });
    ({ http, db } = site);
    const yaml = NODES.reduce(
      (site, name, index) =>
        withNodeData(
          site,
          name,
          [
            'oob:',
            '  type: redfish',
            `  address: ${bmcUrl}`,
            `  system_id: /redfish/v1/Systems/${vbmc.state.systemIds[index]}`,
            '  account: admin',
            '  credential: secret',
            `  deploy_iso: ${DEPLOY_ISO}`,
            'platform:',
            `  image: ${INSTANCE_ISO}`,
          ].join('\n'),
        ),
      fakeSiteYaml(),
    );
    design = await db.storeDesign(yaml);
  }, 90_000);

  afterAll(async () => {
    await site?.stop();
    await vbmc?.close();
  });

  const node = (name: string) => http.expect<Record<string, unknown>>(200, 'GET', `/v1/nodes/${name}`);

  it('prepares the nodes: enrolled on redfish with the BMC of the design, managed, inspected (a port per NIC)', async () => {
    const prepare = await db.waitForTask(await db.queueTask('prepare_nodes', design, only), 120_000);
    expect(await db.errorMessages(prepare.id)).toEqual([]);
    expect(prepare.result).toMatchObject({ status: 'success', failures: [] });
    expect(prepare.result.successes.sort()).toEqual(NODES);
    for (const [index, name] of NODES.entries()) {
      const enrolled = await node(name);
      expect(enrolled).toMatchObject({
        driver: 'redfish',
        provision_state: 'manageable',
        last_error: null,
        driver_info: { redfish_system_id: `/redfish/v1/Systems/${vbmc.state.systemIds[index]}`, redfish_username: 'admin', deploy_iso: DEPLOY_ISO },
      });
      // Out-of-band inspection found the system's NICs.
      const ports = await http.expect<{ ports: unknown[] }>(200, 'GET', `/v1/ports?node=${name}`);
      expect(ports.ports.length).toBeGreaterThan(0);
    }
    // The nodes nobody asked for were not touched.
    expect((await http.allNodes('fields=name')).map((entry) => entry.name).sort()).toEqual(NODES);
  }, 150_000);

  it('deploys them over virtual media from the ISO the design names, and destroys them again', async () => {
    const deploy = await db.waitForTask(await db.queueTask('deploy_nodes', design, only), 180_000);
    expect(await db.errorMessages(deploy.id)).toEqual([]);
    expect(deploy.result).toMatchObject({ status: 'success', failures: [] });
    for (const [index, name] of NODES.entries()) {
      expect(await node(name)).toMatchObject({ provision_state: 'active', power_state: 'power on', instance_info: { boot_iso: INSTANCE_ISO, image_source: INSTANCE_ISO } });
      const system = vbmc.state.system(vbmc.state.systemIds[index]);
      expect(system.powerState).toBe('On');
      expect(system.lastBoot).toMatchObject({ target: 'Cd', media: INSTANCE_ISO });
    }
    const destroy = await db.waitForTask(await db.queueTask('destroy_nodes', design, only), 180_000);
    expect(destroy.result).toMatchObject({ status: 'success', failures: [] });
    for (const [index, name] of NODES.entries()) {
      expect((await node(name)).provision_state).toBe('available');
      expect(vbmc.state.system(vbmc.state.systemIds[index]).powerState).toBe('Off');
    }
  }, 400_000);
});
