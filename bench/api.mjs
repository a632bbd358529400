// Benchmarks the REST API in cluster mode (api + one conductor as separate processes on the local
// PostgreSQL and RabbitMQ) and prints figures; nothing here is asserted by tests.
//   npm run compile && node bench/api.mjs [--nodes 10000] [--creates 2000] [--seconds 10]
// Measures: node create rate (1 and 8 clients), GET /v1/nodes?limit=1000 and /detail at N nodes
// in the database, GET /v1/nodes/{uuid} throughput (16 connections), the api's RSS after the run.
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: opts } = parseArgs({ options: { nodes: { type: 'string', default: '10000' }, creates: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '10' } } });
const admin = process.env.SLIPWAY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const amqp = process.env.SLIPWAY_BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const headers = { 'content-type': 'application/json', 'x-openstack-ironic-api-version': '1.82' };

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n) => `${n.toFixed(1)} ms`;

function start(app, env) {
  const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], { env: { ...process.env, SLIPWAY_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (/Ironic API at|serving RPC/.test(out)) resolve(child); });
    child.once('exit', (code) => reject(new Error(`${app} exited with ${code}: ${out}`)));
  });
}

async function timed(fn) { const t = process.hrtime.bigint(); await fn(); return Number(process.hrtime.bigint() - t) / 1e6; }

async function createNodes(base, count, clients) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const response = await fetch(`${base}/v1/nodes`, { method: 'POST', headers, body: JSON.stringify({ driver: 'fake-hardware', properties: { cpus: 8 } }) });
      if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
  };
  const elapsed = await timed(() => Promise.all(Array.from({ length: clients }, worker)));
  return count / (elapsed / 1000);
}

async function listTimes(url, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timed(async () => { const r = await fetch(url, { headers }); if (r.status !== 200) throw new Error(`${url}: ${r.status}`); await r.arrayBuffer(); }));
  return times.sort((a, b) => a - b);
}

async function throughput(url, connections, seconds) {
  const deadline = Date.now() + seconds * 1000;
  let count = 0;
  const worker = async () => { while (Date.now() < deadline) { const r = await fetch(url, { headers }); await r.arrayBuffer(); if (r.status === 200) count++; } };
  await Promise.all(Array.from({ length: connections }, worker));
  return count / seconds;
}

/** wrk (C, keep-alive) when installed, as the Ironic figures were measured; else undefined. */
function wrkRate(url, connections, seconds, script) {
  try {
    const scriptArgs = script ? ['-s', script] : [];
    const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '-H', 'X-OpenStack-Ironic-API-Version: 1.82', ...scriptArgs, url], { encoding: 'utf8' });
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  } catch {
    return undefined;
  }
}

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const database = `slipway_bench_${Date.now()}`;
const adminClient = new pg.Client(admin);
await adminClient.connect();
await adminClient.query(`CREATE DATABASE ${database}`);
const dbUrl = Object.assign(new URL(admin), { pathname: `/${database}` }).toString();
const host = `bench-conductor-${randomUUID().slice(0, 8)}`;
const apiPort = await freePort();
const base = `http://127.0.0.1:${apiPort}`;
const cluster = { SLIPWAY_DATABASE_URL: dbUrl, SLIPWAY_AMQP_URL: amqp };
const conductor = await start('conductor', { ...cluster, SLIPWAY_HOSTNAME: host });
const api = await start('api', { ...cluster, SLIPWAY_API_PORT: String(apiPort), SLIPWAY_DATABASE_POOL_SIZE: '20' });
try {
  await new Promise((r) => setTimeout(r, 500));
  const sequential = await createNodes(base, 300, 1);
  const parallel = await createNodes(base, Number(opts.creates), 8);
  // The same creates from wrk (a C client), so the client's own CPU weighs less on the figure.
  const postScript = join(tmpdir(), `slipway-bench-post-${process.pid}.lua`);
  writeFileSync(postScript, 'wrk.method = "POST"\nwrk.body = "{\\"driver\\":\\"fake-hardware\\"}"\nwrk.headers["Content-Type"] = "application/json"\n');
  const parallelWrk = wrkRate(`${base}/v1/nodes`, 8, 5, postScript);
  const db = new pg.Client(dbUrl);
  await db.connect();
  const { rows } = await db.query('SELECT count(*)::int AS n FROM nodes');
  const missing = Number(opts.nodes) - rows[0].n;
  if (missing > 0) {
    // The rest of the nodes straight into the table: listing speed is measured, not enrolment.
    await db.query(`INSERT INTO nodes (uuid, driver, provision_state, conductor_group, power_interface, deploy_interface, properties)
      SELECT gen_random_uuid(), 'fake-hardware', 'available', '', 'fake', 'fake', '{"cpus": 8}' FROM generate_series(1, $1)`, [missing]);
  }
  await db.query('ANALYZE nodes');
  await db.end();
  await listTimes(`${base}/v1/nodes?limit=1000`, 3); // warm-up
  const list = await listTimes(`${base}/v1/nodes?limit=1000`, 20);
  const detail = await listTimes(`${base}/v1/nodes/detail?limit=1000`, 10);
  const first = (await (await fetch(`${base}/v1/nodes?limit=1`, { headers })).json()).nodes[0].uuid;
  const getRate = await throughput(`${base}/v1/nodes/${first}`, 16, Number(opts.seconds));
  const getRateWrk = wrkRate(`${base}/v1/nodes/${first}`, 16, Number(opts.seconds));
  console.log(`cluster mode: api + 1 conductor, PostgreSQL ${new URL(admin).host}, RabbitMQ; ${opts.nodes} nodes in the database`);
  console.log(`create, 1 client:                 ${sequential.toFixed(0)} nodes/s`);
  console.log(`create, 8 clients:                ${parallel.toFixed(0)} nodes/s (${opts.creates} nodes, node fetch client)`);
  if (parallelWrk) console.log(`create, wrk -c8:                  ${parallelWrk.toFixed(0)} nodes/s over 5 s`);
  console.log(`GET /v1/nodes?limit=1000:         median ${ms(percentile(list, 50))}, p95 ${ms(percentile(list, 95))} (n=${list.length})`);
  console.log(`GET /v1/nodes/detail?limit=1000:  median ${ms(percentile(detail, 50))}, p95 ${ms(percentile(detail, 95))} (n=${detail.length})`);
  console.log(`GET /v1/nodes/{uuid}, 16 conns:   ${getRate.toFixed(0)} requests/s over ${opts.seconds} s (node fetch client)`);
  if (getRateWrk) console.log(`GET /v1/nodes/{uuid}, wrk -c16:    ${getRateWrk.toFixed(0)} requests/s over ${opts.seconds} s`);
  console.log(`api RSS after the run:            ${rssMiB(api.pid).toFixed(0)} MiB (conductor ${rssMiB(conductor.pid).toFixed(0)} MiB)`);
} finally {
  api.kill('SIGTERM');
  conductor.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await adminClient.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminClient.end();
  try { execFileSync('rabbitmqctl', ['delete_queue', `slipway.conductor.${host}`], { stdio: 'ignore' }); } catch { /* queue already gone */ }
}
