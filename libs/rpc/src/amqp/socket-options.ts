// Reads back the options Node actually applied to a socket. Node keeps them in symbol-keyed
// fields (no public getter), so this is best-effort: undefined when a Node version renames them.
import type { Socket } from 'node:net';

export interface EffectiveSocketOptions {
  noDelay: boolean | undefined;
  keepAlive: boolean | undefined;
}

export function readSocketOptions(socket: Socket): EffectiveSocketOptions {
  return { noDelay: readFlag(socket, 'kSetNoDelay'), keepAlive: readFlag(socket, 'kSetKeepAlive') };
}

function readFlag(socket: Socket, description: string): boolean | undefined {
  const key = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === description);
  const value: unknown = key === undefined ? undefined : (socket as unknown as Record<symbol, unknown>)[key];
  return typeof value === 'boolean' ? value : undefined;
}
