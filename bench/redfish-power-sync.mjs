// Benchmarks the power state sync of one conductor over redfish nodes on the virtual BMC, and
// prints figures; nothing here is asserted by tests. The vbmc runs as its own process with
// --nodes systems; each node gets its own BMC address (127.0.x.y on the vbmc's port: loopback
// answers on all of 127/8 when the vbmc listens on 0.0.0.0), so the conductor holds one
// connection and one session per node and its one-request-per-BMC limit is per node, as with
// real servers. The figures: the conductor's first two full passes that start after the nodes
// exist (from its log lines 'power state sync pass done'; a pass already running while the nodes
// were created has opened some of the sessions), its peak RSS (VmHWM), and the vbmc's count of
// requests and the most it ever saw in flight at once for one system, and the conductor's warnings
// (a pass that read nothing is no figure). The vbmc allows a session per node.
//   npm run compile && node bench/redfish-power-sync.mjs [--nodes 5000] [--interval 30] [--workers 8]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { syncPassesOf, waitUntil, withCluster } from './cluster-bench.mjs';

const { values: opts } = parseArgs({
  options: {
    nodes: { type: 'string', default: '5000' },
    interval: { type: 'string', default: '30' },
    workers: { type: 'string', default: '8' },
    port: { type: 'string', default: '18623' },
  },
});
const total = Number(opts.nodes);
const intervalMs = Number(opts.interval) * 1000;
const port = Number(opts.port);

/** Node i's own BMC address: 127.0.(i / 250).(i % 250 + 2), all served by the one vbmc. */
const bmcAddress = (index) => `http://127.0.${Math.floor(index / 250)}.${(index % 250) + 2}:${port}`;

function startVbmc() {
  const args = ['dist/apps/vbmc/src/main.js', '--mockup', 'dmtf-public-rackmount1', '--systems', String(total), '--host', '0.0.0.0', '--port', String(port), '--username', 'admin', '--password', 'bench', '--session-limit', String(total + 100)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return { child, ready: () => out.includes('serving') };
}

const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;


const vbmc = startVbmc();
try {
  await waitUntil(async () => vbmc.ready(), 'the vbmc to serve', 60_000, 100);
  const systemIds = (await (await fetch(`http://127.0.0.1:${port}/vbmc/systems`)).json()).map((system) => system.id);
  if (systemIds.length !== total) throw new Error(`the vbmc serves ${systemIds.length} systems, not ${total}`);
  const env = {
    SLIPWAY_SYNC_POWER_STATE_INTERVAL: opts.interval,
    SLIPWAY_SYNC_POWER_STATE_WORKERS: opts.workers,
    SLIPWAY_REDFISH_CONNECTION_CACHE_SIZE: String(total + 100),
    SLIPWAY_ENABLED_HARDWARE_TYPES: 'redfish',
    SLIPWAY_LOG_FORMAT: 'json',
  };
  await withCluster({ conductors: 1, env }, async (cluster) => {
    const createdIn = performance.now();
    let next = 0;
    const create = async () => {
      while (next < total) {
        const index = next++;
        const driverInfo = { redfish_address: bmcAddress(index), redfish_system_id: `/redfish/v1/Systems/${systemIds[index]}`, redfish_username: 'admin', redfish_password: 'bench' };
        // Microversion 1.10: new nodes start `available`, where the sync reads them.
        const created = await cluster.http.request('POST', '/v1/nodes', { name: `rf-${index}`, driver: 'redfish', driver_info: driverInfo }, '1.10');
        if (created.status !== 201) throw new Error(`creating rf-${index} answered ${created.status}: ${JSON.stringify(created.body)}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, create));
    const created = Date.now();
    await fetch(`http://127.0.0.1:${port}/vbmc/stats`, { method: 'DELETE' });
    console.log(`created ${total} redfish nodes in ${((performance.now() - createdIn) / 1000).toFixed(1)} s; waiting for two full passes`);
    const conductor = cluster.conductor(cluster.hosts[0]);
    await waitUntil(() => syncPassesOf(conductor, created).length >= 2, 'two sync passes', 3 * intervalMs + 120_000, 500);
    const stats = await (await fetch(`http://127.0.0.1:${port}/vbmc/stats`)).json();
    const [first, second] = syncPassesOf(conductor, created);
    console.log(`power state sync, 1 conductor, ${total} redfish nodes on the vbmc (one BMC address each), interval ${opts.interval} s, ${opts.workers} workers`);
    console.log(`first full pass after the nodes exist:  ${first.nodes} nodes in ${(first.tookMs / 1000).toFixed(1)} s`);
    console.log(`second pass (steady state, sessions reused): ${second.nodes} nodes in ${(second.tookMs / 1000).toFixed(1)} s`);
    console.log(`conductor peak RSS: ${peakRssMb(conductor.process.pid).toFixed(0)} MiB`);
    console.log(`vbmc: ${stats.requests} requests since the nodes exist, ${stats.sessions} sessions open; most requests in flight at once for one system: ${stats.maxConcurrentPerSystem}`);
    const problems = conductor
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((entry) => ['warn', 'error', 'fatal'].includes(entry.level));
    const byMessage = new Map();
    for (const entry of problems) {
      const text = `${entry.msg}${entry.err?.message ? `: ${entry.err.message.replace(/127\.0\.\d+\.\d+/g, '127.0.x.y').replace(/[0-9a-f-]{36}/g, '<uuid>')}` : ''}`;
      byMessage.set(text, (byMessage.get(text) ?? 0) + 1);
    }
    console.log(`conductor warnings and errors: ${problems.length}`);
    for (const [text, count] of [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${count} × ${text.slice(0, 300)}`);
  });
} finally {
  vbmc.child.kill('SIGTERM');
}
