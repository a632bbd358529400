// How the redfish power interface fails against a BMC that misbehaves, and what it says: the
// message becomes the node's last_error, so each test pins the words an operator will read.
import { DriverOperationError, InvalidParameterValueError, POWER_OFF, POWER_ON } from '@slipway/drivers-framework';
import { DEFAULT_RETRY_POLICY } from '@slipway/redfish-client';
import { freePort } from '@slipway/testing';
import { failureOf, FAST_DRIVER_OPTIONS, INVALID_REDFISH_DRIVER_INFO, management, power, RedfishBench, VBMC_USER } from './redfish-task.fixture';


/** Scheduling and HTTP overhead on top of a computed bound (a loaded CI machine included). */
const SLACK_MS = 1500;

/** `text` as a regular expression matching it literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('redfish failures against the vbmc', () => {
  const bench = RedfishBench.use();

  describe('an unreachable BMC', () => {
    // Every try may use the whole connect timeout, and the retry interval comes between two tries.
    // undici checks connect timeouts on its own 0.5 s clock, so each may fire up to that much late.
    const { connectionAttempts, connectTimeoutSeconds, connectionRetryIntervalSeconds } = FAST_DRIVER_OPTIONS as Required<typeof FAST_DRIVER_OPTIONS>;
    const UNDICI_TIMER_TICK_MS = 500;
    const boundMs = connectionAttempts * (connectTimeoutSeconds * 1000 + UNDICI_TIMER_TICK_MS + connectionRetryIntervalSeconds * 1000) + SLACK_MS;

    it.each([
      ['a closed port on 127.0.0.1', async () => `http://127.0.0.1:${await freePort()}`],
      // 10.255.255.1 is not dark on every network (an egress proxy may answer it); an unassigned
      // IPv6 unique-local address is. Where IPv6 has no route at all, the connect fails at once.
      ['a blackholed address', async () => 'http://[fd00::1]'],
    ])('%s: getPowerState gives up after the connection attempts, naming the BMC URL', async (_case, address) => {
      const url = await address();
      const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_address: url } });
      const started = Date.now();
      const failure = await failureOf(power(task).getPowerState(task));
      expect(Date.now() - started).toBeLessThan(boundMs);
      expect(failure).toBeInstanceOf(DriverOperationError);
      expect(failure.message).toMatch(new RegExp(`^Runtime failure in driver redfish: reading the power state failed for node ${task.node.uuid}: Cannot reach the BMC at ${literally(url)}/redfish/v1/: .+\\.$`));
      expect(bench.sleeps).toEqual(Array(connectionAttempts - 1).fill(connectionRetryIntervalSeconds * 1000));
    });
  });

  describe('a BMC that accepts the connection but does not answer', () => {
    const slow = RedfishBench.use({ driver: { readTimeoutSeconds: 0.3 } });

    it('gives up after the read timeout of each attempt, naming the BMC URL', async () => {
      const system = slow.freshSystem();
      const task = slow.taskOn(system);
      slow.vbmc.setFaults({ latencyMs: 5000 });
      const started = Date.now();
      const failure = await failureOf(power(task).getPowerState(task));
      const { connectionAttempts, connectionRetryIntervalSeconds } = FAST_DRIVER_OPTIONS as Required<typeof FAST_DRIVER_OPTIONS>;
      expect(Date.now() - started).toBeLessThan(connectionAttempts * (300 + 500 + connectionRetryIntervalSeconds * 1000) + SLACK_MS);
      expect(failure.message).toContain(`Cannot reach the BMC at ${slow.url}`);
      expect(failure.message).toMatch(/timeout/i);
    });
  });

  describe('credentials', () => {
    it.each([
      ['session', 'POST', (_system: string) => '/redfish/v1/SessionService/Sessions'],
      ['basic', 'GET', (system: string) => system],
      ['auto', 'GET', (system: string) => system],
    ])('wrong ones with %s auth: an HTTP 401 access error naming the request', async (authType, method, path) => {
      const system = bench.freshSystem();
      const task = bench.taskOn(system, { driverInfo: { redfish_password: 'wrong', redfish_auth_type: authType } });
      const failure = await failureOf(power(task).getPowerState(task));
      expect(failure).toBeInstanceOf(DriverOperationError);
      expect(failure.message).toBe(
        `Runtime failure in driver redfish: reading the power state failed for node ${task.node.uuid}: The BMC answered ${method} ${bench.url}${path(bench.systemPath(system))} with HTTP 401: The user name or password supplied is not valid.`,
      );
    });
  });

  describe('5xx answers', () => {
    const { serverSideRetries, serverSideRetryMs } = DEFAULT_RETRY_POLICY;

    it.each([500, 503])('HTTP %i on every GET: retried, then a failure naming the status', async (status) => {
      const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_auth_type: 'basic' } });
      bench.vbmc.setFaults({ errorStatus: status, errorRate: 1 });
      const failure = await failureOf(power(task).getPowerState(task));
      expect(failure).toBeInstanceOf(DriverOperationError);
      expect(failure.message).toBe(
        `Runtime failure in driver redfish: reading the power state failed for node ${task.node.uuid}: The BMC answered GET ${bench.url}${task.node.driverInfo['redfish_system_id']} with HTTP ${status}: The request failed due to an injected fault.`,
      );
      expect(bench.sleeps).toEqual(Array(serverSideRetries).fill(serverSideRetryMs));
      expect(bench.vbmc.stats().requests).toBe(serverSideRetries + 1);
    });

    it('HTTP 500 that stops while the driver retries: the call succeeds', async () => {
      const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_auth_type: 'basic' } });
      bench.vbmc.setFaults({ errorStatus: 500, errorRate: 1 });
      bench.onSleep = () => {
        if (bench.sleeps.length === 3) bench.vbmc.clearFaults();
      };
      expect(await power(task).getPowerState(task)).toBe(POWER_ON);
      expect(bench.sleeps).toEqual([serverSideRetryMs, serverSideRetryMs, serverSideRetryMs]);
    });

    it("HTTP 503 with Retry-After: the driver waits as long as the BMC asks", async () => {
      const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_auth_type: 'basic' } });
      bench.vbmc.setFaults({ errorStatus: 503, errorRate: 1, retryAfterSeconds: 7 });
      bench.onSleep = () => bench.vbmc.clearFaults();
      expect(await power(task).getPowerState(task)).toBe(POWER_ON);
      expect(bench.sleeps).toEqual([7000]);
    });
  });

  it('dropped connections: a connection error naming the BMC URL', async () => {
    const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_auth_type: 'basic' } });
    bench.vbmc.setFaults({ dropRate: 1 });
    const failure = await failureOf(power(task).getPowerState(task));
    expect(failure).toBeInstanceOf(DriverOperationError);
    expect(failure.message).toMatch(new RegExp(`^Runtime failure in driver redfish: reading the power state failed for node ${task.node.uuid}: Cannot reach the BMC at ${literally(bench.url + String(task.node.driverInfo['redfish_system_id']))}: .+\\.$`));
    expect(bench.sleeps).toEqual([FAST_DRIVER_OPTIONS.connectionRetryIntervalSeconds! * 1000]);
  });

  it('a BMC that never reaches the requested power state: a failure after the timeout, naming both states', async () => {
    const system = bench.freshSystem();
    const task = bench.taskOn(system);
    bench.vbmc.setStuckPower(bench.systemId(system), true);
    const timeoutSeconds = 1;
    const started = Date.now();
    const failure = await failureOf(power(task).setPowerState(task, POWER_OFF, timeoutSeconds));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(timeoutSeconds * 1000);
    expect(elapsed).toBeLessThan(timeoutSeconds * 1000 + SLACK_MS);
    expect(failure).toBeInstanceOf(DriverOperationError);
    expect(failure.message).toBe(
      `Runtime failure in driver redfish: node ${task.node.uuid} did not reach power off within ${timeoutSeconds} seconds of the power off request; the BMC reports PowerState On`,
    );
    expect(bench.resetsOf(system)).toEqual(['ForceOff']);
  });

  describe('driver_info', () => {
    it.each(INVALID_REDFISH_DRIVER_INFO.map((bad) => [bad.key, JSON.stringify(bad.driverInfo), bad] as const))(
      'validate() refuses a bad %s (%s) with a 400 naming the key',
      async (key, _label, bad) => {
        const task = bench.task({ driverInfo: bad.driverInfo });
        for (const iface of [power(task), management(task)]) {
          const failure = (await failureOf(iface.validate(task))) as InvalidParameterValueError;
          expect(failure).toBeInstanceOf(InvalidParameterValueError);
          expect(failure.httpStatus).toBe(400);
          expect(failure.message).toContain(key);
          expect(failure.message).toMatch(bad.message);
        }
      },
    );

    it('a system path the BMC does not have: InvalidParameterValue naming the systems it has', async () => {
      const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_system_id: '/redfish/v1/Systems/no-such-system' } });
      const failure = await failureOf(power(task).getPowerState(task));
      expect(failure).toBeInstanceOf(InvalidParameterValueError);
      expect(failure.message).toContain(`reading the power state for node ${task.node.uuid}: The BMC has no system at redfish_system_id /redfish/v1/Systems/no-such-system`);
      expect(failure.message).toContain(`${bench.systemPath(1)}, ${bench.systemPath(2)}, `);
      expect(failure.message).toMatch(/Check driver_info\/redfish_system_id\.$/);
    });
  });

  describe('the per-BMC request limit', () => {
    /** Five concurrent reads on each of four nodes of one vbmc; the most requests one system saw at once. */
    async function crowd(target: RedfishBench): Promise<number> {
      const tasks = [1, 2, 3, 4].map(() => target.taskOn(target.freshSystem()));
      target.vbmc.setFaults({ latencyMs: 5 });
      target.vbmc.resetStats();
      const states = await Promise.all(tasks.flatMap((task) => Array.from({ length: 5 }, () => power(task).getPowerState(task))));
      expect(states).toEqual(Array(20).fill(POWER_ON));
      expect(target.vbmc.stats().requests).toBeGreaterThanOrEqual(20);
      return target.vbmc.stats().maxConcurrentPerSystem;
    }

    it('many concurrent calls on several nodes of one BMC: never two requests to a system at once', async () => {
      expect(await crowd(bench)).toBe(1);
    });

    describe('with the limit raised', () => {
      const loose = RedfishBench.use({ driver: { maxRequestsPerBmc: 4 } });

      it('the same calls do overlap (so the check above can fail)', async () => {
        expect(await crowd(loose)).toBeGreaterThan(1);
      });
    });
  });
});

describe('redfish failures against a vbmc at its session limit', () => {
  const bench = RedfishBench.use({ vbmc: { sessionLimit: 1, systems: 4 } });

  beforeAll(async () => {
    // Another client holds the only session.
    const login = await bench.redfish('POST', '/redfish/v1/SessionService/Sessions', { UserName: VBMC_USER.username, Password: VBMC_USER.password });
    expect(login.status).toBe(201);
  });

  it.each(['session', 'auto'])('%s auth: the error says the session limit is reached, with no fall-back to basic auth', async (authType) => {
    const system = bench.freshSystem();
    const task = bench.taskOn(system, { driverInfo: { redfish_auth_type: authType } });
    const failure = await failureOf(power(task).getPowerState(task));
    expect(failure).toBeInstanceOf(DriverOperationError);
    expect(failure.message).toBe(
      `Runtime failure in driver redfish: reading the power state failed for node ${task.node.uuid}: The BMC's session limit is reached: it refused to open another session (POST ${bench.url}/redfish/v1/SessionService/Sessions, HTTP 503: The session establishment failed due to the number of simultaneous sessions exceeding the limit of the implementation.).`,
    );
    expect(bench.requests.filter((request) => request.path === bench.systemPath(system))).toEqual([]);
  });

  it('basic auth still works: it is the session table that is full', async () => {
    const task = bench.taskOn(bench.freshSystem(), { driverInfo: { redfish_auth_type: 'basic' } });
    expect(await power(task).getPowerState(task)).toBe(POWER_ON);
  });
});
