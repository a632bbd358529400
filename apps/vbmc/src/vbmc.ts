import { FastifyInstance } from 'fastify';
import { AddressInfo } from 'node:net';
import { Authenticator } from './auth';
import { bootSystem } from './boot-sequence';
import { DEFAULT_MOCKUPS_DIR } from './bundled-files';
import { CloneRenderer } from './clone-renderer';
import { CloneRegistry } from './clone-systems';
import { FaultInjector, FaultSettings } from './faults';
import { isObject, JsonObject } from './json';
import { MockupTree } from './mockup-tree';
import { pathKey } from './paths';
import { PowerController } from './power-controller';
import { Credentials, SessionStore } from './sessions';
import { VbmcStats, RequestStats } from './stats';
import { findTemplates } from './system-template';
import { TaskService } from './tasks';
import { prepareServiceRoot } from './template-augment';
import { loadTls } from './tls';
import { VbmcContext } from './vbmc-context';
import { SystemSnapshot, VbmcControl } from './vbmc-control';
import { createVbmcServer, TlsFiles } from './vbmc-server';
import { VbmcInputError } from './vbmc-input.error';
import { VolumeService } from './volumes';

export interface VbmcOptions {
  /** A folder name under `mockupsDir` (e.g. `dmtf-public-rackmount1`) or a folder path. */
  mockup: string;
  /** Where mockup names are looked up; default `redfish-mockups` in `$SLIPWAY_SHARED_DIR` (`../shared` beside the repo). */
  mockupsDir?: string;
  /** How many systems to simulate (clones of the mockup's systems); default 1. */
  systems?: number;
  /** When set, every Redfish resource but the service root needs these (Basic) or a session. */
  credentials?: Credentials;
  /** `true` for the bundled localhost certificate, or the certificate and key to use. */
  tls?: boolean | TlsFiles;
  /** Time each power transition takes (PoweringOn/PoweringOff meanwhile); default 0. */
  powerDelayMs?: number;
  /** Most live sessions; one more login gets 503 SessionLimitExceeded. Default 16. */
  sessionLimit?: number;
  /** Idle time after which a session lapses; default 1800 s. */
  sessionTimeoutSeconds?: number;
  /** Delay added to every Redfish answer; default 0. */
  latencyMs?: number;
  /** How long volume creation and firmware update tasks run; default 200 ms. */
  taskDurationMs?: number;
  /** Retry-After of task monitors while a task runs; default 1 s. */
  taskRetryAfterSeconds?: number;
  /** Clock, for tests; default Date.now. */
  now?: () => number;
  /** Randomness for fault rates, for tests; default Math.random. */
  random?: () => number;
}

export interface VbmcState {
  /** Clone ids in order; system i (1-based) is `/redfish/v1/Systems/${systemIds[i - 1]}`. */
  readonly systemIds: string[];
  /** A clone's current state (power settled to now). Throws UnknownSystemError for an unknown id. */
  system(id: string): SystemSnapshot;
  /** The mockup folder served. */
  readonly mockupRoot: string;
  /** `no auth` or `basic or session auth as "<user>"`. */
  readonly authMode: string;
}

export interface Vbmc {
  readonly server: FastifyInstance;
  readonly state: VbmcState;
  /** Starts listening (default 127.0.0.1 and a free port); resolves to the base URL, e.g. `http://127.0.0.1:8000`. */
  listen(options?: { host?: string; port?: number }): Promise<string>;
  close(): Promise<void>;
  /** Replaces the injected faults (validated; throws VbmcInputError). */
  setFaults(faults: FaultSettings): FaultSettings;
  clearFaults(): void;
  /** A stuck system ignores power changes: it never reaches the requested state. */
  setStuckPower(systemId: string, stuck: boolean): void;
  stats(): VbmcStats;
  resetStats(): void;
}

/** A virtual BMC serving `systems` clones of a Redfish mockup on one port. */
export function createVbmc(options: VbmcOptions): Vbmc {
  checkCounts(options);
  const now = options.now ?? Date.now;
  const tree = MockupTree.load(options.mockup, options.mockupsDir ?? DEFAULT_MOCKUPS_DIR);
  prepareServiceRoot(tree);
  const clones = new CloneRegistry(findTemplates(tree), options.systems ?? 1, tree.name);
  const power = new PowerController(options.powerDelayMs ?? 0, now, bootSystem);
  const volumes = new VolumeService(tree, (clone, path) => {
    const target = clones.resolve(pathKey(path));
    return target && target.clone === clone ? target.key : pathKey(path);
  });
  const sessionTimeout = options.sessionTimeoutSeconds ?? 1800;
  const sessionService = tree.get('/redfish/v1/SessionService')!;
  sessionService.SessionTimeout = sessionTimeout;
  const sessions = new SessionStore(options.credentials, options.sessionLimit ?? 16, sessionTimeout, now);
  const ctx: VbmcContext = {
    tree,
    clones,
    power,
    volumes,
    renderer: new CloneRenderer(tree, power, volumes),
    tasks: new TaskService(options.taskDurationMs ?? 200, options.taskRetryAfterSeconds ?? 1, now),
    sessions,
    auth: new Authenticator(options.credentials, sessions),
    faults: new FaultInjector(options.latencyMs ?? 0, options.random ?? Math.random),
    stats: new RequestStats(),
    collections: collections(tree, clones),
    simpleUpdateKeys: simpleUpdateKeys(tree),
  };
  const control = new VbmcControl(ctx);
  const tls = options.tls === true ? loadTls() : options.tls || undefined;
  const server = createVbmcServer(ctx, control, tls);
  const systemIds = control.systemIds();

  return {
    server,
    state: {
      systemIds,
      system: (id) => control.snapshot(id),
      mockupRoot: tree.root,
      authMode: ctx.auth.mode,
    },
    async listen(listenOptions = {}) {
      await server.listen({ host: listenOptions.host ?? '127.0.0.1', port: listenOptions.port ?? 0 });
      const address = server.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `${tls ? 'https' : 'http'}://${host}:${address.port}`;
    },
    close: () => server.close(),
    setFaults: (faults) => control.setFaults(faults),
    clearFaults: () => control.clearFaults(),
    setStuckPower: (id, stuck) => control.setStuckPower(id, stuck),
    stats: () => control.stats(),
    resetStats: () => control.resetStats(),
  };
}

/** Callers other than the CLI (which validates its flags) get the same limits. */
function checkCounts(options: VbmcOptions): void {
  const limits: Array<[keyof VbmcOptions, number]> = [['systems', 1], ['sessionLimit', 1], ['powerDelayMs', 0], ['latencyMs', 0], ['taskDurationMs', 0], ['taskRetryAfterSeconds', 0], ['sessionTimeoutSeconds', 1]];
  const problems = limits
    .filter(([name, min]) => options[name] !== undefined && (!Number.isInteger(options[name]) || (options[name] as number) < min))
    .map(([name, min]) => `${name} must be a whole number of at least ${min}, got ${String(options[name])}`);
  if (problems.length > 0) throw new VbmcInputError(problems.join('; '));
}

/** Systems, Managers and Chassis with clones in place of templates, built once (they never change). */
function collections(tree: MockupTree, clones: CloneRegistry): Map<string, JsonObject> {
  const built = new Map<string, JsonObject>();
  for (const path of ['/redfish/v1/Systems', '/redfish/v1/Managers', '/redfish/v1/Chassis']) {
    const doc = tree.get(path);
    if (doc) built.set(pathKey(path), clones.expandCollection(doc));
  }
  return built;
}

function simpleUpdateKeys(tree: MockupTree): Set<string> {
  const actions = tree.get('/redfish/v1/UpdateService')?.Actions;
  const action = isObject(actions) ? actions['#UpdateService.SimpleUpdate'] : undefined;
  const keys = new Set([pathKey('/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate')]);
  if (isObject(action) && typeof action.target === 'string') keys.add(pathKey(action.target));
  return keys;
}
