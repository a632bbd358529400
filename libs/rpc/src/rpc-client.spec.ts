import { conductorPing } from './contracts/conductor-ping.contract';
import { RpcClient } from './rpc-client';
import { noteRpc } from './rpc-transport.conformance';
import { RpcTransport } from './rpc-transport';

/** A transport that fails on any call the test did not plan. */
function strictTransport(planned: Partial<RpcTransport>): RpcTransport {
  return new Proxy(planned as RpcTransport, {
    get(target, key) {
      if (key in target) return target[key as keyof RpcTransport];
      throw new Error(`unexpected transport call: ${String(key)}`);
    },
  });
}

describe('RpcClient', () => {
  it('passes a call with its options to the transport and returns the typed result', async () => {
    const call = jest.fn().mockResolvedValue({ hostname: 'c1', time: '2024-01-01T00:00:00Z' });
    const client = new RpcClient(strictTransport({ call }));
    const pong = await client.call('c1', conductorPing, {}, { timeoutMs: 10 });
    expect(pong.hostname).toBe('c1');
    expect(call).toHaveBeenCalledWith('c1', conductorPing, {}, { timeoutMs: 10 });
  });

  it('passes a cast to the transport', async () => {
    const cast = jest.fn().mockResolvedValue(undefined);
    await new RpcClient(strictTransport({ cast })).cast('c1', noteRpc, { text: 'x' });
    expect(cast).toHaveBeenCalledWith('c1', noteRpc, { text: 'x' });
  });
});
