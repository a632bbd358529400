import { expectedErrors } from './__fixtures__/error-catalogue.fixture';
import {
  DomainError,
  InvalidStateRequestedError,
  MethodNotAllowedError,
  NodeLockedError,
  NodeNotFoundError,
  NoValidHostError,
  NotAuthorizedError,
  NotFoundError,
  registeredDomainErrors,
} from './index';

describe('DomainError classes', () => {
  it.each(expectedErrors.map((e) => [e.code, e] as const))('%s has its code, status and retryability', (_code, expected) => {
    const { error } = expected;
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(expected.code);
    expect(error.httpStatus).toBe(expected.status);
    expect(error.retryable).toBe(expected.retryable);
    expect(error.name).toBe(error.constructor.name);
    expect(error.name).toMatch(/Error$/);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.stack).toContain(error.name);
  });

  it('covers every registered class in the expectations above', () => {
    const tested = new Set(expectedErrors.map((e) => e.error.constructor));
    const untested = registeredDomainErrors().filter((cls) => !tested.has(cls as unknown as DomainError['constructor']));
    expect(untested.map((cls) => cls.name)).toEqual([]);
  });

  it('gives every class its own code', () => {
    const codes = expectedErrors.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps the NodeLocked wording of Ironic, its parameters, and a Retry-After header', () => {
    const err = new NodeLockedError({ node: 'n1', host: 'conductor-2' });
    expect(err.message).toBe('Node n1 is locked by host conductor-2, please retry after the current operation is completed.');
    expect(err.details).toEqual({ node: 'n1', host: 'conductor-2' });
    expect(err.headers()).toEqual({ 'Retry-After': '2' });
  });

  it('formats messages from typed parameters', () => {
    expect(new NodeNotFoundError({ node: 'abc' }).message).toBe('Node abc could not be found.');
    expect(new InvalidStateRequestedError({ action: 'deploy', node: 'n1', state: 'enroll' }).message).toBe(
      'The requested action "deploy" can not be performed on node "n1" while it is in state "enroll".',
    );
  });

  it('freezes details', () => {
    const err = new NodeNotFoundError({ node: 'abc' });
    expect(Object.isFrozen(err.details)).toBe(true);
  });

  it('keeps subclasses in their Ironic family', () => {
    expect(new NodeNotFoundError({ node: 'x' })).toBeInstanceOf(NotFoundError);
    expect(new NoValidHostError({ reason: 'r' })).toBeInstanceOf(NotFoundError);
  });

  it('turns NoValidHost into a 400 for node endpoints without changing the message', () => {
    const notFound = new NoValidHostError({ reason: 'no conductor for fake-hardware' });
    const badRequest = notFound.asBadRequest();
    expect(notFound.httpStatus).toBe(404);
    expect(badRequest.httpStatus).toBe(400);
    expect(badRequest).toBeInstanceOf(NoValidHostError);
    expect(badRequest.message).toBe(notFound.message);
    expect(badRequest.details).toEqual({ reason: 'no conductor for fake-hardware', badRequest: true });
  });

  it('adds the headers HTTP requires for 401 and 405', () => {
    expect(new NotAuthorizedError().headers()).toEqual({ 'WWW-Authenticate': 'Basic realm="Baremetal API"' });
    expect(new MethodNotAllowedError({ method: 'PATCH', allowed: ['GET', 'HEAD'] }).headers()).toEqual({ Allow: 'GET, HEAD' });
    expect(new MethodNotAllowedError({ method: 'PATCH' }).headers()).toEqual({});
    expect(new NodeNotFoundError({ node: 'x' }).headers()).toEqual({});
  });
});
