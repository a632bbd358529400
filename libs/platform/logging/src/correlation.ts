import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<string>();

/**
 * The correlation id of the work in progress. HTTP requests, RPC calls and jobs enter it with
 * `run`; everything awaited inside sees it, and every log line carries it.
 */
export const correlation = {
  run<T>(id: string, fn: () => T): T {
    return storage.run(id, fn);
  },
  id(): string | undefined {
    return storage.getStore();
  },
};

/** A new id in the form of OpenStack request ids (`req-<uuid>`), as X-OpenStack-Request-Id uses. */
export function newCorrelationId(): string {
  return `req-${randomUUID()}`;
}
