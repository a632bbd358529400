// One behaviour for both transports: this suite runs against the in-process and the AMQP adapter.
// A later issue adds failover tests on top of it, so every case uses its own host names.
import { randomUUID } from 'node:crypto';
import { ConductorUnavailableError, InternalError, InvalidParameterValueError, NodeLockedError } from '@slipway/errors';
import { correlation } from '@slipway/logging';
import { z } from 'zod';
import { defineRpc } from './contract';
import { conductorPing } from './contracts/conductor-ping.contract';
import { RpcHandlerMap } from './rpc-handler-map';
import { RpcName } from './rpc-names';
import { RpcServer, RpcTransport } from './rpc-transport';

/** Test-only method names: real names live in rpc-names.ts. */
export const testRpcName = (name: string): RpcName => name as RpcName;

export const echoRpc = defineRpc({
  name: testRpcName('test.echo'),
  kind: 'call',
  request: z.object({ value: z.number(), delayMs: z.number().int().min(0).optional() }),
  response: z.object({ value: z.number(), host: z.string(), correlationId: z.string() }),
  errors: [],
});

export const failRpc = defineRpc({
  name: testRpcName('test.fail'),
  kind: 'call',
  request: z.object({ how: z.enum(['domain', 'crash']) }),
  errors: [NodeLockedError],
});

export const waitRpc = defineRpc({
  name: testRpcName('test.wait'),
  kind: 'call',
  request: z.object({ key: z.string() }),
  response: z.object({ key: z.string() }),
  errors: [],
});

export const noteRpc = defineRpc({
  name: testRpcName('test.note'),
  kind: 'cast',
  request: z.object({ text: z.string() }),
  errors: [],
});

export interface ConformanceSubject {
  transport: RpcTransport;
  /** A second transport on the same bus (another process, in cluster mode), or the same one. */
  peer: RpcTransport;
  /** Removes what the hosts left behind (queues); the suite passes every host it served. */
  cleanup(hosts: string[]): Promise<void>;
}

export interface Gate<T = void> {
  promise: Promise<T>;
  open(value: T): void;
}

/** A promise the test resolves from outside. */
export function gate<T = void>(): Gate<T> {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

export function describeRpcTransportConformance(label: string, create: () => Promise<ConformanceSubject>): void {
  describe(`RpcTransport conformance: ${label}`, () => {
    let subject: ConformanceSubject;
    let served: string[];
    let servers: RpcServer[];
    const gates = new Map<string, Gate>();
    const notes: string[] = [];
    let noteArrived: Gate;

    const host = (): string => `c-${randomUUID().slice(0, 8)}`;

    function handlers(): RpcHandlerMap {
      return new RpcHandlerMap()
        .on(conductorPing, async (_request, context) => ({ hostname: context.host, time: new Date().toISOString() }))
        .on(echoRpc, async (request, context) => {
          if (request.delayMs) await new Promise((resolve) => setTimeout(resolve, request.delayMs));
          return { value: request.value, host: context.host, correlationId: correlation.id() ?? 'none' };
        })
        .on(failRpc, async (request) => {
          if (request.how === 'domain') throw new NodeLockedError({ node: 'n-1', host: 'conductor-a' });
          throw new Error('SELECT * FROM secrets failed at /srv/slipway/db.ts:42');
        })
        .on(waitRpc, async (request) => {
          const opened = gate();
          gates.set(request.key, opened);
          await opened.promise;
          return { key: request.key };
        })
        .on(noteRpc, async (request) => {
          notes.push(request.text);
          noteArrived.open();
        });
    }

    async function serve(name = host()): Promise<string> {
      servers.push(await subject.transport.serve(name, handlers()));
      served.push(name);
      return name;
    }

    async function waitForGate(key: string): Promise<Gate> {
      for (let i = 0; i < 500 && !gates.has(key); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      const found = gates.get(key);
      if (!found) throw new Error(`handler for ${key} never started`);
      return found;
    }

    beforeEach(async () => {
      subject = await create();
      served = [];
      servers = [];
      gates.clear();
      notes.length = 0;
      noteArrived = gate();
    });

    afterEach(async () => {
      for (const opened of gates.values()) opened.open();
      await Promise.allSettled(servers.map((server) => server.close()));
      if (subject.peer !== subject.transport) await subject.peer.close();
      await subject.transport.close();
      await subject.cleanup(served);
    });

    it('answers a call with the handler result, the host it ran on and a valid response', async () => {
      const name = await serve();
      const pong = await subject.peer.call(name, conductorPing, {});
      expect(pong.hostname).toBe(name);
      expect(Number.isNaN(Date.parse(pong.time))).toBe(false);
    });

    it('routes each call to the host it names', async () => {
      const [a, b] = [await serve(), await serve()];
      const [fromA, fromB] = await Promise.all([subject.peer.call(a, echoRpc, { value: 1 }), subject.peer.call(b, echoRpc, { value: 2 })]);
      expect([fromA.host, fromA.value, fromB.host, fromB.value]).toEqual([a, 1, b, 2]);
    });

    it('carries the caller correlation id into the handler context', async () => {
      const name = await serve();
      const reply = await correlation.run('corr-conformance-1', () => subject.peer.call(name, echoRpc, { value: 7 }));
      expect(reply.correlationId).toBe('corr-conformance-1');
    });

    it('rebuilds a domain error thrown by the handler as the same class with message and details', async () => {
      const name = await serve();
      const failure = await subject.peer.call(name, failRpc, { how: 'domain' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(NodeLockedError);
      expect(failure).toMatchObject({ code: 'NodeLocked', httpStatus: 409, details: { node: 'n-1', host: 'conductor-a' } });
      expect((failure as Error).message).toMatch(/n-1/);
    });

    it('turns an unexpected handler error into a generic InternalError without its internals', async () => {
      const name = await serve();
      const failure = await subject.peer.call(name, failRpc, { how: 'crash' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InternalError);
      expect((failure as Error).message).not.toMatch(/SELECT|secrets|\/srv/);
    });

    it('rejects a request that fails the contract schema with InvalidParameterValueError, before the handler', async () => {
      const name = await serve();
      const bad = { value: 'not a number' } as unknown as { value: number };
      const failure = await subject.peer.call(name, echoRpc, bad).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect((failure as InvalidParameterValueError).details).toMatchObject({ method: 'test.echo' });
    });

    it('rejects a request whose major version the server does not speak', async () => {
      const name = await serve();
      const echoV2 = defineRpc({ ...echoRpc, version: '2.0' });
      const failure = await subject.peer.call(name, echoV2, { value: 1 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect((failure as Error).message).toMatch(/version 2\.0/);
      // A newer minor of the same major is accepted.
      await expect(subject.peer.call(name, defineRpc({ ...echoRpc, version: '1.7' }), { value: 1 })).resolves.toMatchObject({ value: 1 });
    });

    it('fails a call fast, naming the host, when nobody serves that host', async () => {
      const missing = host();
      // The timeout is long on purpose: only a fast failure says "no RPC queue"; a timeout would say "no answer".
      const failure = await subject.peer.call(missing, conductorPing, {}, { timeoutMs: 20_000 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConductorUnavailableError);
      expect(failure).toMatchObject({ retryable: true, httpStatus: 503 });
      expect((failure as Error).message).toContain(missing);
      expect((failure as Error).message).toMatch(/no RPC queue/);
    });

    it('times out a call the handler does not answer in time, with a retryable error naming host, method and timeout', async () => {
      const name = await serve();
      const failure = await subject.peer.call(name, waitRpc, { key: 'never' }, { timeoutMs: 300 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConductorUnavailableError);
      expect(failure).toMatchObject({ retryable: true });
      expect((failure as Error).message).toContain(name);
      expect((failure as Error).message).toMatch(/test\.wait within 300 ms/);
    });

    it('answers 200 concurrent calls, each with its own result', async () => {
      const name = await serve();
      const values = Array.from({ length: 200 }, (_, i) => i);
      const replies = await Promise.all(values.map((value) => subject.peer.call(name, echoRpc, { value, delayMs: value % 7 })));
      expect(replies.map((reply) => reply.value)).toEqual(values);
    });

    it('delivers a cast to the handler', async () => {
      const name = await serve();
      await subject.peer.cast(name, noteRpc, { text: 'hello' });
      await noteArrived.promise;
      expect(notes).toEqual(['hello']);
    });

    it('fails a cast to a host nobody serves', async () => {
      await expect(subject.peer.cast(host(), noteRpc, { text: 'lost' })).rejects.toBeInstanceOf(ConductorUnavailableError);
    });

    it('refuses to call a cast contract and to cast a call contract', async () => {
      const name = await serve();
      const asCall = noteRpc as unknown as typeof echoRpc;
      const asCast = echoRpc as unknown as typeof noteRpc;
      await expect(subject.peer.call(name, asCall, { value: 1 })).rejects.toThrow(/is a cast/);
      await expect(subject.peer.cast(name, asCast, { text: 'x' })).rejects.toThrow(/is a call/);
    });

    it('lets running handlers answer when their server closes', async () => {
      const name = await serve();
      const pending = subject.peer.call(name, waitRpc, { key: 'closing' });
      const started = await waitForGate('closing');
      const closed = servers[0].close();
      started.open();
      await closed;
      await expect(pending).resolves.toEqual({ key: 'closing' });
    });

    it('broadcasts an event to every subscriber, and not to one that unsubscribed', async () => {
      const seen: string[] = [];
      const both = gate();
      const record =
        (who: string) =>
        (event: string, payload: unknown): void => {
          seen.push(`${who}:${event}:${JSON.stringify(payload)}`);
          if (seen.length === 2) both.open();
        };
      await subject.transport.onBroadcast(record('a'));
      const unsubscribeB = await subject.peer.onBroadcast(record('b'));
      await subject.transport.broadcast('ring-changed', { version: 1 });
      await both.promise;
      expect(seen.sort()).toEqual(['a:ring-changed:{"version":1}', 'b:ring-changed:{"version":1}']);

      await unsubscribeB();
      const onlyA = gate();
      await subject.transport.onBroadcast(() => onlyA.open());
      await subject.peer.broadcast('ring-changed', { version: 2 });
      await onlyA.promise;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.filter((line) => line.startsWith('b:'))).toHaveLength(1);
    });

    it('is ready while open and not after close', async () => {
      await expect(subject.transport.ping()).resolves.toBeUndefined();
      await subject.transport.close();
      await expect(subject.transport.ping()).rejects.toThrow();
    });
  });
}
