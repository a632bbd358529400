import { NodeLockedError } from '@slipway/errors';
import { z } from 'zod';
import { RpcCallContract, RpcRequestOf, RpcResponseOf, assertContractKind, defineRpc, rpcMajorVersion } from './contract';
import { conductorPing } from './contracts/conductor-ping.contract';
import { RpcName } from './rpc-names';

const name = (value: string): RpcName => value as RpcName;

describe('defineRpc', () => {
  it('keeps name, kind, schemas and errors, with version 1.0 by default', () => {
    const contract = defineRpc({
      name: name('conductor.node.set-power-state'),
      kind: 'call',
      request: z.object({ node: z.string() }),
      response: z.object({ ok: z.boolean() }),
      errors: [NodeLockedError],
    });
    expect(contract).toMatchObject({ name: 'conductor.node.set-power-state', kind: 'call', version: '1.0', errors: [NodeLockedError] });
    expect(contract.request.parse({ node: 'n1' })).toEqual({ node: 'n1' });
    expect(Object.isFrozen(contract)).toBe(true);
  });

  it('infers the request and response types from the schemas', () => {
    type Req = RpcRequestOf<typeof conductorPing>;
    type Res = RpcResponseOf<typeof conductorPing>;
    const request: Req = {};
    const response: Res = { hostname: 'c1', time: '2024-01-01T00:00:00Z' };
    // @ts-expect-error: a response needs a hostname
    const incomplete: Res = { time: '2024-01-01T00:00:00Z' };
    expect([request, response, incomplete]).toHaveLength(3);
  });

  it('also takes the request and response types as explicit type arguments', () => {
    const explicit = defineRpc<{ node: string }, { ok: boolean }>({
      name: name('conductor.node.check'),
      kind: 'call',
      request: z.object({ node: z.string() }),
      response: z.object({ ok: z.boolean() }),
      errors: [],
    });
    const usableForCalls: RpcCallContract<{ node: string }, { ok: boolean }> = explicit;
    expect(usableForCalls.kind).toBe('call');
  });

  it.each([
    ['not dotted', { name: name('ping') }, /dotted/],
    ['upper case', { name: name('Conductor.Ping') }, /dotted/],
    ['bad version', { version: 'v1' as `${number}.${number}` }, /version/],
    ['zero timeout', { timeoutMs: 0 }, /timeoutMs/],
  ])('rejects a definition with %s', (_label, override, message) => {
    expect(() => defineRpc({ name: name('conductor.ping'), kind: 'call', request: z.object({}), errors: [], ...override })).toThrow(message);
  });

  it('rejects a cast with a response schema', () => {
    expect(() => defineRpc({ name: name('conductor.note'), kind: 'cast', request: z.object({}), response: z.object({}), errors: [] })).toThrow(
      /cast has no response/,
    );
  });
});

describe('rpcMajorVersion', () => {
  it.each([
    ['1.0', 1],
    ['12.3', 12],
    ['1', undefined],
    ['1.x', undefined],
    [undefined, undefined],
    [2, undefined],
  ])('reads %p as %p', (version, major) => {
    expect(rpcMajorVersion(version)).toBe(major);
  });
});

describe('assertContractKind', () => {
  it('accepts the matching kind and names the right method otherwise', () => {
    expect(() => assertContractKind(conductorPing, 'call')).not.toThrow();
    expect(() => assertContractKind(conductorPing, 'cast')).toThrow('RPC conductor.ping is a call; use call(), not cast()');
  });
});
