import { hostname } from 'node:os';
import {
  apiSettings,
  conductorSettings,
  ConfigError,
  loadConfig,
  migrateSettings,
  orchestratorSettings,
  standaloneSettings,
  type LoadConfigOptions,
} from './index';

/** A strict fake file system: reading any other path fails like a missing file. */
function files(contents: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = contents[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  };
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const noFile: LoadConfigOptions = { readFile: files({}) };

/** Every conductor setting at its default: the whole section, spelt out once. */
const CONDUCTOR_DEFAULTS = {
  hostname: hostname(),
  group: '',
  enabledHardwareTypes: ['fake-hardware', 'manual-management', 'redfish'],
  heartbeatInterval: 2,
  heartbeatTimeout: 10,
  syncPowerStateInterval: 60,
  syncPowerStateWorkers: 8,
  powerStateSyncMaxRetries: 3,
  powerFailureRecoveryInterval: 300,
  nodeHistoryCleanupInterval: 86400,
  nodeHistoryMaxEntries: 300,
  nodeHistoryCleanupBatchCount: 1000,
  nodeHistoryMinimumDays: 0,
  checkProvisionStateInterval: 60,
  deployCallbackTimeout: 1800,
  cleanCallbackTimeout: 1800,
  inspectWaitTimeout: 1800,
  rescueCallbackTimeout: 1800,
  serviceCallbackTimeout: 1800,
  syncLocalStateInterval: 180,
  automatedClean: true,
  maxConductorWaitStepSeconds: 30,
  maxConcurrentDeploy: 250,
  maxConcurrentClean: 50,
  powerStateChangeTimeout: 60,
  enabledInterfaces: {},
  defaultInterfaces: {},
};

describe('loadConfig defaults', () => {
  it('gives the api its defaults, nested by key', () => {
    expect(loadConfig(apiSettings, { ...noFile, env: {} })).toEqual({
      configFile: undefined,
      log: { level: 'info', format: 'json' },
      shutdownTimeout: 10,
      heapGrowthPercent: 50,
      database: { url: undefined, poolSize: 10 },
      dataDir: './data',
      amqp: { url: undefined },
      rpc: { timeout: 60 },
      conductor: { heartbeatInterval: 2, heartbeatTimeout: 10 },
      http: { maxBodyBytes: 1048576 },
      auth: { strategy: 'noauth', htpasswdFile: undefined },
      api: { host: '127.0.0.1', port: 6385 },
    });
  });

  it('gives the conductor the host name as identity and the default hardware types', () => {
    const config = loadConfig(conductorSettings, { ...noFile, env: {} });
    expect(config.conductor).toEqual(CONDUCTOR_DEFAULTS);
  });

  it('gives each app only its own settings', () => {
    const env = {};
    expect(Object.keys(loadConfig(migrateSettings, { ...noFile, env })).sort()).toEqual(['configFile', 'dataDir', 'database', 'log']);
    expect(loadConfig(orchestratorSettings, { ...noFile, env })).toMatchObject({
      orchestrator: { host: '127.0.0.1', port: 9000 },
      redis: { url: undefined },
    });
    expect(loadConfig(orchestratorSettings, { ...noFile, env })).not.toHaveProperty('api');
    const standalone = loadConfig(standaloneSettings, { ...noFile, env });
    expect(standalone.api.port).toBe(6385);
    // @ts-expect-error standalone serves the orchestrator on the api's listener
    expect(standalone.orchestrator).toBeUndefined();
    expect(standalone.redis.url).toBeUndefined();
    expect(standalone.conductor.hostname).toBe(hostname());
  });

  it('returns a frozen object', () => {
    const config = loadConfig(conductorSettings, { ...noFile, env: {} });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.conductor)).toBe(true);
    expect(Object.isFrozen(config.conductor.enabledHardwareTypes)).toBe(true);
  });
});

describe('loadConfig from the environment', () => {
  it('converts every kind of value from its string form', () => {
    const config = loadConfig(standaloneSettings, {
      ...noFile,
      env: {
        SLIPWAY_DATABASE_URL: 'postgresql://slipway:pw@db.example:5432/slipway',
        SLIPWAY_DATABASE_POOL_SIZE: '25',
        SLIPWAY_AMQP_URL: 'amqps://guest:guest@rabbit:5671/',
        SLIPWAY_REDIS_URL: 'rediss://:pw@cache:6380/0',
        SLIPWAY_API_HOST: '0.0.0.0',
        SLIPWAY_API_PORT: ' 16385 ',
        SLIPWAY_HOSTNAME: 'conductor-1.example',
        SLIPWAY_CONDUCTOR_GROUP: 'Rack-1.East',
        SLIPWAY_ENABLED_HARDWARE_TYPES: 'redfish, ipmi,,redfish',
        SLIPWAY_ENABLED_BOOT_INTERFACES: 'redfish-virtual-media, ipxe',
        SLIPWAY_DEFAULT_BOOT_INTERFACE: 'ipxe',
        SLIPWAY_HEARTBEAT_INTERVAL: '0.5',
        SLIPWAY_SYNC_POWER_STATE_INTERVAL: '0',
        SLIPWAY_HEARTBEAT_TIMEOUT: '3',
        SLIPWAY_RPC_TIMEOUT: '5',
        SLIPWAY_LOG_LEVEL: 'debug',
        SLIPWAY_LOG_FORMAT: 'pretty',
        SLIPWAY_MAX_BODY_BYTES: '2048',
        SLIPWAY_AUTH_STRATEGY: 'http_basic',
        SLIPWAY_HTPASSWD_FILE: '/etc/slipway/htpasswd',
        SLIPWAY_SHUTDOWN_TIMEOUT: '30',
      },
    });
    expect(config.database).toEqual({ url: 'postgresql://slipway:pw@db.example:5432/slipway', poolSize: 25 });
    expect(config.amqp.url).toBe('amqps://guest:guest@rabbit:5671/');
    expect(config.redis.url).toBe('rediss://:pw@cache:6380/0');
    expect(config.api).toEqual({ host: '0.0.0.0', port: 16385 });
    expect(config.conductor).toEqual({
      ...CONDUCTOR_DEFAULTS,
      hostname: 'conductor-1.example',
      group: 'rack-1.east',
      enabledHardwareTypes: ['redfish', 'ipmi'],
      heartbeatInterval: 0.5,
      heartbeatTimeout: 3,
      syncPowerStateInterval: 0,
      enabledInterfaces: { boot: ['redfish-virtual-media', 'ipxe'] },
      defaultInterfaces: { boot: 'ipxe' },
    });
    expect(config.rpc.timeout).toBe(5);
    expect(config.log).toEqual({ level: 'debug', format: 'pretty' });
    expect(config.http.maxBodyBytes).toBe(2048);
    expect(config.auth).toEqual({ strategy: 'http_basic', htpasswdFile: '/etc/slipway/htpasswd' });
    expect(config.shutdownTimeout).toBe(30);
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(apiSettings, { ...noFile, env: { SLIPWAY_DATABASE_URL: '', SLIPWAY_API_PORT: '  ' } });
    expect(config.database.url).toBeUndefined();
    expect(config.api.port).toBe(6385);
  });

  it('names the variable, the key, the value and what was expected', () => {
    expect(problemsOf(() => loadConfig(apiSettings, { ...noFile, env: { SLIPWAY_API_PORT: '70000' } }))).toEqual([
      'SLIPWAY_API_PORT (config key api.port) from the environment: got "70000"; expected an integer from 1 to 65535',
    ]);
  });

  it.each([
    ['SLIPWAY_API_PORT', '80.5', 'expected an integer from 1 to 65535'],
    ['SLIPWAY_API_PORT', '0x50', 'expected an integer from 1 to 65535'],
    ['SLIPWAY_DATABASE_POOL_SIZE', '0', 'expected an integer from 1 to 1000'],
    ['SLIPWAY_HEARTBEAT_INTERVAL', '-1', 'expected a number of seconds greater than 0'],
    ['SLIPWAY_SYNC_POWER_STATE_INTERVAL', '-1', 'expected a number of seconds, or 0 to disable'],
    ['SLIPWAY_RPC_TIMEOUT', 'soon', 'expected a number of seconds greater than 0'],
    ['SLIPWAY_LOG_LEVEL', 'verbose', 'expected one of silent, fatal, error, warn, info, debug, trace'],
    ['SLIPWAY_LOG_FORMAT', 'xml', 'expected one of json, pretty'],
    ['SLIPWAY_AUTH_STRATEGY', 'keystone', 'expected one of noauth, http_basic'],
    ['SLIPWAY_DATABASE_URL', 'mysql://db/slipway', 'expected a postgres:// or postgresql:// URL'],
    ['SLIPWAY_AMQP_URL', 'rabbit:5672', 'expected a amqp:// or amqps:// URL'],
    ['SLIPWAY_MAX_BODY_BYTES', '1MiB', 'expected an integer of at least 1024'],
    ['SLIPWAY_HEAP_GROWTH_PERCENT', '-5', 'expected an integer from 0 to 1000'],
    ['SLIPWAY_API_HOST', 'my host', 'expected a host name or IP address'],
    ['SLIPWAY_ENABLED_POWER_INTERFACES', 'Redfish', 'expected a non-empty comma-separated list of interface implementation names \\(lower-case\\)'],
    ['SLIPWAY_DEFAULT_DEPLOY_INTERFACE', 'direct,ramdisk', 'expected an interface implementation name \\(lower-case\\)'],
  ])('rejects %s=%s', (name, value, expected) => {
    const [problem] = problemsOf(() => loadConfig(standaloneSettings, { ...noFile, env: { [name]: value } }));
    expect(problem).toMatch(new RegExp(`^${name} \\(config key [\\w.]+\\) from the environment: got .*; ${expected}$`));
  });

  it('checks conductor identity, group and hardware types like Ironic', () => {
    const problems = problemsOf(() =>
      loadConfig(conductorSettings, {
        ...noFile,
        env: {
          SLIPWAY_HOSTNAME: 'bad host',
          SLIPWAY_CONDUCTOR_GROUP: 'rack 1',
          SLIPWAY_ENABLED_HARDWARE_TYPES: ' , ',
        },
      }),
    );
    expect(problems).toEqual([
      'SLIPWAY_HOSTNAME (config key conductor.hostname) from the environment: got "bad host"; expected a host name of at most 255 characters',
      'SLIPWAY_CONDUCTOR_GROUP (config key conductor.group) from the environment: got "rack 1"; expected at most 255 letters, digits, "_", "-" or "."',
      'SLIPWAY_ENABLED_HARDWARE_TYPES (config key conductor.enabledHardwareTypes) from the environment: got " , "; expected a non-empty comma-separated list of hardware type names (lower-case)',
    ]);
    expect(problemsOf(() => loadConfig(conductorSettings, { ...noFile, env: { SLIPWAY_CONDUCTOR_GROUP: 'g'.repeat(256) } }))).toHaveLength(1);
    expect(loadConfig(conductorSettings, { ...noFile, env: { SLIPWAY_CONDUCTOR_GROUP: 'g'.repeat(255) } }).conductor.group).toHaveLength(255);
  });
});

describe('loadConfig with a config file', () => {
  const yaml = ['api:', '  port: 7000', '  host: 10.0.0.1', 'log:', '  level: debug', 'conductor:', '  enabledHardwareTypes: [redfish, ipmi]', ''].join('\n');

  it('reads YAML named by SLIPWAY_CONFIG_FILE, and the environment overrides it', () => {
    const config = loadConfig(standaloneSettings, {
      env: { SLIPWAY_CONFIG_FILE: '/etc/slipway.yaml', SLIPWAY_API_PORT: '8000' },
      readFile: files({ '/etc/slipway.yaml': yaml }),
    });
    expect(config.configFile).toBe('/etc/slipway.yaml');
    expect(config.api).toEqual({ port: 8000, host: '10.0.0.1' });
    expect(config.log.level).toBe('debug');
    expect(config.conductor.enabledHardwareTypes).toEqual(['redfish', 'ipmi']);
    expect(config.rpc.timeout).toBe(60);
  });

  it('reads the interface settings keyed by interface type, as lists or comma-separated strings', () => {
    const file = ['conductor:', '  enabledInterfaces:', '    power: [fake, ipmitool]', '    boot: fake, pxe', '  defaultInterfaces:', '    power: ipmitool', ''].join('\n');
    const config = loadConfig(conductorSettings, { env: { SLIPWAY_ENABLED_BOOT_INTERFACES: 'pxe' }, file: '/etc/slipway.yaml', readFile: files({ '/etc/slipway.yaml': file }) });
    expect(config.conductor.enabledInterfaces).toEqual({ power: ['fake', 'ipmitool'], boot: ['pxe'] });
    expect(config.conductor.defaultInterfaces).toEqual({ power: 'ipmitool' });
  });

  it('reads JSON when the file ends in .json, given by option', () => {
    const config = loadConfig(apiSettings, {
      env: {},
      file: '/etc/slipway.json',
      readFile: files({ '/etc/slipway.json': '{"api": {"port": "7001"}, "database": {"poolSize": 3}}' }),
    });
    expect(config.configFile).toBe('/etc/slipway.json');
    expect(config.api.port).toBe(7001);
    expect(config.database.poolSize).toBe(3);
  });

  it('ignores settings of other apps, and null values, in a shared file', () => {
    const config = loadConfig(apiSettings, {
      env: {},
      file: '/etc/slipway.yaml',
      readFile: files({ '/etc/slipway.yaml': 'orchestrator:\n  port: 9100\nredis:\n  url: redis://cache\napi:\n  port: ~\n' }),
    });
    expect(config.api.port).toBe(6385);
    expect(config).not.toHaveProperty('orchestrator');
  });

  it('treats an empty file as setting nothing', () => {
    const config = loadConfig(apiSettings, { env: {}, file: '/e.yaml', readFile: files({ '/e.yaml': '# nothing\n' }) });
    expect(config.api.port).toBe(6385);
  });

  it.each([
    ['a missing file', '/missing.yaml', {}, ["SLIPWAY_CONFIG_FILE (config file) /missing.yaml: cannot be read: ENOENT: no such file or directory, open '/missing.yaml'"]],
    ['a top level that is not a mapping', '/list.yaml', { '/list.yaml': '- a\n- b\n' }, ['/list.yaml: expected a mapping of settings at the top level, got a list']],
    ['bad JSON', '/bad.json', { '/bad.json': '{"api": ' }, [expect.stringMatching(/^\/bad\.json: not valid JSON: /)]],
    ['bad YAML', '/bad.yaml', { '/bad.yaml': 'api: [1, 2\n' }, [expect.stringMatching(/^\/bad\.yaml: not valid YAML: /)]],
    ['a section given a value', '/s.yaml', { '/s.yaml': 'api: 6385\n' }, ['/s.yaml: key "api" must be a mapping of settings (api.host, api.port), got a number']],
    ['the file naming itself', '/c.yaml', { '/c.yaml': 'configFile: /other.yaml\n' }, ['/c.yaml: key "configFile" cannot be set in the config file, only with SLIPWAY_CONFIG_FILE']],
    ['a misspelt key', '/t.yaml', { '/t.yaml': 'api:\n  prot: 1\n' }, ['/t.yaml: unknown key "api.prot" (did you mean api.port?)']],
    ['an unknown key', '/u.yaml', { '/u.yaml': 'colour: blue\n' }, ['/u.yaml: unknown key "colour"']],
  ])('reports %s', (_what, file, contents, expected) => {
    expect(problemsOf(() => loadConfig(apiSettings, { env: {}, file, readFile: files(contents) }))).toEqual(expected);
  });

  it('names the file and the variable when a file value is bad', () => {
    const problems = problemsOf(() =>
      loadConfig(apiSettings, { env: {}, file: '/etc/s.yaml', readFile: files({ '/etc/s.yaml': 'api:\n  port: 70000\n' }) }),
    );
    expect(problems).toEqual(['SLIPWAY_API_PORT (config key api.port) from /etc/s.yaml: got 70000; expected an integer from 1 to 65535']);
  });
});

describe('loadConfig problems', () => {
  it('lists every problem at once', () => {
    const problems = problemsOf(() =>
      loadConfig(standaloneSettings, {
        env: {
          SLIPWAY_CONFIG_FILE: '/etc/slipway.yaml',
          SLIPWAY_API_PORT: 'http',
          SLIPWAY_LOG_LEVEL: 'loud',
          SLIPWAY_DATABASE_URL: 'mysql://root:hunter2@db/slipway',
          SLIPWAY_AUTH_STRATEGY: 'http_basic',
        },
        readFile: files({ '/etc/slipway.yaml': 'rpc:\n  timeout: -5\napi:\n  hots: x\n' }),
      }),
    );
    expect(problems).toEqual([
      '/etc/slipway.yaml: unknown key "api.hots" (did you mean api.host?)',
      'SLIPWAY_LOG_LEVEL (config key log.level) from the environment: got "loud"; expected one of silent, fatal, error, warn, info, debug, trace',
      'SLIPWAY_DATABASE_URL (config key database.url) from the environment: got "mysql://root:***@db/slipway"; expected a postgres:// or postgresql:// URL',
      'SLIPWAY_RPC_TIMEOUT (config key rpc.timeout) from /etc/slipway.yaml: got -5; expected a number of seconds greater than 0',
      'SLIPWAY_API_PORT (config key api.port) from the environment: got "http"; expected an integer from 1 to 65535',
      'SLIPWAY_HTPASSWD_FILE (config key auth.htpasswdFile) is required when SLIPWAY_AUTH_STRATEGY (config key auth.strategy) is http_basic',
    ]);
  });

  it('never shows a password, even in a parser error quoting the line', () => {
    const problems = problemsOf(() =>
      loadConfig(standaloneSettings, {
        env: { SLIPWAY_AMQP_URL: 'amqp://guest:s3cret@', SLIPWAY_REDIS_URL: 'http://:s3cret@cache' },
        file: '/etc/s.yaml',
        readFile: files({ '/etc/s.yaml': 'database: {url: postgres://u:s3cret@db/x\n' }),
      }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('s3cret');
    expect(problems).toContain('SLIPWAY_AMQP_URL (config key amqp.url) from the environment: got "amqp://guest:***@"; expected a amqp:// or amqps:// URL');
    expect(new ConfigError(problems).message).not.toContain('s3cret');
  });
});

describe('cross-setting rules', () => {
  it('requires the heartbeat timeout to exceed the interval', () => {
    const env = { SLIPWAY_HEARTBEAT_INTERVAL: '5', SLIPWAY_HEARTBEAT_TIMEOUT: '5' };
    expect(problemsOf(() => loadConfig(conductorSettings, { ...noFile, env }))).toEqual([
      'SLIPWAY_HEARTBEAT_TIMEOUT (config key conductor.heartbeatTimeout) is 5, but must be greater than SLIPWAY_HEARTBEAT_INTERVAL (config key conductor.heartbeatInterval), which is 5: live conductors would be declared dead between two heartbeats',
    ]);
    expect(loadConfig(conductorSettings, { ...noFile, env: { ...env, SLIPWAY_HEARTBEAT_TIMEOUT: '5.5' } }).conductor.heartbeatTimeout).toBe(5.5);
  });

  it('compares a file value with an environment value', () => {
    const problems = problemsOf(() =>
      loadConfig(conductorSettings, {
        env: { SLIPWAY_HEARTBEAT_TIMEOUT: '1' },
        file: '/c.yaml',
        readFile: files({ '/c.yaml': 'conductor:\n  heartbeatInterval: 3\n' }),
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/HEARTBEAT_TIMEOUT .* is 1, but must be greater than .* which is 3/);
  });

  it('skips a rule when one of its settings is already reported', () => {
    const problems = problemsOf(() => loadConfig(conductorSettings, { ...noFile, env: { SLIPWAY_HEARTBEAT_INTERVAL: 'x', SLIPWAY_HEARTBEAT_TIMEOUT: '1' } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SLIPWAY_HEARTBEAT_INTERVAL/);
  });

  it('requires the htpasswd file only for http_basic', () => {
    expect(loadConfig(apiSettings, { ...noFile, env: { SLIPWAY_HTPASSWD_FILE: '/x' } }).auth).toEqual({ strategy: 'noauth', htpasswdFile: '/x' });
    expect(problemsOf(() => loadConfig(apiSettings, { ...noFile, env: { SLIPWAY_AUTH_STRATEGY: 'http_basic' } }))).toHaveLength(1);
  });

  it('serves the orchestrator on the api listener in standalone, so any api port is fine', () => {
    const config = loadConfig(standaloneSettings, { ...noFile, env: { SLIPWAY_API_PORT: '9000' } });
    expect(config.api.port).toBe(9000);
    expect(config).not.toHaveProperty('orchestrator');
  });
});

describe('config types', () => {
  it('are derived from the picked settings', () => {
    const config = loadConfig(apiSettings, { ...noFile, env: {} });
    const port: number = config.api.port;
    const url: string | undefined = config.database.url;
    const level: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' = config.log.level;
    // @ts-expect-error the api does not pick the conductor identity
    const identity: unknown = config.conductor.hostname;
    // @ts-expect-error a required setting is never undefined
    const unset: undefined = config.api.host;
    expect([port, url, level, identity, unset]).toEqual([6385, undefined, 'info', undefined, '127.0.0.1']);
  });
});
