// Benchmarks RPC `call` round trips through the local RabbitMQ and prints figures; nothing here is
// asserted by tests. A caller and a server (two transports, two connections, as api and conductor)
// exchange `conductor.ping`; a bare amqplib pair with direct reply-to is measured the same way as
// the floor to approach.
//   npm run compile && node bench/rpc.mjs [--calls 5000] [--seconds 5] [--inflight 64]
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';

const require = createRequire(import.meta.url);
const { AmqpRpcTransport, RpcHandlerMap, conductorPing } = require('../dist/libs/rpc/src/index.js');
require('../dist/libs/platform/logging/src/index.js').configureLogging({ level: 'warn', format: 'json' });

const { values: opts } = parseArgs({ options: { calls: { type: 'string', default: '5000' }, seconds: { type: 'string', default: '5' }, inflight: { type: 'string', default: '64' } } });
const url = process.env.SLIPWAY_BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** p50/p99 of sequential calls, then calls/s with `inflight` calls always outstanding. */
async function measure(call) {
  for (let i = 0; i < 200; i++) await call(); // warm-up
  const times = [];
  for (let i = 0; i < Number(opts.calls); i++) {
    const t = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const deadline = Date.now() + Number(opts.seconds) * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      await call();
      done++;
    }
  };
  await Promise.all(Array.from({ length: Number(opts.inflight) }, worker));
  return { p50: percentile(times, 50), p99: percentile(times, 99), rate: done / Number(opts.seconds) };
}

async function slipway() {
  const prefix = `slipway-bench-${randomUUID().slice(0, 8)}`;
  const host = 'bench-conductor';
  const server = await AmqpRpcTransport.connect({ url, prefix });
  const client = await AmqpRpcTransport.connect({ url, prefix });
  await server.serve(host, new RpcHandlerMap().on(conductorPing, async () => ({ hostname: host, time: new Date().toISOString() })));
  try {
    return await measure(() => client.call(host, conductorPing, {}));
  } finally {
    await client.close();
    await server.close();
    const cleanup = await amqp.connect(url);
    const channel = await cleanup.createChannel();
    await channel.deleteQueue(`${prefix}.conductor.${host}`);
    await channel.deleteExchange(`${prefix}.rpc`);
    await channel.deleteExchange(`${prefix}.events`);
    await cleanup.close();
  }
}

async function bare() {
  const queue = `slipway-bench-bare-${randomUUID().slice(0, 8)}`;
  const serverConnection = await amqp.connect(url, { noDelay: true });
  const serverChannel = await serverConnection.createChannel();
  await serverChannel.assertQueue(queue, { exclusive: true, autoDelete: true });
  await serverChannel.consume(queue, (message) => {
    serverChannel.sendToQueue(message.properties.replyTo, Buffer.from('{"ok":true}'), { correlationId: message.properties.correlationId });
  }, { noAck: true });
  const clientConnection = await amqp.connect(url, { noDelay: true });
  const clientChannel = await clientConnection.createChannel();
  const waiting = new Map();
  await clientChannel.consume('amq.rabbitmq.reply-to', (message) => {
    waiting.get(message.properties.correlationId)?.();
    waiting.delete(message.properties.correlationId);
  }, { noAck: true });
  let id = 0;
  const call = () => new Promise((resolve) => {
    const correlationId = String(id++);
    waiting.set(correlationId, resolve);
    clientChannel.sendToQueue(queue, Buffer.from('{}'), { correlationId, replyTo: 'amq.rabbitmq.reply-to' });
  });
  try {
    return await measure(call);
  } finally {
    await clientConnection.close();
    await serverConnection.close();
  }
}

const show = (label, r) => console.log(`${label.padEnd(36)} p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms; ${r.rate.toFixed(0)} calls/s with ${opts.inflight} in flight`);
console.log(`RabbitMQ ${new URL(url).host}; ${opts.calls} sequential calls, then ${opts.seconds} s with ${opts.inflight} in flight`);
show('bare amqplib, direct reply-to:', await bare());
show('Slipway AmqpRpcTransport call:', await slipway());
