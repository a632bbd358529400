// What the cluster benchmarks share: the compiled TestCluster (api + N conductors as processes on
// the local PostgreSQL and RabbitMQ, `npm run compile` first) and the statistics they print.
import { createRequire } from 'node:module';

// The benchmarks' own service URLs, when set, win over the tests' defaults.
for (const service of ['DATABASE', 'AMQP']) {
  const url = process.env[`SLIPWAY_BENCH_${service}_URL`];
  if (url) process.env[`SLIPWAY_TEST_${service}_URL`] = url;
}
const require = createRequire(import.meta.url);
export const { TestCluster, IronicHttp, waitUntil } = require('../dist/libs/testing/src/index.js');

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const sortedNumbers = (values) => [...values].sort((a, b) => a - b);
export const ms = (value) => `${value.toFixed(1)} ms`;
export const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Node uuids per owning conductor. */
export function byOwner(owners) {
  const groups = new Map();
  for (const [uuid, owner] of owners) groups.set(owner, [...(groups.get(owner) ?? []), uuid]);
  return groups;
}

/** Runs `work` on a cluster started with `options`, and always stops the cluster. */
export async function withCluster(options, work) {
  const cluster = await TestCluster.start({ logLevel: 'info', ...options });
  try {
    return await work(cluster);
  } finally {
    await cluster.stop();
  }
}

/** The power state sync passes a conductor logged ('power state sync pass done') that started at or after `since` (epoch ms). */
export function syncPassesOf(app, since) {
  return app
    .stdout()
    .split('\n')
    .filter((line) => line.includes('"power state sync pass done"'))
    .map((line) => JSON.parse(line))
    .map((entry) => ({ nodes: entry.nodes, tookMs: entry.tookMs, listedMs: entry.listedMs, startedAt: Date.parse(entry.time) - entry.tookMs }))
    .filter((pass) => pass.startedAt >= since);
}
