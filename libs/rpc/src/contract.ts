// An RPC contract is defined once and imported by both sides: the caller gets the request and
// response types from it, the server validates requests with its schema before a handler runs.
import type { DomainErrorClass } from '@slipway/errors';
import type { z } from 'zod';
import { RPC_NAME_PATTERN, RpcName } from './rpc-names';

/** `call` waits for a reply; `cast` is fire-and-forget (the broker confirmed it, nothing more). */
export type RpcKind = 'call' | 'cast';

/** `<major>.<minor>`. A server rejects a request whose major it does not speak; minors are additive. */
export type RpcVersion = `${number}.${number}`;

export interface RpcContract<Req, Res, K extends RpcKind = RpcKind> {
  readonly name: RpcName;
  readonly kind: K;
  readonly version: RpcVersion;
  readonly request: z.ZodType<Req>;
  /** Checked on the server before the reply leaves, so a handler bug never reaches a caller as data. */
  readonly response: z.ZodType<Res> | undefined;
  /** The domain errors a handler may throw; the server logs a warning for any other. */
  readonly errors: readonly DomainErrorClass[];
  /** Default call timeout for this method; a per-call option overrides it. */
  readonly timeoutMs: number | undefined;
}

export interface RpcDefinition<Req, Res, K extends RpcKind> {
  name: RpcName;
  kind: K;
  request: z.ZodType<Req>;
  response?: z.ZodType<Res>;
  errors: readonly DomainErrorClass[];
  /** Defaults to `1.0`. */
  version?: RpcVersion;
  timeoutMs?: number;
}

// `unknown` in both positions accepts every contract: zod schemas are covariant in their output.
export type AnyRpcContract = RpcContract<unknown, unknown>;
export type RpcCallContract<Req = unknown, Res = unknown> = RpcContract<Req, Res, 'call'>;
export type RpcCastContract<Req = unknown> = RpcContract<Req, void, 'cast'>;
export type RpcRequestOf<C> = C extends RpcContract<infer Req, unknown> ? Req : never;
export type RpcResponseOf<C> = C extends RpcContract<unknown, infer Res> ? Res : never;

export const DEFAULT_RPC_VERSION: RpcVersion = '1.0';
const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

export function defineRpc<Req, Res = void, K extends RpcKind = 'call'>(definition: RpcDefinition<Req, Res, K>): RpcContract<Req, Res, K> {
  const { name, kind, request, response, errors, version = DEFAULT_RPC_VERSION, timeoutMs } = definition;
  if (!RPC_NAME_PATTERN.test(name)) throw new TypeError(`RPC name "${name}" must be dotted lower-case segments`);
  if (kind !== 'call' && kind !== 'cast') throw new TypeError(`RPC ${name}: kind must be "call" or "cast"`);
  if (kind === 'cast' && response !== undefined) throw new TypeError(`RPC ${name}: a cast has no response schema`);
  if (!VERSION_PATTERN.test(version)) throw new TypeError(`RPC ${name}: version "${version}" must be <major>.<minor>`);
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`RPC ${name}: timeoutMs must be a positive number`);
  }
  return Object.freeze({ name, kind, version, request, response, errors: Object.freeze([...errors]), timeoutMs });
}

/** The major of a `<major>.<minor>` string, or undefined when it is not one. */
export function rpcMajorVersion(version: unknown): number | undefined {
  if (typeof version !== 'string') return undefined;
  const match = VERSION_PATTERN.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** Guards against calling a cast contract (or casting a call) through an untyped path. */
export function assertContractKind(contract: Pick<AnyRpcContract, 'name' | 'kind'>, used: RpcKind): void {
  if (contract.kind !== used) throw new TypeError(`RPC ${contract.name} is a ${contract.kind}; use ${contract.kind}(), not ${used}()`);
}
