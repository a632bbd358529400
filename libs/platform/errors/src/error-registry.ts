import * as access from './access.error';
import * as conflict from './conflict.error';
import { DomainError, isDomainErrorClass, restoreDomainError, type DomainErrorClass, type WireError } from './domain-error';
import * as failure from './failure.error';
import * as internal from './internal.error';
import * as invalid from './invalid.error';
import * as notFound from './not-found.error';
import { RemoteError } from './remote.error';
import * as request from './request.error';
import * as temporaryFailure from './temporary-failure.error';

const registry = new Map<string, DomainErrorClass>();

/**
 * Makes error classes rebuildable from the wire. The built-in tree registers itself; a lib with
 * its own DomainError subclasses registers them once at load. A code is owned by one class.
 */
export function registerDomainErrors(...classes: DomainErrorClass[]): void {
  for (const cls of classes) {
    const existing = registry.get(cls.code);
    if (existing !== undefined && existing !== cls) {
      throw new TypeError(`Error code ${cls.code} is already registered by ${existing.name}; ${cls.name} cannot reuse it.`);
    }
    registry.set(cls.code, cls);
  }
}

/** Every registered class, for tests and docs. */
export function registeredDomainErrors(): DomainErrorClass[] {
  return [...registry.values()];
}

// Every exported class of the family files, so a new class cannot be forgotten here.
for (const family of [notFound, invalid, conflict, temporaryFailure, access, request, internal, failure]) {
  registerDomainErrors(...Object.values(family).filter(isDomainErrorClass));
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const { type, message, details } = value as Record<string, unknown>;
  return (
    typeof type === 'string' &&
    typeof message === 'string' &&
    (details === undefined || (typeof details === 'object' && details !== null && !Array.isArray(details)))
  );
}

/**
 * Rebuilds the error a peer sent: the registered class for `type` (same code, message, details,
 * status and retryability), else a RemoteError that keeps the type and message.
 */
export function errorFromWire(wire: WireError): DomainError {
  if (!isWireError(wire)) {
    return new RemoteError({ type: 'Unknown', message: 'A peer sent an error in an unknown format.' });
  }
  const details = wire.details ?? {};
  const cls = registry.get(wire.type);
  if (cls === undefined) return new RemoteError({ type: wire.type, message: wire.message, details });
  return restoreDomainError(cls, wire.message, details);
}

/**
 * The DomainError to report for anything thrown. Other errors become an InternalError with a
 * generic message: their text may hold SQL, paths or addresses, which clients must not see. The
 * original stays as `cause` for logs.
 */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  return new internal.InternalError(undefined, {}, { cause: err });
}
