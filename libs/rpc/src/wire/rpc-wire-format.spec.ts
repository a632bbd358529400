import { InternalError, NodeLockedError, RemoteError } from '@slipway/errors';
import { encodeJson, encodeReply, errorReply, readReply } from './rpc-wire-format';

describe('RPC wire format', () => {
  it('returns the result of an ok reply', () => {
    expect(readReply(encodeReply({ ok: true, result: { a: 1 } }))).toEqual({ a: 1 });
    expect(readReply(encodeReply({ ok: true }))).toBeUndefined();
  });

  it('throws the same DomainError class that the server sent', () => {
    const body = encodeReply(errorReply(new NodeLockedError({ node: 'n1', host: 'c1' })));
    expect(JSON.parse(body.toString())).toEqual({ ok: false, error: { type: 'NodeLocked', message: expect.any(String), details: { node: 'n1', host: 'c1' } } });
    expect(() => readReply(body)).toThrow(NodeLockedError);
  });

  it('keeps an error type this process does not know as a RemoteError', () => {
    const body = Buffer.from(JSON.stringify({ ok: false, error: { type: 'FromTheFuture', message: 'new' } }));
    expect(() => readReply(body)).toThrow(RemoteError);
  });

  it.each([['not json'], ['{"ok":"yes"}'], ['{"ok":false,"error":{"type":1}}'], ['null']])('treats the malformed reply %s as an internal error', (text) => {
    expect(() => readReply(Buffer.from(text))).toThrow(InternalError);
  });

  it('turns a result that cannot be serialised into an internal-error reply', () => {
    const body = encodeReply({ ok: true, result: { big: BigInt(1) } });
    expect(() => readReply(body)).toThrow(InternalError);
  });

  it('names what could not be serialised', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => encodeJson(circular, 'request for test.echo')).toThrow(/request for test\.echo is not JSON-serialisable/);
  });
});
