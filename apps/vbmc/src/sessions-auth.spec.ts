import { SYSTEM_1, testVbmc } from './__fixtures__/vbmc-fixture';

const SESSIONS = '/redfish/v1/SessionService/Sessions';
const credentials = { username: 'admin', password: 'pw' };
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe('sessions', () => {
  it('logs in (201, X-Auth-Token, Location), serves with the token, and logs out', async () => {
    const { vbmc, call } = testVbmc({ credentials });
    expect((await call('GET', '/redfish/v1')).body.Links.Sessions['@odata.id']).toBe(SESSIONS);
    const login = await call('POST', SESSIONS, { UserName: 'admin', Password: 'pw' });
    expect(login.status).toBe(201);
    const token = login.headers['x-auth-token'] as string;
    const location = login.headers.location as string;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(location).toMatch(new RegExp(`^${SESSIONS}/[0-9a-f]+$`));
    expect(login.body).toMatchObject({ UserName: 'admin', '@odata.id': location });

    expect((await call('GET', SYSTEM_1, undefined, { 'x-auth-token': token })).status).toBe(200);
    expect((await call('GET', SESSIONS, undefined, { 'x-auth-token': token })).body.Members).toEqual([{ '@odata.id': location }]);
    expect(vbmc.stats().sessions).toBe(1);
    expect((await call('DELETE', location, undefined, { 'x-auth-token': token })).status).toBe(204);
    const after = await call('GET', SYSTEM_1, undefined, { 'x-auth-token': token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('Base.1.8.NoValidSession');
    expect(vbmc.stats().sessions).toBe(0);
  });

  it('refuses bad credentials with 401', async () => {
    const { call } = testVbmc({ credentials });
    const refused = await call('POST', SESSIONS, { UserName: 'admin', Password: 'wrong' });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('Base.1.8.AccessDenied');
    expect((await call('POST', SESSIONS, { UserName: 'admin' })).status).toBe(400);
  });

  it('answers 503 SessionLimitExceeded past --session-limit, until a session ends or lapses', async () => {
    const { call, clock } = testVbmc({ credentials, sessionLimit: 2, sessionTimeoutSeconds: 60 });
    const login = () => call('POST', SESSIONS, { UserName: 'admin', Password: 'pw' });
    const first = await login();
    expect((await login()).status).toBe(201);
    const third = await login();
    expect(third.status).toBe(503);
    expect(third.body.error['@Message.ExtendedInfo'][0].MessageId).toBe('Base.1.8.SessionLimitExceeded');
    await call('DELETE', first.headers.location as string, undefined, basic('admin', 'pw'));
    expect((await login()).status).toBe(201);
    clock.advance(61_000);
    expect((await login()).status).toBe(201);
  });

  it('creates sessions for anyone when no credentials are configured', async () => {
    const { call } = testVbmc();
    expect((await call('POST', SESSIONS, { UserName: 'x', Password: 'y' })).status).toBe(201);
  });
});

describe('basic auth', () => {
  it('protects everything but the service root when credentials are set', async () => {
    const { call } = testVbmc({ credentials });
    expect((await call('GET', '/redfish')).status).toBe(200);
    expect((await call('GET', '/redfish/v1/')).status).toBe(200);
    const denied = await call('GET', SYSTEM_1);
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Basic/);
    expect(denied.body.error.code).toBe('Base.1.8.NoValidSession');
    expect((await call('GET', '/redfish/v1/Systems', undefined, basic('admin', 'nope'))).status).toBe(401);
    expect((await call('POST', `${SYSTEM_1}/Actions/ComputerSystem.Reset`, { ResetType: 'On' })).status).toBe(401);
    expect((await call('GET', SYSTEM_1, undefined, basic('admin', 'pw'))).status).toBe(200);
    // The control API is for tests and takes no credentials.
    expect((await call('GET', '/vbmc/stats')).status).toBe(200);
  });

  it('asks nothing without credentials', async () => {
    const { call } = testVbmc();
    expect((await call('GET', SYSTEM_1)).status).toBe(200);
  });
});
