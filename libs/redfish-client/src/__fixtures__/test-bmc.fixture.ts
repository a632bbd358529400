import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedfishConnection, type RedfishConnectionOptions } from '../redfish-connection';

/** A request as the test BMC saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, undefined when there was no body. */
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer after this long (to overlap requests in limiter tests). */
  delayMs?: number;
}

export type Route = Reply | ((request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>);

/**
 * A BMC on a local port for small tests: scripted routes per `METHOD path` (paths compare without
 * case and trailing slash, as iLO does), a GET fallback, and a record of every request and of
 * how many were in flight at once. A route given several replies plays them in turn, the last
 * one from then on. Unscripted requests get 404.
 */
export class TestBmc {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  peakInFlight = 0;
  /** Answers what no route answers (the mockup server reads files here). */
  fallback?: (request: RecordedRequest) => Reply | undefined;
  private readonly routes = new Map<string, Route[]>();

  private constructor(
    private readonly server: Server,
    readonly address: string,
  ) {}

  static async start(): Promise<TestBmc> {
    const holder: { bmc?: TestBmc } = {};
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const recorded: RecordedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
        void (holder.bmc as TestBmc).answer(recorded).then((reply) => {
          response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.bmc = new TestBmc(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.bmc;
  }

  /** Scripts the answers to `METHOD path`. */
  on(method: string, path: string, ...replies: Route[]): this {
    this.routes.set(routeKey(method, path), replies);
    return this;
  }

  /** A resource served on GET, with its ETag header when given. */
  resource(path: string, body: Record<string, unknown>, etag?: string): this {
    return this.on('GET', path, { body: { '@odata.id': path, ...body }, headers: etag ? { etag } : {} });
  }

  /** The recorded requests as `METHOD path` lines, for compact assertions. */
  lines(filter: (request: RecordedRequest) => boolean = () => true): string[] {
    return this.requests.filter(filter).map((request) => `${request.method} ${request.path}`);
  }

  reset(): void {
    this.requests.length = 0;
    this.routes.clear();
    this.peakInFlight = 0;
  }

  /** A connection without credentials (no session), retries recorded instead of slept. */
  connect(options: Partial<RedfishConnectionOptions> = {}, sleeps: number[] = []): RedfishConnection {
    return new RedfishConnection({ address: this.address, authType: 'basic', sleep: async (ms) => void sleeps.push(ms), ...options });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: RecordedRequest): Promise<Reply> {
    this.requests.push(request);
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      const replies = this.routes.get(routeKey(request.method, request.path));
      const route = replies && (replies.length > 1 ? replies.shift() : replies[0]);
      const reply = (typeof route === 'function' ? await route(request) : route) ?? this.fallback?.(request) ?? { status: 404, body: { error: { code: 'Base.1.8.ResourceMissingAtURI', message: `No resource at ${request.path}.` } } };
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      return reply;
    } finally {
      this.inFlight--;
    }
  }
}

/** A running test BMC and a connection to it. */
export interface ConnectedBmc {
  bmc: TestBmc;
  connection: RedfishConnection;
}

export interface UseTestBmcOptions {
  /** Starts the BMC: a plain TestBmc by default; `() => serveMockup(name)` for a mockup tree. */
  start?: () => Promise<TestBmc>;
  /** Clear routes and recorded requests before each test (default true). */
  reset?: boolean;
}

/**
 * One BMC for the tests of a describe block: started, with a connection (`bmc.connect()`), before
 * them, given to `use`; the connection and the BMC closed after them. A block keeps them in its
 * own variables: `useTestBmc((started) => ({ bmc, connection } = started))`.
 */
export function useTestBmc(use: (started: ConnectedBmc) => void, options: UseTestBmcOptions = {}): void {
  const { start = () => TestBmc.start(), reset = true } = options;
  let started: ConnectedBmc | undefined;
  beforeAll(async () => {
    const bmc = await start();
    started = { bmc, connection: bmc.connect() };
    use(started);
  });
  afterAll(async () => {
    await started?.connection.close();
    await started?.bmc.close();
  });
  if (reset) beforeEach(() => started?.bmc.reset());
}

/** Paths compare without case, trailing slash or query. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.split('?')[0].replace(/\/+$/, '').toLowerCase()}`;
}
