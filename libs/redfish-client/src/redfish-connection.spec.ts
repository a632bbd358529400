import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedfishConnection, type RedfishConnectionOptions } from './redfish-connection';
import { RedfishAccessError, RedfishConnectionError, RedfishHttpError } from './redfish-errors';

// Small tests: a scripted BMC on a local port stands in for a real one (vbmc comes with the
// resources). Each test scripts the answers it needs.
type Handler = (request: IncomingMessage & { body: unknown }, response: ServerResponse) => void;

const ROOT = { '@odata.id': '/redfish/v1/', Links: { Sessions: { '@odata.id': '/redfish/v1/SessionService/Sessions' } }, Systems: { '@odata.id': '/redfish/v1/Systems' } };

describe('RedfishConnection', () => {
  let server: Server;
  let address: string;
  let handler: Handler;
  let seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: unknown }>;
  let inFlight = 0;
  let peak = 0;
  const sleeps: number[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const body = text ? (JSON.parse(text) as unknown) : undefined;
        seen.push({ method: request.method as string, url: request.url as string, headers: request.headers, body });
        inFlight++;
        peak = Math.max(peak, inFlight);
        response.on('finish', () => inFlight--);
        response.on('close', () => (inFlight = Math.max(0, inFlight - (response.writableFinished ? 0 : 1))));
        handler(Object.assign(request, { body }), response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
    peak = 0;
    sleeps.length = 0;
  });

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  const connect = (options: Partial<RedfishConnectionOptions> = {}) =>
    new RedfishConnection({ address, credentials: { username: 'admin', password: 'secret' }, sleep: async (ms) => void sleeps.push(ms), ...options });

  /** A BMC with sessions: tokens t1, t2, … and a system that needs one. */
  function sessionBmc(options: { expireFirstToken?: boolean } = {}): void {
    let issued = 0;
    const valid = new Set<string>();
    handler = (request, response) => {
      if (request.url === '/redfish/v1/') return json(response, 200, ROOT);
      if (request.url === '/redfish/v1/SessionService/Sessions' && request.method === 'POST') {
        const token = `t${++issued}`;
        if (!(options.expireFirstToken && issued === 1)) valid.add(token);
        return json(response, 201, { Id: token }, { 'x-auth-token': token, location: `/redfish/v1/SessionService/Sessions/${token}` });
      }
      if (!valid.has(String(request.headers['x-auth-token']))) return json(response, 401, { error: { message: 'Unauthorized' } });
      if (request.method === 'DELETE') return json(response, 204, {});
      json(response, 200, { '@odata.id': request.url, PowerState: 'On' }, { etag: 'W/"abc"' });
    };
  }

  it('reads the service root without credentials, opens a session, reuses its token and logs out on close', async () => {
    sessionBmc();
    const connection = connect();
    const system = await connection.get('Systems/1');
    await connection.get('/redfish/v1/Systems/1');
    expect(system).toMatchObject({ status: 200, body: { PowerState: 'On' }, etag: 'W/"abc"' });
    await connection.close();
    expect(seen.map((r) => `${r.method} ${r.url} ${r.headers['x-auth-token'] ?? r.headers.authorization ?? '-'}`)).toEqual([
      'GET /redfish/v1/ -',
      'POST /redfish/v1/SessionService/Sessions -',
      'GET /redfish/v1/Systems/1 t1',
      'GET /redfish/v1/Systems/1 t1',
      'DELETE /redfish/v1/SessionService/Sessions/t1 t1',
    ]);
    expect(seen[1].body).toEqual({ UserName: 'admin', Password: 'secret' });
    expect(seen[2].headers).toMatchObject({ 'odata-version': '4.0', 'accept-encoding': 'identity' });
  });

  it('logs in again once when the session expired, and replays the request', async () => {
    sessionBmc({ expireFirstToken: true });
    const connection = connect();
    expect((await connection.get('Systems/1')).body).toMatchObject({ PowerState: 'On' });
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(2);
    await connection.close();
  });

  it('falls back to basic auth (auto) when the BMC will not open a session, and fails with wrong credentials', async () => {
    const basic = `Basic ${Buffer.from('admin:secret').toString('base64')}`;
    handler = (request, response) => {
      if (request.url === '/redfish/v1/') return json(response, 200, ROOT);
      if (request.method === 'POST') return json(response, 405, {});
      if (request.headers.authorization !== basic) return json(response, 401, { error: { '@Message.ExtendedInfo': [{ MessageId: 'Base.1.8.InsufficientPrivilege', Message: 'Access denied.' }] } });
      json(response, 200, { Id: '1' });
    };
    const auto = connect();
    expect((await auto.get('Systems/1')).body).toEqual({ Id: '1' });
    await auto.close();
    const wrong = connect({ credentials: { username: 'admin', password: 'nope' }, authType: 'basic' });
    const refused = wrong.get('Systems/1');
    await expect(refused).rejects.toBeInstanceOf(RedfishAccessError);
    await expect(refused).rejects.toThrow(`The BMC answered GET ${address}/redfish/v1/Systems/1 with HTTP 401: Access denied.`);
    await wrong.close();
  });

  it('refuses in session mode, and in auto mode once sessions have worked, when the BMC will not open a session', async () => {
    let loginsAllowed = 1;
    handler = (request, response) => {
      if (request.url === '/redfish/v1/') return json(response, 200, ROOT);
      if (request.method === 'POST') {
        if (loginsAllowed-- > 0) return json(response, 201, {}, { 'x-auth-token': 'only', location: '/redfish/v1/SessionService/Sessions/only' });
        return json(response, 401, { error: { '@Message.ExtendedInfo': [{ Message: 'Password changed.' }] } });
      }
      json(response, request.headers['x-auth-token'] === 'only' && loginsAllowed >= 0 ? 200 : 401, {});
    };
    const session = connect({ authType: 'session' });
    loginsAllowed = 0;
    await expect(session.get('Systems/1')).rejects.toThrow(`The BMC answered POST ${address}/redfish/v1/SessionService/Sessions with HTTP 401: Password changed.`);
    await session.close();

    // Auto: the first session works; when it expires and the next login is refused, the request's
    // own 401 is the answer, and no basic auth is tried.
    loginsAllowed = 1;
    const auto = connect();
    expect((await auto.get('Systems/1')).status).toBe(200);
    loginsAllowed = -1;
    await expect(auto.get('Systems/1')).rejects.toBeInstanceOf(RedfishAccessError);
    expect(seen.some((r) => r.headers.authorization !== undefined)).toBe(false);
    await auto.close();
  });

  it('retries a GET answered 5xx, honours a 503 Retry-After, and gives up on a write error', async () => {
    let tries = 0;
    handler = (request, response) => {
      if (request.method === 'PATCH') return json(response, 500, { error: { '@Message.ExtendedInfo': [{ MessageId: 'Base.1.8.InternalError', Message: 'Something broke.' }] } });
      tries++;
      if (tries === 1) return json(response, 500, {});
      if (tries === 2) return json(response, 503, {}, { 'retry-after': '4' });
      json(response, 200, { ok: true });
    };
    const connection = connect({ authType: 'basic' });
    expect((await connection.get('Systems')).body).toEqual({ ok: true });
    expect(sleeps).toEqual([3000, 4000]);
    await expect(connection.patch('Systems/1', { AssetTag: 'x' }, 'W/"1"')).rejects.toThrow(RedfishHttpError);
    expect(seen.at(-1)?.headers['if-match']).toBe('W/"1"');
    expect(sleeps).toEqual([3000, 4000]);
    await connection.close();
  });

  it('sends one request at a time to a BMC', async () => {
    handler = (_request, response) => setTimeout(() => json(response, 200, {}), 10);
    const connection = connect({ authType: 'basic' });
    await Promise.all(Array.from({ length: 5 }, (_, i) => connection.get(`Systems/${i}`)));
    expect(peak).toBe(1);
    await connection.close();
  });

  it('gives up on an unreachable BMC after 3 tries, and on a silent one after the read timeout', async () => {
    const unreachable = new RedfishConnection({ address: 'http://127.0.0.1:9', authType: 'basic', sleep: async (ms) => void sleeps.push(ms) });
    await expect(unreachable.get('Systems')).rejects.toBeInstanceOf(RedfishConnectionError);
    expect(sleeps).toEqual([2000, 2000]);
    await unreachable.close();

    handler = () => undefined; // never answers
    const silent = connect({ authType: 'basic', readTimeoutMs: 200, retry: { connectionAttempts: 1 } });
    const started = Date.now();
    await expect(silent.get('Systems')).rejects.toThrow(/Cannot reach the BMC at .*\/redfish\/v1\/Systems: .*timeout/i);
    expect(Date.now() - started).toBeLessThan(2000);
    await silent.close();
  });
});
