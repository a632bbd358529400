import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { JsonObject } from '@slipway/db';

// The one-time token a deploy ramdisk receives at lookup and sends with every heartbeat (Ironic
// 1.62+). It is kept in driver_internal_info under Ironic's key, which the api masks in output.

export const AGENT_TOKEN_KEY = 'agent_secret_token';
/** What a second lookup gets instead of the token: the token is handed out once. */
export const MASKED_TOKEN = '******';

export function hasAgentToken(driverInternalInfo: JsonObject): boolean {
  const token = driverInternalInfo[AGENT_TOKEN_KEY];
  return typeof token === 'string' && token !== '';
}

/** 256 random bits, URL-safe, like Python's secrets.token_urlsafe(). */
export function newAgentToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `token` is the node's token (compared in constant time). */
export function isAgentTokenValid(driverInternalInfo: JsonObject, token: string | undefined): boolean {
  const known = driverInternalInfo[AGENT_TOKEN_KEY];
  if (typeof known !== 'string' || known === '' || token === undefined) return false;
  const a = Buffer.from(known);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
