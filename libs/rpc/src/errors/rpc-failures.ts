// The errors both transports raise for a call that did not reach a handler or got no answer.
// One place builds them so both transports say the same thing. ConductorUnavailableError is
// retryable (503): the caller may try again, or another host once the hash ring has moved on.
import { ConductorUnavailableError, InvalidParameterValueError } from '@slipway/errors';

export function conductorNotServing(host: string, method: string): ConductorUnavailableError {
  return new ConductorUnavailableError({ conductor: host, reason: `no RPC queue or server for this host (${method})` });
}

export function conductorTimedOut(host: string, method: string, timeoutMs: number): ConductorUnavailableError {
  return new ConductorUnavailableError({ conductor: host, reason: `no answer to ${method} within ${timeoutMs} ms` });
}

export function conductorStoppedBeforeAnswering(host: string, method: string): ConductorUnavailableError {
  return new ConductorUnavailableError({
    conductor: host,
    reason: `the conductor stopped serving RPC before it answered ${method}; it may or may not have carried it out`,
  });
}

export function brokerConnectionLost(host: string, method: string): ConductorUnavailableError {
  return new ConductorUnavailableError({ conductor: host, reason: `the connection to the broker was lost during ${method}` });
}

export function brokerNotConnected(host: string, method: string, timeoutMs: number): ConductorUnavailableError {
  return new ConductorUnavailableError({
    conductor: host,
    reason: `not connected to the broker within ${timeoutMs} ms, so ${method} was not sent`,
  });
}

export function transportClosed(host: string, method: string): ConductorUnavailableError {
  return new ConductorUnavailableError({ conductor: host, reason: `the RPC transport is closed, so ${method} was not sent` });
}

export function conductorShuttingDown(host: string): ConductorUnavailableError {
  return new ConductorUnavailableError({ conductor: host, reason: 'the conductor is shutting down; retry, and the call goes to its successor' });
}

export function invalidRpcRequest(method: string, problem: string, details: Record<string, unknown> = {}): InvalidParameterValueError {
  return new InvalidParameterValueError(`Invalid RPC request ${method}: ${problem}`, { method, ...details });
}
