import { ConductorUnavailableError } from '@slipway/errors';
import { conductorPing } from '../contracts/conductor-ping.contract';
import { RpcHandlerMap } from '../rpc-handler-map';
import { ManualTimer } from '../testing/manual-timer';
import { describeRpcTransportConformance, gate, waitRpc } from '../rpc-transport.conformance';
import { InProcessRpcTransport } from './in-process-rpc.transport';

describeRpcTransportConformance('in-process', async () => {
  const transport = new InProcessRpcTransport();
  return { transport, peer: transport, cleanup: async () => undefined };
});


describe('InProcessRpcTransport', () => {
  it('times out by the injected clock, using the contract default when the call sets none', async () => {
    const timer = new ManualTimer();
    const transport = new InProcessRpcTransport({ timer });
    const never = gate();
    await transport.serve('c1', new RpcHandlerMap().on(conductorPing, async () => {
      await never.promise;
      return { hostname: 'c1', time: new Date().toISOString() };
    }));

    const pending = transport.call('c1', conductorPing, {}).catch((error: unknown) => error);
    timer.advance(4_999);
    timer.advance(1);
    const failure = await pending;
    expect(failure).toBeInstanceOf(ConductorUnavailableError);
    expect((failure as Error).message).toMatch(/c1.*conductor\.ping within 5000 ms/);
    never.open();
    await transport.close();
  });

  it('cancels the timeout once the reply arrives', async () => {
    const timer = new ManualTimer();
    const transport = new InProcessRpcTransport({ timer });
    await transport.serve('c1', new RpcHandlerMap().on(conductorPing, async () => ({ hostname: 'c1', time: new Date().toISOString() })));
    await transport.call('c1', conductorPing, {}, { timeoutMs: 1_000 });
    expect(timer.scheduled).toBe(0);
    await transport.close();
  });

  it('lets a per-call timeout override the contract default', async () => {
    const timer = new ManualTimer();
    const transport = new InProcessRpcTransport({ timer, defaultTimeoutMs: 60_000 });
    const never = gate();
    await transport.serve('c1', new RpcHandlerMap().on(waitRpc, async (request) => {
      await never.promise;
      return request;
    }));
    const pending = transport.call('c1', waitRpc, { key: 'k' }, { timeoutMs: 50 }).catch((error: unknown) => error);
    timer.advance(50);
    expect((await pending) as Error).toBeInstanceOf(ConductorUnavailableError);
    never.open();
    await transport.close();
  });

  it('refuses a second server for the same host, and fails fast once the server is closed', async () => {
    const transport = new InProcessRpcTransport();
    const handlers = new RpcHandlerMap().on(conductorPing, async () => ({ hostname: 'c1', time: new Date().toISOString() }));
    const server = await transport.serve('c1', handlers);
    await expect(transport.serve('c1', handlers)).rejects.toThrow(/already served/);
    await server.close();
    await expect(transport.call('c1', conductorPing, {})).rejects.toBeInstanceOf(ConductorUnavailableError);
    await transport.serve('c1', handlers);
    await expect(transport.call('c1', conductorPing, {})).resolves.toMatchObject({ hostname: 'c1' });
    await transport.close();
  });

  it('rejects a host name that cannot be a routing key', async () => {
    const transport = new InProcessRpcTransport();
    await expect(transport.call('conductor.*', conductorPing, {})).rejects.toThrow(/invalid conductor host name/);
    await transport.close();
  });

  it('runs the handler on a later turn, not inside the caller', async () => {
    const transport = new InProcessRpcTransport();
    let ran = false;
    await transport.serve('c1', new RpcHandlerMap().on(conductorPing, async () => {
      ran = true;
      return { hostname: 'c1', time: new Date().toISOString() };
    }));
    const pending = transport.call('c1', conductorPing, {});
    expect(ran).toBe(false);
    await pending;
    expect(ran).toBe(true);
    await transport.close();
  });

  it('passes payloads through JSON, as a broker would', async () => {
    const transport = new InProcessRpcTransport();
    const received = gate<unknown>();
    await transport.onBroadcast((_event, payload) => received.open(payload));
    await transport.broadcast('e', { at: new Date('2024-01-02T03:04:05Z'), skip: undefined });
    expect(await received.promise).toEqual({ at: '2024-01-02T03:04:05.000Z' });
    await transport.close();
  });
});
