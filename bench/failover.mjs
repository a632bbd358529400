// Benchmarks failover in cluster mode and prints figures; nothing here is asserted by tests.
// An api and 3 conductors (default heartbeat: every 2 s, dead after 10 s) own --nodes fake nodes.
// Each round kills one conductor with SIGKILL, then asks for a power action on one of its nodes
// every 50 ms: the figure is the time from the kill to the first accepted action, and to its
// result visible in GET. The conductor is started again and the ring settles between rounds.
//   npm run compile && node bench/failover.mjs [--nodes 300] [--rounds 3]
import { parseArgs } from 'node:util';
import { byOwner, ms, percentile, sleep, sortedNumbers, waitUntil, withCluster } from './cluster-bench.mjs';

const { values: opts } = parseArgs({ options: { nodes: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' } } });

await withCluster({ conductors: 3 }, async (cluster) => {
  const { http } = cluster;
  await cluster.createNodes(Number(opts.nodes));
  const setPower = (uuid, target) => http.request('PUT', `/v1/nodes/${uuid}/states/power`, { target });
  const initial = await cluster.owners();
  const accepted = [];
  const visible = [];
  const failedFast = [];
  for (let round = 0; round < Number(opts.rounds); round++) {
    const victim = cluster.hosts[round % cluster.hosts.length];
    const moved = byOwner(initial).get(victim);
    const target = round % 2 === 0 ? 'power on' : 'power off';
    const killedAt = performance.now();
    await cluster.kill(victim);
    // Until the death is noticed, the api still routes to the dead conductor: how fast is the 503?
    const before = performance.now();
    const early = await setPower(moved[0], target);
    // 503 at once, or, if the call got into the queue just before the broker deleted it, within
    // seconds (the caller's CalleeWatch): never the 60 s call timeout.
    if (early.status === 503) failedFast.push(performance.now() - before);
    let probe;
    for (let attempt = 0; probe === undefined; attempt++) {
      const uuid = moved[attempt % moved.length];
      if ((await setPower(uuid, target)).status === 202) probe = uuid;
      else await sleep(50);
    }
    accepted.push(performance.now() - killedAt);
    await waitUntil(async () => (await http.expect(200, 'GET', `/v1/nodes/${probe}`)).power_state === target, 'the power action to finish', 10_000, 5);
    visible.push(performance.now() - killedAt);
    console.log(`round ${round + 1}: killed ${victim} (${moved.length} nodes); action accepted after ${ms(accepted.at(-1))}, visible after ${ms(visible.at(-1))}`);
    await cluster.startConductor(victim);
    await cluster.waitForAlive(cluster.hosts);
    await cluster.waitForOwners(initial, 30_000);
  }
  const accept = sortedNumbers(accepted);
  const seen = sortedNumbers(visible);
  console.log(`failover, 3 conductors, ${opts.nodes} fake nodes, heartbeat 2 s / dead after 10 s (defaults), ${accept.length} rounds`);
  console.log(`kill -9 -> first accepted power action on a moved node: median ${ms(percentile(accept, 50))}, max ${ms(accept.at(-1))}`);
  console.log(`kill -9 -> its result visible in GET:                    median ${ms(percentile(seen, 50))}, max ${ms(seen.at(-1))}`);
  const fast = sortedNumbers(failedFast);
  if (fast.length > 0) console.log(`a call to the dead conductor meanwhile answers 503 in:   median ${ms(percentile(fast, 50))}, max ${ms(fast.at(-1))} (${fast.length} of ${accept.length} rounds)`);
});
