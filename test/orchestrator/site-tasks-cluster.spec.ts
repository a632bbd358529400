import { randomUUID } from 'node:crypto';
import { freePort, spawnApp, TestCluster, testServices, waitUntil, type IronicHttp, type SpawnedApp } from '@slipway/testing';
import { expectSitePreparedAndDeployed, fakeSiteYaml, SiteTaskDb } from './site-task.fixture';

// Site tasks in cluster mode: an api and a conductor (TestCluster) and the orchestrator as its own
// process, on the real PostgreSQL and RabbitMQ, with the task queue on BullMQ (real Redis, a key
// prefix of its own) or in-process (SLIPWAY_REDIS_URL unset). The orchestrator drives the
// conductor over RPC; the 20 nodes of the example design run on fake hardware.
const report = (line: string) => process.stdout.write(`[site tasks] ${line}\n`);

describe.each([
  ['BullMQ', true],
  ['the in-process queue', false],
])('site tasks through a cluster, queue on %s (cross-process)', (_queue, bullmq) => {
  let cluster: TestCluster;
  let http: IronicHttp;
  let db: SiteTaskDb;
  let orchestrator: SpawnedApp;
  let design: { designId: string; version: number };
  let env: Record<string, string>;

  const startOrchestrator = async (): Promise<SpawnedApp> => {
    const app = spawnApp('orchestrator', env);
    await app.waitFor(/orchestrator API at/, 60_000);
    return app;
  };

  beforeAll(async () => {
    cluster = await TestCluster.start({ conductors: 1 });
    http = cluster.http;
    env = {
      SLIPWAY_DATABASE_URL: cluster.database.url,
      SLIPWAY_AMQP_URL: testServices.amqpUrl,
      SLIPWAY_ORCHESTRATOR_PORT: String(await freePort()),
      SLIPWAY_ORCHESTRATOR_POLL_INTERVAL: '0.5',
      ...(bullmq ? { SLIPWAY_REDIS_URL: testServices.redisUrl, SLIPWAY_REDIS_PREFIX: `slipway-test-${randomUUID()}` } : {}),
    };
    orchestrator = await startOrchestrator();
    expect(orchestrator.stdout()).toContain(bullmq ? '(bullmq task queue)' : '(in-process task queue)');
    db = await SiteTaskDb.open(cluster.database.url);
    design = await db.storeDesign(fakeSiteYaml());
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await orchestrator?.stop();
    await cluster?.stop();
  }, 60_000);

  const provisionStates = async () => (await http.allNodes('fields=name,provision_state')).map((node) => node.provision_state as string);

  it('prepares then deploys the 20 nodes: all active, each task complete with 20 successes and a subtask per node', async () => {
    await expectSitePreparedAndDeployed(db, http, design);
  }, 320_000);

  it('destroys the nodes: all available again', async () => {
    const destroy = await db.queueTask('destroy_nodes', design);
    expect(await db.waitForTask(destroy, 180_000)).toMatchObject({ status: 'complete', result: { status: 'success' } });
    expect(new Set(await provisionStates())).toEqual(new Set(['available']));
  }, 200_000);

  it('finishes a deploy whose orchestrator was killed (SIGKILL) and restarted, running no finished step again', async () => {
    // Every fake operation now takes half a second: a node's deploy takes a few seconds.
    const nodes = await http.allNodes('fields=uuid,name');
    await Promise.all(nodes.map((node) => http.expect(200, 'PATCH', `/v1/nodes/${node.uuid as string}`, [{ op: 'add', path: '/driver_info/fake_delay', value: 0.5 }])));
    const deploy = await db.queueTask('deploy_nodes', design);
    const finished = async () => (await db.tasks.children(deploy)).filter((subtask) => subtask.status === 'complete').length;
    await waitUntil(async () => (await finished()) >= 3, 'three nodes to be deployed', 120_000, 100);
    orchestrator.process.kill('SIGKILL');
    await orchestrator.exited();
    const doneAtKill = await db.tasks.doneSteps(deploy);
    const finishedAtKill = await finished();
    report(`killed the orchestrator (${bullmq ? 'BullMQ' : 'in-process'} queue) with ${finishedAtKill} of 20 nodes deployed and ${doneAtKill.length} of 140 steps done`);
    expect(finishedAtKill).toBeLessThan(20);

    orchestrator = await startOrchestrator();
    const deployed = await db.waitForTask(deploy, 240_000);
    expect(await db.errorMessages(deploy)).toEqual([]);
    expect(deployed).toMatchObject({ status: 'complete', result: { status: 'success', failures: [] } });
    expect(deployed.result.successes).toHaveLength(20);
    expect(new Set(await provisionStates())).toEqual(new Set(['active']));

    // Steps done before the kill were not done again: each is recorded once, with its first finish time.
    const done = await db.tasks.doneSteps(deploy);
    expect(done).toHaveLength(140);
    const after = new Map(done.map((step) => [`${step.nodeName}/${step.step}`, step.finishedAt.getTime()]));
    for (const step of doneAtKill) expect([`${step.nodeName}/${step.step}`, after.get(`${step.nodeName}/${step.step}`)]).toEqual([`${step.nodeName}/${step.step}`, step.finishedAt.getTime()]);
    // Each node reported each step once (a step run again would report again).
    for (const subtask of await db.tasks.children(deploy)) {
      // A step may report several messages (deploy_node also names the boot actions it handed over); none twice.
      const reports = (await db.tasks.messages(subtask.id)).map((message) => message.message);
      expect(new Set(reports).size).toBe(reports.length);
      expect([...new Set(reports.map((report) => report.split(':')[0]))].sort()).toEqual([
        'apply_node_networking',
        'apply_node_platform',
        'apply_node_storage',
        'bootaction_report',
        'config_port_production',
        'create_boot_media',
        'deploy_node',
      ]);
    }
    // The conductors saw one deploy per node in this task (and one in the first test), never a second one.
    for (const node of nodes) {
      const history = await http.expect<{ history: Array<{ event: string }> }>(200, 'GET', `/v1/nodes/${node.uuid as string}/history`);
      expect([node.name, history.history.filter((entry) => entry.event === 'Event "deploy": available -> deploying').length]).toEqual([node.name, 2]);
    }
  }, 400_000);
});
