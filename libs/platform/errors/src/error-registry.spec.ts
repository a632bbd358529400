import { expectedErrors } from './__fixtures__/error-catalogue.fixture';
import {
  DomainError,
  errorFromWire,
  InternalError,
  NodeLockedError,
  NodeNotFoundError,
  NoValidHostError,
  RemoteError,
  registerDomainErrors,
  toDomainError,
  type DomainErrorClass,
  type WireError,
} from './index';

describe('errorFromWire', () => {
  it.each(expectedErrors.map((e) => [e.code, e.error] as const))('rebuilds %s from its wire form', (_code, error) => {
    const wire = JSON.parse(JSON.stringify(error.toWire())) as WireError;
    const rebuilt = errorFromWire(wire);
    expect(rebuilt).toBeInstanceOf(error.constructor);
    expect(rebuilt.constructor).toBe(error.constructor);
    expect(rebuilt.code).toBe(error.code);
    expect(rebuilt.name).toBe(error.name);
    expect(rebuilt.message).toBe(error.message);
    expect(rebuilt.details).toEqual(error.details);
    expect(rebuilt.httpStatus).toBe(error.httpStatus);
    expect(rebuilt.retryable).toBe(error.retryable);
    expect(rebuilt.headers()).toEqual(error.headers());
  });

  it('writes the code as the wire type and leaves out empty details', () => {
    expect(new NodeLockedError({ node: 'n1', host: 'h' }).toWire()).toEqual({
      type: 'NodeLocked',
      message: 'Node n1 is locked by host h, please retry after the current operation is completed.',
      details: { node: 'n1', host: 'h' },
    });
    expect(new InternalError().toWire()).toEqual({ type: 'InternalError', message: 'An internal error occurred.' });
  });

  it('keeps the 400 form of NoValidHost across the wire', () => {
    const rebuilt = errorFromWire(new NoValidHostError({ reason: 'r' }).asBadRequest().toWire());
    expect(rebuilt).toBeInstanceOf(NoValidHostError);
    expect(rebuilt.httpStatus).toBe(400);
  });

  it('turns an unknown type into a RemoteError that keeps type, message and details', () => {
    const rebuilt = errorFromWire({ type: 'FutureError', message: 'from a newer conductor', details: { a: 1 } });
    expect(rebuilt).toBeInstanceOf(RemoteError);
    expect(rebuilt.httpStatus).toBe(500);
    expect(rebuilt.retryable).toBe(false);
    expect(rebuilt.message).toBe('from a newer conductor');
    expect((rebuilt as RemoteError).remoteType).toBe('FutureError');
    expect(rebuilt.toWire()).toEqual({ type: 'FutureError', message: 'from a newer conductor', details: { a: 1 } });
  });

  it('does not trust a malformed wire error', () => {
    const rebuilt = errorFromWire({ type: 42, message: null } as unknown as WireError);
    expect(rebuilt).toBeInstanceOf(RemoteError);
    expect(rebuilt.message).toBe('A peer sent an error in an unknown format.');
  });
});

describe('registerDomainErrors', () => {
  class SiteDesignInvalidError extends DomainError {
    static override readonly code = 'SiteDesignInvalid';
    static override readonly httpStatus = 400;
    constructor(params: { design: string }) {
      super(`Site design ${params.design} is invalid.`, params);
    }
  }

  it('lets a lib add its own classes to the wire registry', () => {
    registerDomainErrors(SiteDesignInvalidError as unknown as DomainErrorClass);
    const rebuilt = errorFromWire(new SiteDesignInvalidError({ design: 'd1' }).toWire());
    expect(rebuilt).toBeInstanceOf(SiteDesignInvalidError);
    expect(rebuilt.httpStatus).toBe(400);
  });

  it('refuses a second class for a code already taken', () => {
    class FakeNodeLockedError extends NodeLockedError {}
    expect(() => registerDomainErrors(FakeNodeLockedError as unknown as DomainErrorClass)).toThrow(/NodeLocked is already registered/);
  });
});

describe('toDomainError', () => {
  it('returns a DomainError unchanged', () => {
    const err = new NodeNotFoundError({ node: 'x' });
    expect(toDomainError(err)).toBe(err);
  });

  it.each([
    ['an Error', new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')],
    ['a string', 'SELECT * FROM nodes failed'],
    ['an object', { sql: 'DELETE FROM nodes' }],
    ['undefined', undefined],
  ])('hides the text of %s behind a generic InternalError', (_what, thrown) => {
    const err = toDomainError(thrown);
    expect(err).toBeInstanceOf(InternalError);
    expect(err.httpStatus).toBe(500);
    expect(err.message).toBe('An internal error occurred.');
    expect(JSON.stringify(err.toWire())).not.toMatch(/ECONNREFUSED|hunter2|SELECT|DELETE/);
    expect(err.cause).toBe(thrown);
  });
});
