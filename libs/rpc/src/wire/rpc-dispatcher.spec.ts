import { ConflictError, InternalError, InvalidParameterValueError, NodeLockedError, NotFoundError, type WireError } from '@slipway/errors';
import { correlation, type Logger } from '@slipway/logging';
import { z } from 'zod';
import { defineRpc } from '../contract';
import { RpcHandlerContext, RpcHandlerMap } from '../rpc-handler-map';
import { testRpcName } from '../rpc-transport.conformance';
import { RpcDispatcher } from './rpc-dispatcher';
import { IncomingRpcRequest, RpcReply } from './rpc-wire-format';

const lookup = defineRpc({
  name: testRpcName('test.lookup'),
  kind: 'call',
  request: z.object({ id: z.string() }),
  response: z.object({ id: z.string(), size: z.number() }),
  errors: [ConflictError],
});

/** Records log calls; any level not listed here fails the test. */
function fakeLogger(): { log: Logger; lines: { level: string; fields: Record<string, unknown>; msg: string }[] } {
  const lines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => lines.push({ level, fields, msg });
  const log = new Proxy({ warn: at('warn'), error: at('error') } as Record<string, unknown>, {
    get(target, key) {
      if (key in target) return target[key as string];
      throw new Error(`unexpected logger call: ${String(key)}`);
    },
  });
  return { log: log as unknown as Logger, lines };
}

function request(overrides: Partial<IncomingRpcRequest> = {}): IncomingRpcRequest {
  return { method: 'test.lookup', version: '1.0', correlationId: 'req-1', body: Buffer.from('{"id":"n1"}'), ...overrides };
}

function errorOf(reply: RpcReply): WireError {
  if (reply.ok) throw new Error(`expected an error reply, got ${JSON.stringify(reply)}`);
  return reply.error;
}

describe('RpcDispatcher', () => {
  let handled: { request: unknown; context: RpcHandlerContext; correlationId: string | undefined }[];
  let result: () => Promise<unknown>;
  let logger: ReturnType<typeof fakeLogger>;
  let dispatcher: RpcDispatcher;

  beforeEach(() => {
    handled = [];
    result = async () => ({ id: 'n1', size: 3 });
    logger = fakeLogger();
    const handlers = new RpcHandlerMap().on(lookup, async (req, context) => {
      handled.push({ request: req, context, correlationId: correlation.id() });
      return (await result()) as { id: string; size: number };
    });
    dispatcher = new RpcDispatcher('c1', handlers, logger.log);
  });

  it('runs the handler with the parsed request, its context, and the caller correlation id active', async () => {
    const reply = await dispatcher.dispatch(request({ body: Buffer.from('{"id":"n1","extra":true}') }));
    expect(reply).toEqual({ ok: true, result: { id: 'n1', size: 3 } });
    expect(handled).toEqual([
      { request: { id: 'n1' }, context: { host: 'c1', method: 'test.lookup', correlationId: 'req-1', version: '1.0' }, correlationId: 'req-1' },
    ]);
    expect(logger.lines).toEqual([]);
  });

  it('starts a fresh correlation id when the caller sent none', async () => {
    await dispatcher.dispatch(request({ correlationId: undefined }));
    expect(handled[0]?.correlationId).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(handled[0]?.context.correlationId).toBe(handled[0]?.correlationId);
  });

  it.each([
    ['an unknown method', { method: 'test.unknown' }, /no handler for method test\.unknown/],
    ['no method', { method: undefined }, /no handler for method <none>/],
    ['no version', { version: undefined }, /missing or malformed version/],
    ['another major version', { version: '2.0' }, /version 2\.0 is not supported; host c1 speaks 1\.0/],
    ['a body that is not JSON', { body: Buffer.from('{"id":') }, /not valid JSON/],
    ['a body that fails the schema', { body: Buffer.from('{"id":7}') }, /does not match its schema/],
  ])('answers %s with InvalidParameterValue, without running the handler', async (_label, overrides, message) => {
    const error = errorOf(await dispatcher.dispatch(request(overrides)));
    expect(error.type).toBe(InvalidParameterValueError.code);
    expect(error.message).toMatch(message);
    expect(handled).toEqual([]);
    expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('lists the schema problems in the error details', async () => {
    const error = errorOf(await dispatcher.dispatch(request({ body: Buffer.from('{}') })));
    expect(error.details).toMatchObject({ method: 'test.lookup', issues: [{ path: ['id'], message: expect.any(String) }] });
  });

  it('sends a declared domain error as it is, without logging it', async () => {
    result = async () => {
      throw new NodeLockedError({ node: 'n1', host: 'c2' });
    };
    const error = errorOf(await dispatcher.dispatch(request()));
    expect(error).toEqual(new NodeLockedError({ node: 'n1', host: 'c2' }).toWire());
    expect(logger.lines).toEqual([]);
  });

  it('sends an undeclared domain error too, but warns that the contract is missing it', async () => {
    result = async () => {
      throw new NotFoundError();
    };
    expect(errorOf(await dispatcher.dispatch(request())).type).toBe(NotFoundError.code);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/does not declare/) })]);
  });

  it('hides an unexpected error behind a generic InternalError and logs the original', async () => {
    const crash = new Error('connection to 10.0.0.5:5432 refused');
    result = async () => {
      throw crash;
    };
    const error = errorOf(await dispatcher.dispatch(request()));
    expect(error.type).toBe(InternalError.code);
    expect(JSON.stringify(error)).not.toContain('10.0.0.5');
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', fields: expect.objectContaining({ err: crash }) })]);
  });

  it('refuses to send a result that breaks the response schema', async () => {
    result = async () => ({ id: 'n1', size: 'big' });
    expect(errorOf(await dispatcher.dispatch(request())).type).toBe(InternalError.code);
    expect(logger.lines.map((line) => line.level)).toEqual(['error']);
  });
});
