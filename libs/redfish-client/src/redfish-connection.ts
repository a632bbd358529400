import { type BmcAddress, parseBmcAddress } from './bmc-address';
import { type AuthType, type Credentials, RedfishAuth } from './redfish-auth';
import { httpError, RedfishConnectionError, RedfishHttpError, redfishMessageIds } from './redfish-errors';
import { type RawResponse, RedfishTransport, type TlsVerification, TransportFailure } from './redfish-transport';
import { RequestLimiter } from './request-limiter';
import { DEFAULT_RETRY_POLICY, nextRetry, type RetryPolicy } from './retry-policy';

export interface RedfishConnectionOptions {
  /** Ironic's redfish_address: a URL or a host[:port] (https by default). */
  address: string;
  credentials?: Credentials;
  /** Default `auto`. */
  authType?: AuthType;
  /** Default on. */
  verify?: TlsVerification;
  /** Default 30 s and 60 s (Ironic's connect_timeout and read_timeout). */
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Requests in flight to this BMC at once; default 1. Ignored when `limiter` is given. */
  maxInFlight?: number;
  /** A limiter shared with other connections to the same BMC (the pool passes one per BMC). */
  limiter?: RequestLimiter;
  closeConnections?: boolean;
  /** How retries wait; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
}

/** A successful answer: its status, its JSON body, and the ETag to send back on a write. */
export interface RedfishResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  etag?: string;
  headers: Readonly<Record<string, string | undefined>>;
}

/**
 * One BMC's Redfish service: authenticated requests with retries, at most `maxInFlight` at a
 * time. Paths are absolute (`/redfish/v1/Systems/1`, as `@odata.id` values are) or relative to
 * the service root. The service root itself is read without credentials, as sushy does.
 */
export class RedfishConnection {
  readonly address: BmcAddress;
  private readonly transport: RedfishTransport;
  private readonly limiter: RequestLimiter;
  private readonly auth: RedfishAuth;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private rootBody?: Promise<Record<string, unknown>>;
  private closing?: Promise<void>;

  constructor(options: RedfishConnectionOptions) {
    this.address = parseBmcAddress(options.address);
    this.transport = new RedfishTransport({
      verify: options.verify ?? true,
      connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
      readTimeoutMs: options.readTimeoutMs ?? 60_000,
      closeConnections: options.closeConnections ?? false,
    });
    this.limiter = options.limiter ?? new RequestLimiter(options.maxInFlight ?? 1);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.auth = new RedfishAuth(options.authType ?? 'auto', options.credentials, (method, url, headers, body) => this.exchange(method, url, headers, body), () => this.sessionsUrl());
  }

  /** The service root (cached), read without credentials. */
  root(): Promise<Record<string, unknown>> {
    this.rootBody ??= this.exchange('GET', this.url(''), {}).then((answer) => this.checked('GET', this.url(''), answer).body as Record<string, unknown>);
    this.rootBody.catch(() => (this.rootBody = undefined));
    return this.rootBody;
  }

  get<T = Record<string, unknown>>(path: string): Promise<RedfishResponse<T>> {
    return this.call<T>('GET', path);
  }

  /**
   * PATCH with `If-Match: etag` when one is given. A weak ETag answered 412 is tried again strong,
   * then without If-Match: some BMCs compare weak ETags strongly, or hand out ETags they do not
   * accept back (sushy does the same). A strong ETag answered 412 is a real conflict.
   */
  async patch<T = Record<string, unknown>>(path: string, body: unknown, etag?: string): Promise<RedfishResponse<T>> {
    const weak = etag?.match(/^W\/(".*")$/);
    const [first, ...fallbacks] = weak ? [etag, weak[1], undefined] : [etag];
    let match = first;
    for (;;) {
      try {
        return await this.call<T>('PATCH', path, body, match ? { 'if-match': match } : {});
      } catch (error) {
        if (!(error instanceof RedfishHttpError && error.status === 412) || fallbacks.length === 0) throw error;
        match = fallbacks.shift();
      }
    }
  }

  /** POST; `body` undefined sends no body at all (some actions want none, others `{}`). */
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<RedfishResponse<T>> {
    return this.call<T>('POST', path, body);
  }

  /** DELETE, with a JSON body when one is given (`@Redfish.OperationApplyTime`). */
  delete<T = Record<string, unknown>>(path: string, body?: unknown): Promise<RedfishResponse<T>> {
    return this.call<T>('DELETE', path, body);
  }

  /** Logs out and closes the connections; later requests fail. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.auth.close();
      await this.transport.close();
    })();
    return this.closing;
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  /** The limiter this connection's requests pass through (shared per BMC in a pool). */
  get requestLimiter(): RequestLimiter {
    return this.limiter;
  }

  /** An absolute URL for a path: absolute paths as they are, others below the service root. */
  url(path: string): string {
    return path.startsWith('/') ? `${this.address.origin}${path}` : `${this.address.origin}${this.address.rootPath}${path}`;
  }

  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RedfishResponse<T>> {
    const url = this.url(path);
    // A pool may close a connection someone still holds; say so rather than fail in undici.
    if (this.closed) throw new RedfishConnectionError(url, 'the connection was closed (logged out, or evicted from the connection pool)');
    const sent = await this.auth.headers();
    let answer = await this.exchange(method, url, { ...headers, ...sent }, body);
    // An expired session: log in again once and replay (sushy).
    if ((answer.status === 401 || answer.status === 403) && (await this.auth.refresh(sent))) {
      answer = await this.exchange(method, url, { ...headers, ...(await this.auth.headers()) }, body);
    }
    return this.checked<T>(method, url, answer);
  }

  /** One request with its retries, inside the BMC's request limit. */
  private exchange(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<RawResponse> {
    return this.limiter.run(async () => {
      for (let attempt = 1; ; attempt++) {
        let answer: RawResponse | undefined;
        let failure: TransportFailure | undefined;
        try {
          answer = await this.transport.send(method, url, headers, body);
        } catch (error) {
          if (!(error instanceof TransportFailure)) throw error;
          failure = error;
        }
        const outcome = answer
          ? { kind: 'status' as const, status: answer.status, retryAfter: answer.headers['retry-after'], messageIds: redfishMessageIds(answer.body) }
          : { kind: 'transport' as const };
        const retry = nextRetry(this.retry, method, outcome, attempt);
        if (!retry) {
          if (failure) throw new RedfishConnectionError(url, failure.message);
          return answer as RawResponse;
        }
        await this.sleep(retry.delayMs);
      }
    });
  }

  private checked<T>(method: string, url: string, answer: RawResponse): RedfishResponse<T> {
    if (answer.status >= 400) throw httpError(method, url, answer.status, answer.body);
    return { status: answer.status, body: (answer.body ?? {}) as T, etag: answer.headers['etag'], headers: answer.headers };
  }

  /** The Sessions collection: the root's Links.Sessions, else SessionService/Sessions. */
  private async sessionsUrl(): Promise<string> {
    const root = await this.root();
    const links = root['Links'] as { Sessions?: { '@odata.id'?: string } } | undefined;
    const fromLinks = links?.Sessions?.['@odata.id'];
    if (fromLinks) return this.url(fromLinks);
    const service = (root['SessionService'] as { '@odata.id'?: string } | undefined)?.['@odata.id'];
    return this.url(service ? `${service.replace(/\/$/, '')}/Sessions` : 'SessionService/Sessions');
  }
}
