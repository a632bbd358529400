import { STATUS_AFTER_TERMINATE, type NodeFilterSet } from '@slipway/site';
import { waitUntil, type IronicHttp } from '@slipway/testing';
import { expectSitePreparedAndDeployed, fakeSiteYaml, startStandaloneSite, type SiteTaskDb, type StandaloneSite } from './site-task.fixture';

// The whole way in one standalone process (api, conductor and orchestrator; in-process RPC and
// in-process task queue, SLIPWAY_REDIS_URL unset) on the real PostgreSQL: prepare_nodes then
// deploy_nodes of the 20 nodes of the example design on fake hardware and fake ToR switches (one
// per rack, SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER=fake), then the other actions, retries of failed
// nodes, and termination, on those nodes. The tests build on each other.
const only = (...names: string[]): NodeFilterSet => ({ filter_set_type: 'union', filter_set: [{ filter_type: 'union', node_names: names }] });

describe('site tasks in standalone mode, in-process queue (cross-process)', () => {
  let site: StandaloneSite;
  let http: IronicHttp;
  let db: SiteTaskDb;
  let design: { designId: string; version: number };

  beforeAll(async () => {
    site = await startStandaloneSite({ SLIPWAY_ORCHESTRATOR_SWITCH_DRIVER: 'fake', SLIPWAY_ORCHESTRATOR_SWITCHES: 'tor-1,tor-2' });
    ({ http, db } = site);
  }, 90_000);

  afterAll(async () => {
    await site?.stop();
  });

  it('prepares and deploys the 20 nodes of the example site: every node active, a subtask per node', async () => {
    design = await db.storeDesign(fakeSiteYaml());
    await expectSitePreparedAndDeployed(db, http, design);
  }, 320_000);

  const node = (name: string) => http.expect<Record<string, unknown>>(200, 'GET', `/v1/nodes/${name}`);
  const deployEvents = async (name: string) =>
    (await http.expect<{ history: Array<{ event: string }> }>(200, 'GET', `/v1/nodes/${name}/history`)).history.map((entry) => entry.event).filter((event) => event.startsWith('Event "deploy"'));

  it('verifies the site and the nodes: a conductor serves fake-hardware, every node answers and rests', async () => {
    const verified = await db.waitForTask(await db.queueTask('verify_site', design), 30_000);
    expect(verified.result.status).toBe('success');
    expect((await db.tasks.messages(verified.id)).map((message) => message.message)).toContainEqual(expect.stringMatching(/^Conductor \S+ serves fake-hardware\.$/));
    const nodes = await db.waitForTask(await db.queueTask('verify_nodes', design), 60_000);
    expect(nodes.result).toMatchObject({ status: 'success', failures: [] });
    expect(nodes.result.successes).toHaveLength(20);
    // interrogate_port: the deployed nodes' switch ports carry their production VLANs.
    const reports = await db.messages(nodes.id);
    expect(reports).toEqual(
      expect.arrayContaining([
        'node01: interrogate_port: tor-1/swp21 (bond0): link up, trunk of VLANs 100, 200, native 100; as production asks.',
        'node01: interrogate_port: tor-1/swp1 (pxe): link up, access on VLAN 20; as production asks.',
        'node20: interrogate_port: tor-2/swp50 (bond0): link up, trunk of VLANs 100, 200, native 100; as production asks.',
      ]),
    );
    expect(reports.filter((report) => report.includes('interrogate_port: ') && report.endsWith('; as production asks.'))).toHaveLength(60);
    expect(verified.result.status).toBe('success');
    expect((await db.tasks.messages(verified.id)).map((message) => message.message)).toContain('validate_network_services: the switches answer.');
    const prepared = await db.waitForTask(await db.queueTask('prepare_site', design), 30_000);
    expect(prepared.result.status).toBe('success');
    expect((await db.tasks.messages(prepared.id)).map((message) => message.message).slice(0, 2)).toEqual([
      'create_network_template: 60 switch ports of 20 nodes on tor-1, tor-2; VLANs 20, 100, 200.',
      'create_network_template: the switches answer.',
    ]);
    // create_storage_template recorded the design's boot disk for Ironic.
    expect((await node('node01')).properties).toMatchObject({ root_device: { name: '/dev/sda' } });
  }, 90_000);

  it('reports a design that fails validation: validate_design fails with the findings, a node action with "Site design failed load"', async () => {
    // node07 gets the mgmt address of node06 (DD2005).
    const invalid = await db.storeDesign(fakeSiteYaml((yaml) => yaml.replace('address: 10.30.0.17', 'address: 10.30.0.16')), 'invalid-site');
    const validated = await db.waitForTask(await db.queueTask('validate_design', invalid), 30_000);
    expect(validated.result).toMatchObject({ status: 'failure', message: 'Site design failed validation.' });
    expect(await db.errorMessages(validated.id)).toEqual([expect.stringMatching(/^DD2005: DD2005 Duplicated IP Check: /)]);
    const deploy = await db.waitForTask(await db.queueTask('deploy_nodes', invalid), 30_000);
    expect(deploy).toMatchObject({ status: 'complete', result: { status: 'failure', message: 'Site design failed load' } });
    expect((await db.errorMessages(deploy.id))[0]).toBe('NA: Site design failed load.');
    expect(await db.tasks.children(deploy.id)).toEqual([]);
  }, 60_000);

  it("relabels the selected nodes from a new design version's owner_data", async () => {
    const relabelled = await db.storeDesign(fakeSiteYaml((yaml) => yaml.replace('    owner_data:\n      role: compute', '    owner_data:\n      role: storage')));
    expect(relabelled.version).toBe(2);
    const task = await db.waitForTask(await db.queueTask('relabel_nodes', relabelled, only('node01', 'node02')), 30_000);
    expect(task.result).toMatchObject({ status: 'success', successes: ['node01', 'node02'] });
    expect((await node('node01')).extra).toMatchObject({ site: { design: `design://${relabelled.designId}/2`, owner_data: { role: 'storage' }, platform: { image: 'jammy' } } });
    expect((await node('node03')).extra).toMatchObject({ site: { owner_data: { role: 'compute' } } });
  }, 60_000);

  it('retries the nodes that failed, up to the retries of the action, and ends with a partial success', async () => {
    const destroyed = await db.waitForTask(await db.queueTask('destroy_nodes', design, only('node03', 'node04')), 60_000);
    expect(destroyed.result).toMatchObject({ status: 'success', successes: ['node03', 'node04'] });
    // The torn-down nodes' provisioning ports are back on the provisioning VLAN.
    expect(await db.messages(destroyed.id)).toEqual(expect.arrayContaining(['node03: config_port_provisioning: tor-1/swp3: access on VLAN 20 (pxe).']));
    await http.expect(200, 'PATCH', '/v1/nodes/node03', [{ op: 'add', path: '/driver_info/fake_fail', value: 'deploy.write_image' }]);
    const deploy = await db.waitForTask(await db.queueTask('deploy_nodes', design, only('node03', 'node04')), 120_000);
    // Drydock's retry_task for deploy_node: the failed node three more times, the others not again.
    expect(deploy).toMatchObject({ status: 'complete', retry: 3, result: { status: 'partial_success', successes: ['node04'], failures: ['node03'] } });
    const subtasks = new Map((await db.tasks.children(deploy.id)).map((subtask) => [(subtask.nodeFilter as unknown as NodeFilterSet).filter_set[0].node_names?.[0], subtask]));
    expect(subtasks.get('node03')).toMatchObject({ retry: 3, status: 'complete', result: { status: 'failure', failures: ['node03'] } });
    expect(subtasks.get('node04')).toMatchObject({ retry: 0, status: 'complete', result: { status: 'success' } });
    expect(await deployEvents('node03')).toEqual([
      'Event "deploy": available -> deploying',
      'Event "deploy": available -> deploying',
      'Event "deploy": deploy failed -> deploying',
      'Event "deploy": deploy failed -> deploying',
      'Event "deploy": deploy failed -> deploying',
    ]);
    expect(await deployEvents('node04')).toHaveLength(2);
    const errors = await db.errorMessages(deploy.id);
    expect(errors).toHaveLength(4);
    expect(errors.every((error) => error.startsWith('node03: deploy_node: ') && error.includes('write_image'))).toBe(true);
    // The steps done on node03 before its deploy failed stay done: each retry ran deploy_node only.
    expect((await db.doneSteps(deploy.id)).filter((step) => step.startsWith('node03/'))).toEqual([
      'node03/apply_node_networking',
      'node03/apply_node_storage',
      'node03/apply_node_platform',
      'node03/create_boot_media',
    ]);
    await http.expect(200, 'PATCH', '/v1/nodes/node03', [{ op: 'remove', path: '/driver_info/fake_fail' }]);
  }, 180_000);

  it('waits for the nodes’ boot action reports: a node that reports success succeeds, one that reports failure fails', async () => {
    // The example's boot action with signaling on: deploy_nodes waits for each node to report.
    const signaling = await db.storeDesign(fakeSiteYaml((yaml) => yaml.replace(/\n {2}signaling: false\n/, '\n  signaling: true\n')), 'signaling-site');
    const names = ['node15', 'node16'];
    const destroyed = await db.waitForTask(await db.queueTask('destroy_nodes', signaling, only(...names)), 60_000);
    expect(destroyed.result.status).toBe('success');
    const taskId = await db.queueTask('deploy_nodes', signaling, only(...names));
    // Each node, once deployed, finds in its config drive where its boot actions are, and its key.
    const drives = new Map<string, { key: string; units_url: string; actions: Array<{ action_id: string; report_url: string }> }>();
    await waitUntil(
      async () => {
        for (const name of names) {
          const drive = ((await db.nodes.findByName(name))?.instanceInfo.configdrive as { vendor_data?: { slipway_bootactions?: never } } | undefined)?.vendor_data?.slipway_bootactions;
          if (drive !== undefined && (await db.nodes.findByName(name))?.provisionState === 'active') drives.set(name, drive);
        }
        return drives.size === names.length;
      },
      'both nodes to be deployed with their boot actions',
      60_000,
      100,
    );
    const [ok, broken] = names.map((name) => drives.get(name) as NonNullable<ReturnType<typeof drives.get>>);
    expect(ok.units_url).toBe(`${site.url}/api/v1.0/bootactions/nodes/node15/units`);
    const units = await fetch(ok.units_url, { headers: { 'X-Bootaction-Key': ok.key } });
    expect([units.status, units.headers.get('content-type')]).toEqual([200, 'application/gzip']);
    expect((await fetch(ok.units_url)).status).toBe(401);
    // The deploy waits while the actions are incomplete.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await db.tasks.byId(taskId))?.status).toBe('running');
    const report = (drive: typeof ok, body: unknown) =>
      fetch(drive.actions[0].report_url, { method: 'POST', headers: { 'X-Bootaction-Key': drive.key, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await report(ok, { status: 'success', details: [{ message: 'node-init ran', error: false }] })).status).toBe(200);
    expect((await report(broken, { status: 'failure', details: [{ message: 'chrony would not start', error: true }] })).status).toBe(200);
    expect((await report(ok, { status: 'failure' })).status).toBe(409);
    const deployed = await db.waitForTask(taskId, 60_000);
    expect(deployed.result).toMatchObject({ status: 'partial_success', successes: ['node15'], failures: ['node16'] });
    const messages = await db.messages(taskId);
    // A report's details are messages of the node's subtask, in the context of the boot action.
    expect(messages).toEqual(
      expect.arrayContaining([
        `${ok.actions[0].action_id}: node-init: node-init ran`,
        `${broken.actions[0].action_id}: node-init: chrony would not start`,
        'node15: bootaction_report: Boot actions: node-init success.',
      ]),
    );
    expect(messages.filter((message) => message.startsWith('node16: bootaction_report: Boot action node-init') && message.endsWith('reported failure.')).length).toBeGreaterThan(0);
  }, 180_000);

  it('terminates a running task: the steps in progress finish, no other starts, and the task ends terminated', async () => {
    // Six nodes of rack01, each fake operation a second long: four destroys run at once (the rack's limit), two wait.
    const names = ['node05', 'node06', 'node07', 'node08', 'node09', 'node10'];
    for (const name of names) await http.expect(200, 'PATCH', `/v1/nodes/${name}`, [{ op: 'add', path: '/driver_info/fake_delay', value: 1 }]);
    const taskId = await db.queueTask('destroy_nodes', design, only(...names));
    await waitUntil(async () => (await Promise.all(names.map(async (name) => (await node(name)).provision_state))).includes('deleting'), 'a destroy to start', 60_000, 50);
    // What the API does for DELETE /tasks/{id}: the tree marked; the engine stops it.
    await db.tasks.terminateTree(taskId, { at: new Date(), by: 'test', statusAfter: STATUS_AFTER_TERMINATE });
    const terminated = await db.waitForTask(taskId, 60_000);
    expect(terminated).toMatchObject({ status: 'terminated', terminate: true, terminatedBy: 'test' });
    // Every subtask ends terminated, without a result: the four destroys under way finished, and
    // their node stopped before its next step (config_port_provisioning); the two others never started.
    const subtasks = await db.tasks.children(taskId);
    expect(subtasks.map((subtask) => [subtask.status, subtask.result.status])).toEqual(Array(6).fill(['terminated', 'incomplete']));
    expect(terminated.result).toMatchObject({ successes: [], failures: [] });
    const states = await Promise.all(names.map(async (name) => [name, (await node(name)).provision_state] as const));
    const destroyed = states.filter(([, state]) => state === 'available').map(([name]) => name);
    expect(states.filter(([, state]) => state === 'active')).toHaveLength(2);
    expect(destroyed).toHaveLength(4);
    const stoppedBefore = (await db.messages(taskId)).filter((message) => message.endsWith(': Terminated before config_port_provisioning.'));
    expect(stoppedBefore.map((message) => message.split(':')[0]).sort()).toEqual(destroyed.sort());
  }, 120_000);
});
