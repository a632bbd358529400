import IORedis, { Redis } from 'ioredis';
import { maskUrl } from '@slipway/config';
import type { Logger } from '@slipway/logging';
import { RedisUnavailableError } from '../bullmq/redis-unavailable.error';

/** The prefix of Slipway's Redis keys when SLIPWAY_REDIS_PREFIX is unset. */
export const DEFAULT_REDIS_PREFIX = 'slipway';

/**
 * A connection to Redis that fails fast, naming the URL without its password, when Redis is
 * unreachable. Once connected it reconnects with back-off, logging its errors on `log`, and its
 * commands wait for the connection to come back (BullMQ's blocking workers require that).
 */
export async function connectRedis(url: string, log: Logger): Promise<Redis> {
  // A failed first connection is final (no stray timer).
  let connectedOnce = false;
  const connection = new IORedis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    connectTimeout: 5000,
    retryStrategy: (attempt) => (connectedOnce ? Math.min(attempt * 200, 2000) : null),
  });
  connection.once('ready', () => (connectedOnce = true));
  // ioredis reports socket errors as events (unhandled ones print a stack): keep the last one,
  // which names the real cause (e.g. ECONNREFUSED) where `connect()` only says "closed".
  let lastSocketError: Error | undefined;
  connection.on('error', (error: Error) => {
    lastSocketError = error;
    if (connectedOnce) log.warn({ err: error, redis: maskUrl(url) }, 'Redis connection error');
  });
  try {
    await connection.connect();
    await connection.ping();
  } catch (error) {
    // Disconnecting an ended connection would arm ioredis's 2 s disconnect timer for nothing.
    if (connection.status !== 'end') connection.disconnect();
    throw new RedisUnavailableError(maskUrl(url), lastSocketError ?? error);
  }
  return connection;
}
