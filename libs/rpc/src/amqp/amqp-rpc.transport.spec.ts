// Medium test: the real local RabbitMQ, with an exchange prefix and host names of its own per test.
import { randomUUID } from 'node:crypto';
import type { Channel, ConsumeMessage } from 'amqplib';
import { ConductorUnavailableError, InvalidParameterValueError } from '@slipway/errors';
import { conductorPing } from '../contracts/conductor-ping.contract';
import { RpcHandlerMap } from '../rpc-handler-map';
import { RpcTransport } from '../rpc-transport';
import { Gate, describeRpcTransportConformance, echoRpc, gate, noteRpc, waitRpc } from '../rpc-transport.conformance';
import { RPC_HEADERS } from '../wire/rpc-wire-format';
import { DIRECT_REPLY_TO, amqpTopology } from './amqp-rpc.options';
import { AmqpRpcTransport } from './amqp-rpc.transport';
import { AmqpTestBroker } from './amqp-test-broker';
import { BrokerUnavailableError } from '../errors/broker-unavailable.error';

const url = process.env.SLIPWAY_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const fastReconnect = { initialDelayMs: 20, maxDelayMs: 200 };

let broker: AmqpTestBroker;
beforeAll(async () => {
  broker = await AmqpTestBroker.connect(url);
});
afterAll(async () => {
  await broker.close();
});

describeRpcTransportConformance('amqp', async () => {
  const prefix = AmqpTestBroker.uniquePrefix();
  const transport = await AmqpRpcTransport.connect({ url, prefix, reconnect: fastReconnect });
  const peer = await AmqpRpcTransport.connect({ url, prefix, reconnect: fastReconnect });
  return { transport, peer, cleanup: (hosts) => broker.removeTopology(prefix, hosts) };
});

describe('AmqpRpcTransport', () => {
  let prefix: string;
  let hosts: string[];
  const open: RpcTransport[] = [];

  const host = (): string => {
    const name = `c-${randomUUID().slice(0, 8)}`;
    hosts.push(name);
    return name;
  };

  async function connect(reconnect = fastReconnect): Promise<AmqpRpcTransport> {
    const transport = await AmqpRpcTransport.connect({ url, prefix, reconnect });
    open.push(transport);
    return transport;
  }

  const pingHandlers = (name: string): RpcHandlerMap =>
    new RpcHandlerMap().on(conductorPing, async () => ({ hostname: name, time: new Date().toISOString() }));

  beforeEach(() => {
    prefix = AmqpTestBroker.uniquePrefix();
    hosts = [];
  });

  afterEach(async () => {
    await Promise.allSettled(open.splice(0).map((transport) => transport.close()));
    await broker.removeTopology(prefix, hosts);
  });

  it('fails to connect with BrokerUnavailableError naming the URL without its password', async () => {
    const attempt = AmqpRpcTransport.connect({ url: 'amqp://guest:hunter2@127.0.0.1:1', prefix, connectTimeoutMs: 2_000 });
    await expect(attempt).rejects.toThrow(BrokerUnavailableError);
    await expect(attempt).rejects.toThrow(/amqp:\/\/guest:\*\*\*@127\.0\.0\.1:1/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
    await expect(attempt).rejects.toThrow(/ECONNREFUSED/);
  });

  it('declares the documented topology: durable host queue bound to the topic exchange', async () => {
    const transport = await connect();
    const name = host();
    await transport.serve(name, pingHandlers(name));
    const topology = amqpTopology(prefix);
    expect(topology.queueFor(name)).toBe(`${prefix}.conductor.${name}`);
    expect(await broker.queueExists(`${prefix}.conductor.${name}`)).toBe(true);

    // A message published by hand with the documented routing key and headers reaches the handler.
    const reply = await rawCall(topology.rpcExchange, `conductor.${name}`, Buffer.from('{}'), { method: 'conductor.ping', version: '1.0' });
    expect(reply).toMatchObject({ ok: true, result: { hostname: name } });
  });

  it('keeps TCP_NODELAY on the broker socket, also after a reconnect', async () => {
    const transport = await connect();
    expect(transport.effectiveSocketOptions()).toEqual({ noDelay: true, keepAlive: true });
    transport.destroyConnectionForTesting();
    await waitUntil(() => transport.connectionCount === 2 && transport.connected);
    expect(transport.effectiveSocketOptions()).toEqual({ noDelay: true, keepAlive: true });
  });

  it('answers malformed messages with an error and keeps serving the good ones', async () => {
    const transport = await connect();
    const name = host();
    await transport.serve(name, pingHandlers(name));
    const { rpcExchange } = amqpTopology(prefix);
    const key = `conductor.${name}`;

    const badJson = await rawCall(rpcExchange, key, Buffer.from('{not json'), { method: 'conductor.ping', version: '1.0' });
    const unknownMethod = await rawCall(rpcExchange, key, Buffer.from('{}'), { method: 'conductor.nope', version: '1.0' });
    const noHeaders = await rawCall(rpcExchange, key, Buffer.from('{}'), {});
    const badSchema = await rawCall(rpcExchange, key, Buffer.from('[1,2]'), { method: 'conductor.ping', version: '1.0' });
    for (const reply of [badJson, unknownMethod, noHeaders, badSchema]) {
      expect(reply).toMatchObject({ ok: false, error: { type: 'InvalidParameterValue' } });
    }
    expect(JSON.stringify(unknownMethod)).toMatch(/no handler for method conductor\.nope/);

    // A malformed cast (no reply address) is dropped, not redelivered forever.
    const channel = await broker.channel();
    channel.publish(rpcExchange, key, Buffer.from('\u0000garbage'), { headers: { method: 'test.note' } });
    await channel.close();

    await expect(transport.call(name, conductorPing, {})).resolves.toMatchObject({ hostname: name });
  });

  it('fails a call at once, as unavailable, when no server serves the host (its call queue went with it)', async () => {
    const transport = await connect();
    const name = host();
    const server = await transport.serve(name, new RpcHandlerMap().on(echoRpc, async (request, context) => ({ value: request.value, host: context.host, correlationId: context.correlationId })));
    await server.close();
    expect(await broker.queueExists(amqpTopology(prefix).callQueueFor(name))).toBe(false);
    const started = Date.now();
    const failure = await transport.call(name, echoRpc, { value: 1 }, { timeoutMs: 30_000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConductorUnavailableError);
    expect((failure as Error).message).toContain(name);
    expect(Date.now() - started).toBeLessThan(5_000); // not the 30 s timeout
  });

  it('drops a request that waited in the queue longer than the caller did', async () => {
    const transport = await AmqpRpcTransport.connect({ url, prefix, reconnect: fastReconnect, prefetch: 1 });
    open.push(transport);
    const name = host();
    const ran: number[] = [];
    const busy = gate<void>();
    const handlers = new RpcHandlerMap().on(echoRpc, async (request, context) => {
      ran.push(request.value);
      if (request.value === 1) await busy.promise;
      return { value: request.value, host: context.host, correlationId: context.correlationId };
    });
    await transport.serve(name, handlers);
    const first = transport.call(name, echoRpc, { value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the only handler slot is taken
    await expect(transport.call(name, echoRpc, { value: 2 }, { timeoutMs: 200 })).rejects.toThrow(/no answer to test\.echo within 200 ms/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    busy.open();
    await expect(first).resolves.toMatchObject({ value: 1 });
    await expect(transport.call(name, echoRpc, { value: 3 })).resolves.toMatchObject({ value: 3 });
    expect(ran).toEqual([1, 3]); // 2 expired in the queue and never ran
  });

  it('finishes a call in flight when its server closes, then fails new calls fast and keeps casts for the next server', async () => {
    const transport = await connect();
    const name = host();
    const release = gate<void>();
    const noted: string[] = [];
    const handlers = new RpcHandlerMap()
      .on(waitRpc, async (request) => {
        await release.promise;
        return { key: request.key };
      })
      .on(noteRpc, async (request) => void noted.push(request.text));
    const server = await transport.serve(name, handlers);
    const slow = transport.call(name, waitRpc, { key: 'k' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.close();
    // While it drains, its call queue stays (callers can tell it is not dead) and new calls are refused at once.
    const refused = await transport.call(name, echoRpc, { value: 0 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConductorUnavailableError);
    expect((refused as Error).message).toMatch(/shutting down/);
    expect(await broker.queueExists(amqpTopology(prefix).callQueueFor(name))).toBe(true);
    release.open();
    await expect(slow).resolves.toEqual({ key: 'k' });
    await closing;
    expect(await broker.queueExists(amqpTopology(prefix).callQueueFor(name))).toBe(false);
    await expect(transport.call(name, echoRpc, { value: 1 })).rejects.toBeInstanceOf(ConductorUnavailableError);
    await transport.cast(name, noteRpc, { text: 'after close' });
    await transport.serve(name, handlers);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(noted).toEqual(['after close']);
  });

  it('keeps a cast for a host whose server is down until it serves again', async () => {
    const transport = await connect();
    const name = host();
    const noted = gate<string>();
    const handlers = new RpcHandlerMap().on(noteRpc, async (request) => noted.open(request.text));
    await (await transport.serve(name, handlers)).close();
    await transport.cast(name, noteRpc, { text: 'queued while down' });
    await transport.serve(name, handlers);
    expect(await noted.promise).toBe('queued while down');
  });

  it('spreads the work of one host over two servers (competing consumers)', async () => {
    const [a, b] = [await connect(), await connect()];
    const name = host();
    const served: string[] = [];
    const handlers = (who: string): RpcHandlerMap =>
      new RpcHandlerMap().on(echoRpc, async (request, context) => {
        served.push(who);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { value: request.value, host: context.host, correlationId: context.correlationId };
      });
    await a.serve(name, handlers('a'));
    await b.serve(name, handlers('b'));
    await Promise.all(Array.from({ length: 20 }, (_, value) => a.call(name, echoRpc, { value })));
    expect(new Set(served)).toEqual(new Set(['a', 'b']));
  });

  /** Serves `test.wait` with a handler that signals `started` and answers once `release` opens. */
  async function serveHeldCalls(server: RpcTransport, name: string): Promise<{ started: Gate; release: Gate }> {
    const started: Gate = gate();
    const release: Gate = gate();
    await server.serve(
      name,
      new RpcHandlerMap().on(waitRpc, async (request) => {
        started.open();
        await release.promise;
        return request;
      }),
    );
    return { started, release };
  }

  describe('when the broker connection drops', () => {
    it('reconnects, serves the host again and answers calls, without a new transport', async () => {
      // A slow first retry keeps both disconnected long enough for the test to call in between.
      const slowReconnect = { initialDelayMs: 300, maxDelayMs: 300 };
      const [server, client] = [await connect(slowReconnect), await connect(slowReconnect)];
      const name = host();
      await server.serve(name, pingHandlers(name));
      await expect(client.call(name, conductorPing, {})).resolves.toMatchObject({ hostname: name });

      server.destroyConnectionForTesting();
      client.destroyConnectionForTesting();
      await waitUntil(() => !server.connected && !client.connected);
      // Made while both are reconnecting: the call waits for the connection, then for the server.
      await expect(client.call(name, conductorPing, {}, { timeoutMs: 10_000 })).resolves.toMatchObject({ hostname: name });
      expect([server.connectionCount, client.connectionCount]).toEqual([2, 2]);
      await expect(client.ping()).resolves.toBeUndefined();
    });

    it('fails calls in flight at once with a retryable ConductorUnavailableError', async () => {
      const [server, client] = [await connect(), await connect()];
      const name = host();
      const { started, release } = await serveHeldCalls(server, name);
      const inFlight = client.call(name, waitRpc, { key: 'k' }, { timeoutMs: 20_000 }).catch((error: unknown) => error);
      await started.promise;
      client.destroyConnectionForTesting();
      const failure = await inFlight;
      expect(failure).toBeInstanceOf(ConductorUnavailableError);
      expect(failure).toMatchObject({ retryable: true });
      expect((failure as Error).message).toMatch(/connection to the broker was lost/);
      release.open();
    });

    it('fails a call whose conductor died holding it, as unavailable, long before the call timeout', async () => {
      // The server's side of a crash: its connection goes, and it does not come back for a minute.
      const server = await connect({ initialDelayMs: 60_000, maxDelayMs: 60_000 });
      const client = await connect();
      const name = host();
      const { started, release } = await serveHeldCalls(server, name);
      const held = client.call(name, waitRpc, { key: 'k' }, { timeoutMs: 25_000 }).catch((error: unknown) => error);
      await started.promise;
      server.destroyConnectionForTesting();
      const failure = await held;
      expect(failure).toBeInstanceOf(ConductorUnavailableError);
      expect(failure).toMatchObject({ retryable: true });
      expect((failure as Error).message).toMatch(new RegExp(`${name}.*stopped serving RPC before it answered test\\.wait; it may or may not have carried it out`));
      // New calls fail fast too: the queue is gone, so the broker returns them.
      await expect(client.call(name, waitRpc, { key: 'k2' }, { timeoutMs: 25_000 })).rejects.toThrow(/no RPC queue or server/);
      release.open();
    });

    it('gives up on a call that waits for the connection longer than its timeout', async () => {
      const transport = await AmqpRpcTransport.connect({ url, prefix, reconnect: { initialDelayMs: 5_000, maxDelayMs: 5_000 } });
      open.push(transport);
      transport.destroyConnectionForTesting();
      await waitUntil(() => !transport.connected);
      const failure = await transport.call(host(), conductorPing, {}, { timeoutMs: 100 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConductorUnavailableError);
      expect((failure as Error).message).toMatch(/not connected to the broker within 100 ms/);
      await expect(transport.ping()).rejects.toThrow(BrokerUnavailableError);
    });

    it('declares a host queue again when it is deleted under a running server', async () => {
      const transport = await connect();
      const name = host();
      await transport.serve(name, pingHandlers(name));
      const channel = await broker.channel();
      await channel.deleteQueue(amqpTopology(prefix).queueFor(name));
      await channel.close();
      await waitUntil(() => transport.connectionCount === 2 && transport.connected);
      await expect(transport.call(name, conductorPing, {})).resolves.toMatchObject({ hostname: name });
    });

    it('re-subscribes broadcast listeners', async () => {
      const [listener, sender] = [await connect(), await connect()];
      const received = gate<unknown>();
      await listener.onBroadcast((_event, payload) => received.open(payload));
      listener.destroyConnectionForTesting();
      await waitUntil(() => listener.connectionCount === 2 && listener.connected);
      await sender.broadcast('after-reconnect', { n: 1 });
      expect(await received.promise).toEqual({ n: 1 });
    });
  });

  it('rejects a request whose schema fails on the server even when sent by an older client', async () => {
    const transport = await connect();
    const name = host();
    await transport.serve(name, pingHandlers(name));
    const reply = await rawCall(amqpTopology(prefix).rpcExchange, `conductor.${name}`, Buffer.from('"a string"'), {
      method: 'conductor.ping',
      version: '1.0',
    });
    expect(reply).toMatchObject({ ok: false, error: { type: InvalidParameterValueError.code } });
  });
});

/** Publishes one raw request with direct reply-to on a plain channel and returns the parsed reply. */
async function rawCall(exchange: string, routingKey: string, body: Buffer, headers: Record<string, string>): Promise<unknown> {
  const channel: Channel = await broker.channel();
  try {
    const reply = new Promise<ConsumeMessage>((resolve) => {
      void channel.consume(DIRECT_REPLY_TO, (message) => message && resolve(message), { noAck: true }).then(() => {
        channel.publish(exchange, routingKey, body, { replyTo: DIRECT_REPLY_TO, correlationId: randomUUID(), headers });
      });
    });
    const message = await reply;
    expect(message.properties.contentType).toBe('application/json');
    return JSON.parse(message.content.toString('utf8'));
  } finally {
    await channel.close();
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Referenced so the header names stay what docs/rpc.md says.
test('header names match the documentation', () => {
  expect(RPC_HEADERS).toEqual({ method: 'method', version: 'version', correlationId: 'x-correlation-id', event: 'event' });
});
