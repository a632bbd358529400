import { Agent, request } from 'undici';

/** TLS verification: on (the system CAs, or a CA bundle in PEM), or explicitly off. */
export type TlsVerification = true | false | { ca: string };

export interface TransportOptions {
  verify: TlsVerification;
  connectTimeoutMs: number;
  /** Longest wait for the answer's headers, and between two chunks of its body. */
  readTimeoutMs: number;
  /** Close the connection after each request (some BMCs mishandle keep-alive). */
  closeConnections: boolean;
}

/** One HTTP exchange with a BMC, as the client sees it. */
export interface RawResponse {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON, or null for an empty or non-JSON body. */
  body: unknown;
}

/** A request that never got an answer: refused, reset, or timed out. */
export class TransportFailure extends Error {}

/**
 * Sends single requests to one BMC over its own connection pool, with Redfish's headers:
 * OData-Version 4.0, and identity encoding (compression makes some BMCs hand out weak ETags).
 */
export class RedfishTransport {
  private readonly agent: Agent;

  constructor(private readonly options: TransportOptions) {
    const { verify } = options;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs, rejectUnauthorized: verify !== false, ...(typeof verify === 'object' ? { ca: verify.ca } : {}) },
      headersTimeout: options.readTimeoutMs,
      bodyTimeout: options.readTimeoutMs,
    });
  }

  async send(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<RawResponse> {
    const allHeaders: Record<string, string> = { 'odata-version': '4.0', accept: 'application/json', 'accept-encoding': 'identity', ...headers };
    if (body !== undefined) allHeaders['content-type'] = 'application/json';
    let response;
    try {
      response = await request(url, {
        method: method as 'GET',
        headers: allHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher: this.agent,
        reset: this.options.closeConnections,
      });
    } catch (error) {
      throw new TransportFailure(describe(error));
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw new TransportFailure(describe(error));
    }
    return { status: response.statusCode, headers: flatten(response.headers), body: parseJson(text) };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${code ? `${code} ` : ''}${error.message}${cause}`;
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
