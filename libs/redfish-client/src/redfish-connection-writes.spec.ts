import { TestBmc } from './__fixtures__/test-bmc.fixture';
import { RedfishConnection } from './redfish-connection';
import { RedfishConnectionError, RedfishHttpError, RedfishNotFoundError, RedfishSessionLimitError } from './redfish-errors';

// Write semantics of the connection: sushy's ETag fallback, bodies on DELETE, and a BMC whose
// session table is full.
describe('RedfishConnection writes', () => {
  let bmc: TestBmc;
  beforeAll(async () => (bmc = await TestBmc.start()));
  afterAll(() => bmc.close());
  beforeEach(() => bmc.reset());

  const preconditionFailed = { status: 412, body: { error: { '@Message.ExtendedInfo': [{ MessageId: 'Base.1.8.PreconditionFailed', Message: 'The ETag does not match.' }] } } };
  const ifMatches = () => bmc.requests.filter((r) => r.method === 'PATCH').map((r) => r.headers['if-match'] ?? '(none)');

  it('retries a weak ETag answered 412 strong, then without If-Match', async () => {
    bmc.on('PATCH', '/redfish/v1/Systems/1', preconditionFailed, preconditionFailed, { status: 204 });
    const connection = bmc.connect();
    expect((await connection.patch('/redfish/v1/Systems/1', { AssetTag: 'x' }, 'W/"abc"')).status).toBe(204);
    expect(ifMatches()).toEqual(['W/"abc"', '"abc"', '(none)']);
    expect(bmc.requests.map((r) => r.body)).toEqual([{ AssetTag: 'x' }, { AssetTag: 'x' }, { AssetTag: 'x' }]);
    await connection.close();
  });

  it('stops at the strong form when the BMC accepts it', async () => {
    bmc.on('PATCH', '/redfish/v1/Systems/1', preconditionFailed, { status: 200, body: {} });
    const connection = bmc.connect();
    await connection.patch('/redfish/v1/Systems/1', {}, 'W/"abc"');
    expect(ifMatches()).toEqual(['W/"abc"', '"abc"']);
    await connection.close();
  });

  it('takes a 412 on a strong ETag, or on the last try, as a real conflict', async () => {
    bmc.on('PATCH', '/redfish/v1/Systems/1', preconditionFailed);
    const connection = bmc.connect();
    const strong = connection.patch('/redfish/v1/Systems/1', {}, '"abc"');
    await expect(strong).rejects.toBeInstanceOf(RedfishHttpError);
    await expect(strong).rejects.toMatchObject({ status: 412, messageIds: ['Base.1.8.PreconditionFailed'] });
    expect(ifMatches()).toEqual(['"abc"']);
    bmc.requests.length = 0;
    await expect(connection.patch('/redfish/v1/Systems/1', {}, 'W/"abc"')).rejects.toMatchObject({ status: 412 });
    expect(ifMatches()).toEqual(['W/"abc"', '"abc"', '(none)']);
    await connection.close();
  });

  it('does not retry other errors, and sends no If-Match without an ETag', async () => {
    bmc.on('PATCH', '/redfish/v1/Systems/1', { status: 400, body: { error: { message: 'Bad value.' } } });
    const connection = bmc.connect();
    await expect(connection.patch('/redfish/v1/Systems/1', {}, 'W/"abc"')).rejects.toMatchObject({ status: 400, messages: ['Bad value.'] });
    expect(ifMatches()).toEqual(['W/"abc"']);
    bmc.on('PATCH', '/redfish/v1/Systems/2', { status: 204 });
    await connection.patch('/redfish/v1/Systems/2', {});
    expect(ifMatches()).toEqual(['W/"abc"', '(none)']);
    await connection.close();
  });

  it('sends a DELETE body only when given one, and POSTs with no body at all when none is given', async () => {
    bmc.on('DELETE', '/redfish/v1/x', { status: 204 }).on('POST', '/redfish/v1/a', { status: 204 });
    const connection = bmc.connect();
    await connection.delete('/redfish/v1/x', { '@Redfish.OperationApplyTime': 'OnReset' });
    await connection.delete('/redfish/v1/x');
    await connection.post('/redfish/v1/a');
    expect(bmc.requests.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
      ['DELETE', { '@Redfish.OperationApplyTime': 'OnReset' }, 'application/json'],
      ['DELETE', undefined, undefined],
      ['POST', undefined, undefined],
    ]);
    await connection.close();
  });

  it('reads a 404 as RedfishNotFoundError, and refuses requests once closed', async () => {
    const connection = bmc.connect();
    await expect(connection.get('/redfish/v1/nothing')).rejects.toBeInstanceOf(RedfishNotFoundError);
    await connection.close();
    await connection.close();
    await expect(connection.get('/redfish/v1/nothing')).rejects.toThrow(new RedfishConnectionError(`${bmc.address}/redfish/v1/nothing`, 'the connection was closed (logged out, or evicted from the connection pool)'));
  });

  it('opens one session for concurrent first requests, and logs in once when they all find it expired', async () => {
    let issued = 0;
    const valid = new Set<string>();
    bmc.resource('/redfish/v1/', { Links: { Sessions: { '@odata.id': '/redfish/v1/SessionService/Sessions' } } });
    bmc.on('POST', '/redfish/v1/SessionService/Sessions', () => {
      const token = `t${++issued}`;
      valid.add(token);
      return { status: 201, body: {}, headers: { 'x-auth-token': token, location: `/redfish/v1/SessionService/Sessions/${token}` }, delayMs: 5 };
    });
    bmc.fallback = (request) => (valid.has(String(request.headers['x-auth-token'])) ? { status: 200, body: {} } : { status: 401, body: {} });
    const connection = new RedfishConnection({ address: bmc.address, authType: 'session', credentials: { username: 'admin', password: 'secret' }, maxInFlight: 4 });
    await Promise.all([1, 2, 3].map((i) => connection.get(`Systems/${i}`)));
    expect(issued).toBe(1);
    valid.clear(); // the BMC forgot the session
    await Promise.all([1, 2, 3].map((i) => connection.get(`Systems/${i}`)));
    expect(issued).toBe(2);
    await connection.close();
  });

  describe('a BMC whose session limit is reached', () => {
    const root = { Links: { Sessions: { '@odata.id': '/redfish/v1/SessionService/Sessions' } } };
    const full = (status: number) => ({
      status,
      body: { error: { code: 'Base.1.15.GeneralError', '@Message.ExtendedInfo': [{ MessageId: 'Base.1.15.SessionLimitExceeded', Message: 'The session establishment failed due to the number of simultaneous sessions exceeding the limit of the implementation.' }] } },
    });
    const connect = (authType: 'session' | 'auto') => new RedfishConnection({ address: bmc.address, authType, credentials: { username: 'admin', password: 'secret' }, retry: { serverSideRetries: 0 } });

    it.each([
      ['auto', 503],
      ['auto', 400],
      ['session', 503],
    ] as const)('surfaces it in %s mode (HTTP %d), without falling back to basic auth', async (authType, status) => {
      bmc.resource('/redfish/v1/', root).on('POST', '/redfish/v1/SessionService/Sessions', full(status)).on('GET', '/redfish/v1/Systems/1', { body: {} });
      const connection = connect(authType);
      const refused = connection.get('/redfish/v1/Systems/1');
      await expect(refused).rejects.toBeInstanceOf(RedfishSessionLimitError);
      await expect(refused).rejects.toThrow(/^The BMC's session limit is reached: it refused to open another session/);
      await expect(refused).rejects.toMatchObject({ status, messageIds: ['Base.1.15.SessionLimitExceeded', 'Base.1.15.GeneralError'] });
      expect(bmc.lines()).not.toContain('GET /redfish/v1/Systems/1');
      expect(bmc.requests.some((r) => r.headers.authorization !== undefined)).toBe(false);
      await connection.close();
    });
  });
});
