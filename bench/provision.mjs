// Benchmarks provisioning throughput in cluster mode and prints figures; nothing here is asserted
// by tests. An api and 1 (then 3) conductors as processes on the local PostgreSQL and RabbitMQ,
// fake-hardware nodes with zero-length steps. Each run creates N nodes in enroll, then drives every
// node on its own through manage → provide (automated clean) → active, as a client would: the
// next verb for a node goes out as soon as a poll of the node list shows it resting. The figure
// is the time from the first `manage` to the last node `active`.
// The concurrency limits are raised to N: the run measures throughput, not the 503 a client gets
// beyond Ironic's defaults (250 deploys, 50 cleans).
//   npm run compile && node bench/provision.mjs [--conductors 1,3] [--nodes 100,1000]
import { parseArgs } from 'node:util';
import { sleep, withCluster } from './cluster-bench.mjs';

const { values: opts } = parseArgs({ options: { conductors: { type: 'string', default: '1,3' }, nodes: { type: 'string', default: '100,1000' } } });
const list = (value) => value.split(',').map(Number);

/** The verb that moves a node on from the state it rests in, toward active. */
const NEXT = { enroll: 'manage', manageable: 'provide', available: 'active' };
const IN_FLIGHT = 32; // requests a client keeps open at once

async function drive(http, uuids) {
  const pending = new Map(uuids.map((uuid) => [uuid, 'enroll']));
  const started = performance.now();
  let requests = 0;
  const send = async (uuid, state) => {
    requests++;
    const answer = await http.request('PUT', `/v1/nodes/${uuid}/states/provision`, { target: NEXT[state] });
    if (answer.status !== 202) throw new Error(`${NEXT[state]} on ${uuid} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  const sendAll = async (batch) => {
    for (let i = 0; i < batch.length; i += IN_FLIGHT) await Promise.all(batch.slice(i, i + IN_FLIGHT).map(([uuid, state]) => send(uuid, state)));
  };
  await sendAll([...pending]);
  while (pending.size > 0) {
    await sleep(50);
    const resting = [];
    for (const node of await http.allNodes('fields=uuid,provision_state,target_provision_state,last_error')) {
      const uuid = node.uuid;
      const was = pending.get(uuid);
      if (was === undefined || node.target_provision_state !== null || node.provision_state === was) continue;
      if (node.last_error) throw new Error(`${uuid} failed in ${node.provision_state}: ${node.last_error}`);
      if (node.provision_state === 'active') pending.delete(uuid);
      else if (NEXT[node.provision_state]) {
        pending.set(uuid, node.provision_state);
        resting.push([uuid, node.provision_state]);
      }
    }
    await sendAll(resting);
  }
  return { seconds: (performance.now() - started) / 1000, requests };
}

console.log('enroll → manage → provide → active, fake hardware, zero-length steps, cluster mode');
for (const conductors of list(opts.conductors)) {
  for (const count of list(opts.nodes)) {
    const env = { SLIPWAY_MAX_CONCURRENT_DEPLOY: String(count), SLIPWAY_MAX_CONCURRENT_CLEAN: String(count) };
    await withCluster({ conductors, logLevel: 'warn', env }, async (cluster) => {
      const uuids = await cluster.createNodes(count, { parallel: 16 });
      const { seconds, requests } = await drive(cluster.http, uuids);
      console.log(`${conductors} conductor(s), ${count} nodes: ${seconds.toFixed(2)} s (${(count / seconds).toFixed(0)} nodes/s, ${requests} provision requests)`);
    });
  }
}
