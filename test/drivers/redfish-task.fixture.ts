// Shared set-up for tests of the redfish hardware type against the virtual BMC: a vbmc (clones of
// a mockup, with credentials, a short power delay and a clock tests may stop), a driver registry
// with the redfish type loaded, and tasks on nodes pointing at the vbmc's systems. Driver waits
// are recorded and cut short, so retries and power polls cost milliseconds, not seconds.
import { DriverRegistry, newDriverNode, type DriverNode, type DriverTask, type JsonObject, type ManagementInterface, type PowerInterface } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { registerGenericDrivers } from '@slipway/drivers-generic';
import { registerRedfishDrivers, type RedfishDriverOptions, type RedfishNodes } from '@slipway/drivers-redfish';
import { getLogger } from '@slipway/logging';
import { sharedData } from '@slipway/test-data';
import { createVbmc, type SystemSnapshot, type Vbmc, type VbmcOptions } from '../../apps/vbmc/src/index';

export const VBMC_USER = { username: 'admin', password: 'vbmc-secret' };

/** How long each vbmc power transition takes (PoweringOn/PoweringOff meanwhile), unless a bench says otherwise. */
export const POWER_DELAY_MS = 100;

/** Short timeouts and polls, two connection attempts: what every bench's driver runs with unless told otherwise. */
export const FAST_DRIVER_OPTIONS: Readonly<Partial<RedfishDriverOptions>> = {
  connectionAttempts: 2,
  connectionRetryIntervalSeconds: 0.1,
  connectTimeoutSeconds: 1,
  readTimeoutSeconds: 5,
  powerStateChangeTimeoutSeconds: 5,
  powerPollIntervalSeconds: 0.02,
};

/** driver_info that validate() accepts without the BMC being there (validate reads no BMC). */
export const OFFLINE_DRIVER_INFO: Readonly<JsonObject> = { redfish_address: 'https://bmc.example:8443', redfish_system_id: '/redfish/v1/Systems/1', redfish_username: 'admin', redfish_password: 'pw' };

/**
 * driver_info that validate() refuses (InvalidParameterValue or MissingParameterValue, HTTP 400),
 * each with the key at fault and the message it must give.
 */
export const INVALID_REDFISH_DRIVER_INFO: ReadonlyArray<{ key: string; driverInfo: JsonObject; message: string | RegExp }> = (() => {
  const { redfish_address: _address, ...withoutAddress } = OFFLINE_DRIVER_INFO;
  const spoilt = (key: string, value: string) => ({ ...OFFLINE_DRIVER_INFO, [key]: value });
  return [
    { key: 'redfish_address', driverInfo: withoutAddress, message: /^Missing the following Redfish properties in node \S+ driver_info: redfish_address\.$/ },
    { key: 'redfish_address', driverInfo: spoilt('redfish_address', 'ftp://bmc.example'), message: 'the scheme must be http or https, not ftp (set in driver_info/redfish_address' },
    { key: 'redfish_address', driverInfo: spoilt('redfish_address', 'https://admin:pw@bmc.example'), message: 'credentials belong in redfish_username and redfish_password, not in the address (set in driver_info/redfish_address' },
    { key: 'redfish_system_id', driverInfo: spoilt('redfish_system_id', 'https://bmc.example/redfish/v1/Systems/1'), message: /driver_info\/redfish_system_id on node \S+: it must be a path, not a URL/ },
    { key: 'redfish_verify_ca', driverInfo: spoilt('redfish_verify_ca', 'maybe'), message: /driver_info\/redfish_verify_ca on node \S+: it should be a Boolean or the path of an existing CA bundle/ },
    { key: 'redfish_auth_type', driverInfo: spoilt('redfish_auth_type', 'token'), message: /"token" set in driver_info\/redfish_auth_type on node \S+: it should be one of basic, session, auto/ },
  ];
})();

/** The longest a driver wait really lasts in a bench; the asked-for time is recorded in `sleeps`. */
const MAX_REAL_SLEEP_MS = 10;

export interface RedfishBenchOptions {
  /** Default: dmtf-public-rackmount1, 32 systems, VBMC_USER, POWER_DELAY_MS. */
  vbmc?: Partial<VbmcOptions>;
  driver?: Partial<RedfishDriverOptions>;
}

/** A Redfish request that reached the vbmc's handlers (past faults and auth). */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * One vbmc and one redfish driver registry. `RedfishBench.use()` in a describe block starts it
 * before the tests, clears faults, recordings and the clock after each, and closes it at the end.
 * Tests that change a system's state take their own with `freshSystem()`.
 */
export class RedfishBench {
  readonly vbmc: Vbmc;
  readonly registry = new DriverRegistry();
  /** The redfish hardware type's connection pool. */
  readonly nodes: RedfishNodes;
  /** Every wait the driver and its client asked for (ms), in order. */
  readonly sleeps: number[] = [];
  /** Called on each driver wait, before it: a test's way to act "while the driver retries". */
  onSleep?: (ms: number) => void;
  readonly requests: RecordedRequest[] = [];
  private base?: string;
  private nextSystem = 1;
  private frozenAt?: number;

  static use(options: RedfishBenchOptions = {}): RedfishBench {
    const bench = new RedfishBench(options);
    beforeAll(() => bench.start());
    afterEach(() => bench.reset());
    afterAll(() => bench.close());
    return bench;
  }

  constructor(options: RedfishBenchOptions = {}) {
    this.vbmc = createVbmc({ mockup: 'dmtf-public-rackmount1', mockupsDir: sharedData('redfish-mockups'), systems: 32, credentials: VBMC_USER, powerDelayMs: POWER_DELAY_MS, now: () => this.frozenAt ?? Date.now(), ...options.vbmc });
    this.vbmc.server.addHook('preHandler', async (request) => {
      this.requests.push({ method: request.method, path: request.url, body: request.body });
    });
    registerFakeDrivers(this.registry, { sleep: async () => undefined });
    registerGenericDrivers(this.registry);
    this.nodes = registerRedfishDrivers(this.registry, { ...FAST_DRIVER_OPTIONS, sleep: (ms) => this.sleep(ms), ...options.driver });
    this.registry.load({ enabledHardwareTypes: ['redfish'], enabledInterfaces: {}, defaultInterfaces: {} });
  }

  async start(): Promise<void> {
    this.base = await this.vbmc.listen();
  }

  /** Logs the driver's sessions out, then stops the vbmc. */
  async close(): Promise<void> {
    this.reset();
    await this.nodes.close();
    await this.vbmc.close();
  }

  reset(): void {
    this.vbmc.clearFaults();
    this.vbmc.resetStats();
    this.sleeps.length = 0;
    this.requests.length = 0;
    this.onSleep = undefined;
    this.frozenAt = undefined;
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    if (!this.base) throw new Error('the bench is not started: create it with RedfishBench.use() in a describe block');
    return this.base;
  }

  /** The number of a system no other test of this bench has used. */
  freshSystem(): number {
    if (this.nextSystem > this.vbmc.state.systemIds.length) throw new Error(`every one of the ${this.vbmc.state.systemIds.length} vbmc systems is used: give the bench more`);
    return this.nextSystem++;
  }

  /** The clone id of system `system` (1-based), e.g. 437XR1138R2-0001. */
  systemId(system: number): string {
    return this.vbmc.state.systemIds[system - 1];
  }

  systemPath(system: number): string {
    return `/redfish/v1/Systems/${this.systemId(system)}`;
  }

  /** What the vbmc says about the system now. */
  state(system: number): SystemSnapshot {
    return this.vbmc.state.system(this.systemId(system));
  }

  /** Valid driver_info for a node of system `system`, with `extra` keys on top. */
  driverInfo(system = 1, extra: JsonObject = {}): JsonObject {
    return {
      redfish_address: this.url,
      redfish_system_id: this.systemPath(system),
      redfish_username: VBMC_USER.username,
      redfish_password: VBMC_USER.password,
      ...extra,
    };
  }

  /** A task under an exclusive lock on a redfish node; its driver_info defaults to system 1's. */
  task(init: Partial<DriverNode> = {}): DriverTask {
    const node = newDriverNode({ uuid: 'redfish-node-1', driver: 'redfish', driverInfo: this.driverInfo(), ...init });
    Object.assign(node, Object.fromEntries(Object.entries(this.registry.resolveInterfaces(node)).map(([type, name]) => [`${type}Interface`, name])));
    return { node, driver: this.registry.buildDriver(node), shared: false, ports: [], log: getLogger('redfish-bench') };
  }

  /** A task on a node of system `system`: `init.driverInfo` keys are added to the valid ones. */
  taskOn(system: number, init: Partial<DriverNode> = {}): DriverTask {
    return this.task({ uuid: `redfish-node-${system}`, ...init, driverInfo: this.driverInfo(system, init.driverInfo) });
  }

  /** Stops the vbmc's clock: power transitions in progress stay where they are until `thawClock`. */
  freezeClock(): void {
    this.frozenAt = Date.now();
  }

  thawClock(): void {
    this.frozenAt = undefined;
  }

  /** A request as another Redfish client sends it (basic auth), straight to the vbmc. */
  async redfish(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: object): Promise<{ status: number; headers: Record<string, unknown>; body: unknown }> {
    const authorization = `Basic ${Buffer.from(`${VBMC_USER.username}:${VBMC_USER.password}`).toString('base64')}`;
    const answer = await this.vbmc.server.inject({ method, url: path, payload: body, headers: { authorization, 'content-type': 'application/json' } });
    return { status: answer.statusCode, headers: answer.headers, body: answer.body ? (JSON.parse(answer.body) as unknown) : undefined };
  }

  /** The bodies of the PATCHes of one resource that reached the vbmc, in order. */
  patchesOf(path: string): unknown[] {
    return this.requests.filter((request) => request.method === 'PATCH' && request.path.toLowerCase() === path.toLowerCase()).map((request) => request.body);
  }

  /** The ResetTypes POSTed to one system, in order. */
  resetsOf(system: number): string[] {
    const action = `${this.systemPath(system)}/Actions/ComputerSystem.Reset`.toLowerCase();
    return this.requests.filter((request) => request.method === 'POST' && request.path.toLowerCase() === action).map((request) => (request.body as { ResetType: string }).ResetType);
  }

  private sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.onSleep?.(ms);
    return new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_REAL_SLEEP_MS)));
  }
}

/** A task's power and management interfaces, typed. */
export const power = (task: DriverTask) => task.driver.power as PowerInterface;
export const management = (task: DriverTask) => task.driver.management as ManagementInterface;

/** What a rejected promise rejected with (fails the test when it resolved). */
export async function failureOf(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure, but the call succeeded');
}
