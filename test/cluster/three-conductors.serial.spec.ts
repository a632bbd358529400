import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IronicHttp, TestCluster, waitUntil } from '@slipway/testing';

// The cluster as admins run it: an api and three conductors as separate processes on the real
// PostgreSQL and RabbitMQ, 300 fake nodes, default heartbeat settings (2 s, dead after 10 s).
// Serial group (runs alone after the other suites, `npm test`): it stops and starts RabbitMQ.
const NODES = 300;
const report = (line: string) => process.stdout.write(`[three conductors] ${line}\n`);
const run = promisify(execFile);

describe('three conductors (cross-process)', () => {
  let cluster: TestCluster;
  let http: IronicHttp;
  let nodes: string[];
  let initialOwners: Map<string, string>;

  beforeAll(async () => {
    cluster = await TestCluster.start({ conductors: 3 });
    http = cluster.http;
    nodes = await cluster.createNodes(NODES);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  const ownedBy = (owners: Map<string, string>, host: string) => [...owners].filter(([, owner]) => owner === host).map(([uuid]) => uuid);
  const node = (uuid: string) => http.expect(200, 'GET', `/v1/nodes/${uuid}`);
  const setPower = (uuid: string, target: string) => http.request('PUT', `/v1/nodes/${uuid}/states/power`, { target });
  async function powerAndSee(uuids: readonly string[], target: string): Promise<void> {
    for (const uuid of uuids) expect((await setPower(uuid, target)).status).toBe(202);
    await waitUntil(async () => (await Promise.all(uuids.map(node))).every((body) => body.power_state === target), `${uuids.length} nodes in ${target}`);
  }
  const reserved = async () => (await http.allNodes('fields=uuid,reservation')).filter((body) => body.reservation !== null);

  it('gives each conductor about a third of the nodes', async () => {
    initialOwners = await cluster.owners();
    expect([...initialOwners.keys()].sort()).toEqual([...nodes].sort());
    const counts = cluster.hosts.map((host) => ownedBy(initialOwners, host).length);
    report(`ownership of ${NODES} nodes: ${counts.join(' / ')} (ideal ${NODES / 3} each)`);
    for (const count of counts) {
      // 1,024 ring points per conductor: the spread is that of 300 random draws (sd ≈ 8), not more.
      expect(count).toBeGreaterThanOrEqual(70);
      expect(count).toBeLessThanOrEqual(130);
    }
    expect(counts.reduce((a, b) => a + b)).toBe(NODES);
    // Every conductor serves the power actions of its own nodes.
    await powerAndSee(cluster.hosts.map((host) => ownedBy(initialOwners, host)[0]), 'power off');
  });

  it('hands a killed conductor\'s nodes to the survivors within 15 s, where power actions succeed', async () => {
    const [dead, ...alive] = cluster.hosts;
    const moved = ownedBy(initialOwners, dead);
    // Two nodes with a power action in flight when the conductor dies: their locks die with it.
    const inFlight = moved.slice(0, 2);
    for (const uuid of inFlight) await http.expect(200, 'PATCH', `/v1/nodes/${uuid}`, [{ op: 'add', path: '/driver_info/fake_delay', value: 60 }]);
    for (const uuid of inFlight) expect((await setPower(uuid, 'power on')).status).toBe(202);
    expect((await reserved()).map((body) => body.uuid).sort()).toEqual([...inFlight].sort());

    const killedAt = Date.now();
    await cluster.kill(dead);
    // Until the cluster notices, calls still go to the dead conductor: they fail fast, saying why.
    const early = await setPower(moved[2], 'power on');
    expect(early.status).toBe(503);
    expect(IronicHttp.faultOf(early.body)).toContain(dead);

    const probe = moved[2];
    await waitUntil(async () => (await setPower(probe, 'power on')).status === 202, 'a power action on a moved node to be accepted', 15_000 - (Date.now() - killedAt), 100);
    report(`kill -9 to the first accepted power action on a moved node: ${Date.now() - killedAt} ms`);

    const owners = await cluster.owners();
    for (const uuid of moved) expect(alive).toContain(owners.get(uuid));
    // Consistent hashing: nothing else moved.
    for (const [uuid, owner] of initialOwners) if (owner !== dead) expect(owners.get(uuid)).toBe(owner);

    // The new owners freed the dead conductor's locks and aborted its power actions.
    await waitUntil(async () => (await reserved()).length === 0, 'the dead conductor\'s locks to be released');
    for (const uuid of inFlight) expect(await node(uuid)).toMatchObject({ reservation: null, target_power_state: null });
    const history = await http.expect<{ history: { event: string }[] }>(200, 'GET', `/v1/nodes/${inFlight[0]}/history`);
    expect(history.history.map((entry) => entry.event).join('\n')).toContain(`aborted due to conductor take over (conductor ${dead} is not alive)`);

    for (const uuid of inFlight) await http.expect(200, 'PATCH', `/v1/nodes/${uuid}`, [{ op: 'remove', path: '/driver_info/fake_delay' }]);
    await powerAndSee(moved, 'power on');
  }, 60_000);

  it('rebalances to the first owners when the conductor comes back, with no node left locked', async () => {
    const [returning] = cluster.hosts;
    await cluster.startConductor(returning);
    await cluster.waitForAlive(cluster.hosts);
    await cluster.waitForOwners(initialOwners);
    const mine = ownedBy(initialOwners, returning);
    await powerAndSee(mine, 'power off');
    expect(await reserved()).toEqual([]);
    expect(cluster.conductor(returning).stdout()).toContain(`conductor ${returning}`);
  }, 60_000);

  it('answers calls again after RabbitMQ restarts, without restarting any process', async () => {
    const pids = [cluster.api, ...cluster.hosts.map((host) => cluster.conductor(host))].map((app) => app.process.pid);
    const oneEach = cluster.hosts.map((host) => ownedBy(initialOwners, host)[1]);

    await run('rabbitmqctl', ['stop_app']);
    // A call made while the broker is down waits for it (up to the call timeout), then completes.
    const duringOutage = setPower(oneEach[0], 'power on');
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await run('rabbitmqctl', ['start_app']);
    await run('rabbitmqctl', ['await_startup']);
    report(`RabbitMQ was down ${Date.now() - stoppedAt} ms`);

    const restartedAt = Date.now();
    const outageAnswer = await duringOutage;
    report(`the call made during the outage answered ${outageAnswer.status} after ${Date.now() - stoppedAt} ms`);
    // Either it completed once the broker was back, or it failed as retryable (503), never hung.
    expect([202, 503]).toContain(outageAnswer.status);
    await waitUntil(async () => (await Promise.all(oneEach.map((uuid) => setPower(uuid, 'power on')))).every((answer) => answer.status === 202), 'power calls to every conductor to be accepted', 30_000, 200);
    report(`RabbitMQ back to calls accepted by all three conductors: ${Date.now() - restartedAt} ms`);
    await powerAndSee(oneEach, 'power on');

    const now = [cluster.api, ...cluster.hosts.map((host) => cluster.conductor(host))];
    expect(now.map((app) => app.process.pid)).toEqual(pids);
    expect(now.map((app) => app.process.exitCode)).toEqual([null, null, null, null]);
    expect(await cluster.aliveConductors()).toEqual([...cluster.hosts].sort());
  }, 90_000);
});
