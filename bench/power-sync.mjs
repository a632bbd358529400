// Benchmarks the power state sync in cluster mode and prints figures; nothing here is asserted by
// tests. An api and 3 conductors own --nodes fake nodes (created `available`, so the sync reads
// them all); each conductor syncs the nodes it owns once per SLIPWAY_SYNC_POWER_STATE_INTERVAL with
// SLIPWAY_SYNC_POWER_STATE_WORKERS reads at a time. The figures are each conductor's first two full
// passes after the nodes exist, from its log lines 'power state sync pass done': nodes read and time
// taken, against the interval. The first pass also records every node's power state (new nodes have
// none: a lock and a write each); the second is the steady state, reads only. --bmc-ms gives every
// power read that latency (fake_delay), as a BMC would.
//   npm run compile && node bench/power-sync.mjs [--nodes 10000] [--interval 60] [--workers 8] [--bmc-ms 0]
import { parseArgs } from 'node:util';
import { ms, syncPassesOf, waitUntil, withCluster } from './cluster-bench.mjs';

const { values: opts } = parseArgs({
  options: {
    nodes: { type: 'string', default: '10000' },
    interval: { type: 'string', default: '60' },
    workers: { type: 'string', default: '8' },
    'bmc-ms': { type: 'string', default: '0' },
  },
});
const total = Number(opts.nodes);
const intervalMs = Number(opts.interval) * 1000;
const bmcMs = Number(opts['bmc-ms']);

await withCluster({ conductors: 3, env: { SLIPWAY_SYNC_POWER_STATE_INTERVAL: opts.interval, SLIPWAY_SYNC_POWER_STATE_WORKERS: opts.workers, SLIPWAY_LOG_FORMAT: 'json' } }, async (cluster) => {
  const createdIn = performance.now();
  const driverInfo = bmcMs > 0 ? { driver_info: { fake_delay: bmcMs / 1000 } } : {};
  // Microversion 1.10: new nodes start `available` (the sync skips `enroll`).
  await cluster.createNodes(total, { fields: driverInfo, version: '1.10', parallel: 16 });
  const created = Date.now();
  console.log(`created ${total} nodes in ${((performance.now() - createdIn) / 1000).toFixed(1)} s; waiting for a full pass on every conductor`);
  const passes = () => cluster.hosts.map((host) => syncPassesOf(cluster.conductor(host), created));
  await waitUntil(() => passes().every((done) => done.length >= 2), 'two sync passes on every conductor', 3 * intervalMs + 60_000, 500);
  console.log(`power state sync, 3 conductors, ${total} fake nodes${bmcMs ? ` (${bmcMs} ms per power read)` : ''}, interval ${opts.interval} s, ${opts.workers} workers each`);
  for (const [index, label] of ['first pass (records the power state of new nodes)', 'second pass (steady state)'].entries()) {
    const pass = passes().map((done) => done[index]);
    const synced = pass.reduce((sum, one) => sum + one.nodes, 0);
    const slowest = Math.max(...pass.map((one) => one.tookMs));
    console.log(`${label}: ${synced} nodes; per conductor ${pass.map((one) => `${one.nodes} in ${(one.tookMs / 1000).toFixed(1)} s`).join(', ')}`);
    console.log(`  slowest ${(slowest / 1000).toFixed(1)} s of the ${opts.interval} s interval (${((100 * slowest) / intervalMs).toFixed(0)}%); listing took at most ${ms(Math.max(...pass.map((one) => one.listedMs)))}`);
  }
});
