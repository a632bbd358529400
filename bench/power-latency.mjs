// Benchmarks power-on latency in cluster mode and prints figures; nothing here is asserted by tests.
// An api and 3 conductors, fake nodes; each sample is a PUT /v1/nodes/{uuid}/states/power followed
// by GETs of the node until power_state shows the target: the time from sending the PUT to the
// first GET that shows it. Targets alternate, so every sample is a real change.
//   npm run compile && node bench/power-latency.mjs [--nodes 30] [--samples 300]
import { parseArgs } from 'node:util';
import { ms, percentile, sortedNumbers, withCluster } from './cluster-bench.mjs';

const { values: opts } = parseArgs({ options: { nodes: { type: 'string', default: '30' }, samples: { type: 'string', default: '300' } } });

await withCluster({ conductors: 3, logLevel: 'warn' }, async (cluster) => {
  const { http } = cluster;
  const nodes = await cluster.createNodes(Number(opts.nodes));
  const state = new Map(nodes.map((uuid) => [uuid, undefined]));
  const accepted = [];
  const visible = [];
  for (let i = 0; i < Number(opts.samples) + nodes.length; i++) {
    const uuid = nodes[i % nodes.length];
    const target = state.get(uuid) === 'power on' ? 'power off' : 'power on';
    const start = performance.now();
    const answer = await http.request('PUT', `/v1/nodes/${uuid}/states/power`, { target });
    if (answer.status !== 202) throw new Error(`power ${target} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const acceptedAt = performance.now();
    while ((await http.expect(200, 'GET', `/v1/nodes/${uuid}`)).power_state !== target);
    state.set(uuid, target);
    // The first round per node is warm-up (connections, caches).
    if (i < nodes.length) continue;
    accepted.push(acceptedAt - start);
    visible.push(performance.now() - start);
  }
  const seen = sortedNumbers(visible);
  const put = sortedNumbers(accepted);
  console.log(`power change latency, api + 3 conductors, ${nodes.length} fake nodes, ${seen.length} samples`);
  console.log(`PUT answered 202:        median ${ms(percentile(put, 50))}, p90 ${ms(percentile(put, 90))}, p99 ${ms(percentile(put, 99))}`);
  console.log(`PUT -> visible in GET:   median ${ms(percentile(seen, 50))}, p90 ${ms(percentile(seen, 90))}, p99 ${ms(percentile(seen, 99))}`);
});
