import { hostname } from 'node:os';
import { interfaceSettings } from './interface-settings';
import { defineSetting, settingLabel } from './setting';
import { defineRule, type SettingRule } from './setting-rule';
import { settingValue as v } from './value-schemas';

const HOST = v.text({ expected: 'a host name or IP address', pattern: /^[A-Za-z0-9.:_%[\]-]+$/ });
const PORT = v.integer({ min: 1, max: 65535 });
const PATH = v.text({ expected: 'a file or directory path', pattern: /\S/ });

/** Every setting of every Slipway process, declared once. Apps pick theirs in app-settings.ts. */
export const settings = {
  configFile: defineSetting({
    key: 'configFile',
    env: 'SLIPWAY_CONFIG_FILE',
    schema: PATH,
    description: 'Optional YAML or JSON file with settings, keyed like the "config file key" column. Environment variables override it.',
  }),
  databaseUrl: defineSetting({
    key: 'database.url',
    env: 'SLIPWAY_DATABASE_URL',
    schema: v.url({ protocols: ['postgres:', 'postgresql:'] }),
    secret: true,
    description: 'PostgreSQL URL. Unset: an embedded PostgreSQL (PGlite) in the data directory, for standalone use.',
  }),
  databasePoolSize: defineSetting({
    key: 'database.poolSize',
    env: 'SLIPWAY_DATABASE_POOL_SIZE',
    schema: v.integer({ min: 1, max: 1000 }),
    default: 10,
    description: 'Maximum number of connections each process opens to PostgreSQL.',
  }),
  dataDir: defineSetting({
    key: 'dataDir',
    env: 'SLIPWAY_DATA_DIR',
    schema: PATH,
    default: './data',
    description: 'Directory for local state (the embedded database when SLIPWAY_DATABASE_URL is unset).',
  }),
  amqpUrl: defineSetting({
    key: 'amqp.url',
    env: 'SLIPWAY_AMQP_URL',
    schema: v.url({ protocols: ['amqp:', 'amqps:'] }),
    secret: true,
    description: 'RabbitMQ URL for RPC between api, orchestrator and conductors. Unset: in-process RPC (standalone).',
  }),
  redisUrl: defineSetting({
    key: 'redis.url',
    env: 'SLIPWAY_REDIS_URL',
    schema: v.url({ protocols: ['redis:', 'rediss:'] }),
    secret: true,
    description: 'Redis URL for the orchestrator task queue (BullMQ). Unset: an in-process queue (standalone).',
  }),
  apiHost: defineSetting({
    key: 'api.host',
    env: 'SLIPWAY_API_HOST',
    schema: HOST,
    default: '127.0.0.1',
    description: 'Address the Ironic-compatible REST API listens on.',
  }),
  apiPort: defineSetting({
    key: 'api.port',
    env: 'SLIPWAY_API_PORT',
    schema: PORT,
    default: 6385,
    description: "Port of the Ironic-compatible REST API (Ironic's own default).",
  }),
  orchestratorHost: defineSetting({
    key: 'orchestrator.host',
    env: 'SLIPWAY_ORCHESTRATOR_HOST',
    schema: HOST,
    default: '127.0.0.1',
    description: 'Address the orchestrator REST API listens on.',
  }),
  orchestratorPort: defineSetting({
    key: 'orchestrator.port',
    env: 'SLIPWAY_ORCHESTRATOR_PORT',
    schema: PORT,
    default: 9000,
    description: 'Port of the orchestrator REST API (Drydock-style, /api/v1.0).',
  }),
  conductorHostname: defineSetting({
    key: 'conductor.hostname',
    env: 'SLIPWAY_HOSTNAME',
    schema: v.text({ expected: 'a host name of at most 255 characters', pattern: /^[A-Za-z0-9.:_-]+$/, maxLength: 255 }),
    default: () => hostname(),
    defaultLabel: 'host name',
    description: 'Identity of this conductor: its RPC topic, its row in the conductors table and the holder name of its node locks. Must be unique in the cluster.',
  }),
  conductorGroup: defineSetting({
    key: 'conductor.group',
    env: 'SLIPWAY_CONDUCTOR_GROUP',
    schema: v.text({
      expected: 'at most 255 letters, digits, "_", "-" or "."',
      pattern: /^[a-zA-Z0-9_\-.]*$/,
      maxLength: 255,
      lowercase: true,
    }),
    default: '',
    description: 'Conductor group; the conductor serves only nodes of the same group (case-insensitive, stored lower-case).',
  }),
  enabledHardwareTypes: defineSetting({
    key: 'conductor.enabledHardwareTypes',
    env: 'SLIPWAY_ENABLED_HARDWARE_TYPES',
    schema: v.list({ item: /^[a-z0-9][a-z0-9_-]*$/, itemExpected: 'hardware type names (lower-case)', minItems: 1 }),
    default: ['fake-hardware', 'manual-management'],
    description: 'Hardware types this conductor loads and registers (comma-separated).',
  }),
  ...interfaceSettings,
  heartbeatInterval: defineSetting({
    key: 'conductor.heartbeatInterval',
    env: 'SLIPWAY_HEARTBEAT_INTERVAL',
    schema: v.seconds(),
    default: 2,
    description: 'Seconds between two conductor heartbeats.',
  }),
  syncPowerStateInterval: defineSetting({
    key: 'conductor.syncPowerStateInterval',
    env: 'SLIPWAY_SYNC_POWER_STATE_INTERVAL',
    schema: v.seconds({ zeroDisables: true }),
    default: 60,
    description: "Seconds between two passes of the power state sync over the conductor's nodes (Ironic: sync_power_state_interval, 120). 0 disables it.",
  }),
  syncPowerStateWorkers: defineSetting({
    key: 'conductor.syncPowerStateWorkers',
    env: 'SLIPWAY_SYNC_POWER_STATE_WORKERS',
    schema: v.integer({ min: 1, max: 1000 }),
    default: 8,
    description: 'Nodes whose power state one conductor reads at once during the power state sync.',
  }),
  powerStateSyncMaxRetries: defineSetting({
    key: 'conductor.powerStateSyncMaxRetries',
    env: 'SLIPWAY_POWER_STATE_SYNC_MAX_RETRIES',
    schema: v.integer({ min: 1, max: 1000 }),
    default: 3,
    description: 'Failed power state reads in a row after which a node goes into maintenance with fault "power failure".',
  }),
  powerFailureRecoveryInterval: defineSetting({
    key: 'conductor.powerFailureRecoveryInterval',
    env: 'SLIPWAY_POWER_FAILURE_RECOVERY_INTERVAL',
    schema: v.seconds({ zeroDisables: true }),
    default: 300,
    description: 'Seconds between two checks of nodes in maintenance for a power failure: a node whose power can be read again leaves maintenance. 0 disables it.',
  }),
  nodeHistoryCleanupInterval: defineSetting({
    key: 'conductor.nodeHistoryCleanupInterval',
    env: 'SLIPWAY_NODE_HISTORY_CLEANUP_INTERVAL',
    schema: v.seconds({ zeroDisables: true }),
    default: 86400,
    description: "Seconds between two cleanups of the node history of the conductor's nodes. 0 disables them.",
  }),
  nodeHistoryMaxEntries: defineSetting({
    key: 'conductor.nodeHistoryMaxEntries',
    env: 'SLIPWAY_NODE_HISTORY_MAX_ENTRIES',
    schema: v.integer({ min: 1, max: 1_000_000 }),
    default: 300,
    description: 'History entries kept per node; the cleanup deletes older ones.',
  }),
  nodeHistoryCleanupBatchCount: defineSetting({
    key: 'conductor.nodeHistoryCleanupBatchCount',
    env: 'SLIPWAY_NODE_HISTORY_CLEANUP_BATCH_COUNT',
    schema: v.integer({ min: 1, max: 1_000_000 }),
    default: 1000,
    description: 'Most history entries one cleanup deletes.',
  }),
  nodeHistoryMinimumDays: defineSetting({
    key: 'conductor.nodeHistoryMinimumDays',
    env: 'SLIPWAY_NODE_HISTORY_MINIMUM_DAYS',
    schema: v.integer({ min: 0, max: 100_000 }),
    default: 0,
    description: 'History entries younger than this many days are kept whatever their number.',
  }),
  checkProvisionStateInterval: defineSetting({
    key: 'conductor.checkProvisionStateInterval',
    env: 'SLIPWAY_CHECK_PROVISION_STATE_INTERVAL',
    schema: v.seconds({ zeroDisables: true }),
    default: 60,
    description: 'Seconds between two checks for nodes waiting too long for a callback (deploy, clean, inspect, rescue, service). 0 disables them.',
  }),
  deployCallbackTimeout: defineSetting({
    key: 'conductor.deployCallbackTimeout',
    env: 'SLIPWAY_DEPLOY_CALLBACK_TIMEOUT',
    schema: v.seconds({ zeroDisables: true }),
    default: 1800,
    description: 'Seconds a node may stay in wait call-back before it fails. 0 disables the timeout.',
  }),
  cleanCallbackTimeout: defineSetting({
    key: 'conductor.cleanCallbackTimeout',
    env: 'SLIPWAY_CLEAN_CALLBACK_TIMEOUT',
    schema: v.seconds({ zeroDisables: true }),
    default: 1800,
    description: 'Seconds a node may stay in clean wait before it fails. 0 disables the timeout.',
  }),
  inspectWaitTimeout: defineSetting({
    key: 'conductor.inspectWaitTimeout',
    env: 'SLIPWAY_INSPECT_WAIT_TIMEOUT',
    schema: v.seconds({ zeroDisables: true }),
    default: 1800,
    description: 'Seconds a node may stay in inspect wait before it fails. 0 disables the timeout.',
  }),
  rescueCallbackTimeout: defineSetting({
    key: 'conductor.rescueCallbackTimeout',
    env: 'SLIPWAY_RESCUE_CALLBACK_TIMEOUT',
    schema: v.seconds({ zeroDisables: true }),
    default: 1800,
    description: 'Seconds a node may stay in rescue wait before it fails. 0 disables the timeout.',
  }),
  serviceCallbackTimeout: defineSetting({
    key: 'conductor.serviceCallbackTimeout',
    env: 'SLIPWAY_SERVICE_CALLBACK_TIMEOUT',
    schema: v.seconds({ zeroDisables: true }),
    default: 1800,
    description: 'Seconds a node may stay in service wait before it fails. 0 disables the timeout.',
  }),
  syncLocalStateInterval: defineSetting({
    key: 'conductor.syncLocalStateInterval',
    env: 'SLIPWAY_SYNC_LOCAL_STATE_INTERVAL',
    schema: v.seconds({ zeroDisables: true }),
    default: 180,
    description: "Seconds between two passes that take over active nodes last prepared by another conductor (they also run at once after a membership change). 0 disables the periodic pass.",
  }),
  automatedClean: defineSetting({
    key: 'conductor.automatedClean',
    env: 'SLIPWAY_AUTOMATED_CLEAN',
    schema: v.boolean(),
    default: true,
    description: "Whether provide and undeploy run the drivers' automated clean steps on nodes whose own automated_clean is unset (Ironic: automated_clean).",
  }),
  maxConductorWaitStepSeconds: defineSetting({
    key: 'conductor.maxConductorWaitStepSeconds',
    env: 'SLIPWAY_MAX_CONDUCTOR_WAIT_STEP_SECONDS',
    schema: v.integer({ min: 0, max: 86400 }),
    default: 30,
    description: 'Longest a `wait` step with `seconds` sleeps before its work goes on (Ironic: max_conductor_wait_step_seconds).',
  }),
  maxConcurrentDeploy: defineSetting({
    key: 'conductor.maxConcurrentDeploy',
    env: 'SLIPWAY_MAX_CONCURRENT_DEPLOY',
    schema: v.integer({ min: 1, max: 1000000 }),
    default: 250,
    description: 'Nodes that may be deploying (or waiting in a deploy) at once in the whole cluster; a deploy request beyond it answers 503 (Ironic: max_concurrent_deploy).',
  }),
  maxConcurrentClean: defineSetting({
    key: 'conductor.maxConcurrentClean',
    env: 'SLIPWAY_MAX_CONCURRENT_CLEAN',
    schema: v.integer({ min: 1, max: 1000000 }),
    default: 50,
    description: 'Nodes that may be cleaning (or waiting in a clean) at once in the whole cluster; a clean, provide or undeploy request beyond it answers 503 (Ironic: max_concurrent_clean).',
  }),
  heartbeatTimeout: defineSetting({
    key: 'conductor.heartbeatTimeout',
    env: 'SLIPWAY_HEARTBEAT_TIMEOUT',
    schema: v.seconds(),
    default: 10,
    description: 'Seconds without a heartbeat after which a conductor counts as dead and its nodes move to others. Must exceed the interval.',
  }),
  rpcTimeout: defineSetting({
    key: 'rpc.timeout',
    env: 'SLIPWAY_RPC_TIMEOUT',
    schema: v.seconds(),
    default: 60,
    description: 'Seconds an RPC call waits for the conductor to answer.',
  }),
  logLevel: defineSetting({
    key: 'log.level',
    env: 'SLIPWAY_LOG_LEVEL',
    schema: v.oneOf(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']),
    default: 'info',
    description: 'Lowest level written to the log (silent: none).',
  }),
  logFormat: defineSetting({
    key: 'log.format',
    env: 'SLIPWAY_LOG_FORMAT',
    schema: v.oneOf(['json', 'pretty']),
    default: 'json',
    description: 'json: one JSON object per line; pretty: one human-readable line.',
  }),
  maxBodyBytes: defineSetting({
    key: 'http.maxBodyBytes',
    env: 'SLIPWAY_MAX_BODY_BYTES',
    schema: v.integer({ min: 1024 }),
    default: 1024 * 1024,
    description: 'Largest request body the REST APIs accept, in bytes (larger: 413).',
  }),
  authStrategy: defineSetting({
    key: 'auth.strategy',
    env: 'SLIPWAY_AUTH_STRATEGY',
    schema: v.oneOf(['noauth', 'http_basic']),
    default: 'noauth',
    description: 'noauth: no authentication; http_basic: HTTP Basic against SLIPWAY_HTPASSWD_FILE, as Ironic does.',
  }),
  htpasswdFile: defineSetting({
    key: 'auth.htpasswdFile',
    env: 'SLIPWAY_HTPASSWD_FILE',
    schema: PATH,
    description: 'Apache htpasswd file with bcrypt entries; required when SLIPWAY_AUTH_STRATEGY is http_basic.',
  }),
  shutdownTimeout: defineSetting({
    key: 'shutdownTimeout',
    env: 'SLIPWAY_SHUTDOWN_TIMEOUT',
    schema: v.seconds(),
    default: 10,
    description: 'Seconds a process waits for work in progress to finish on SIGTERM before it exits anyway.',
  }),
  heapGrowthPercent: defineSetting({
    key: 'heapGrowthPercent',
    env: 'SLIPWAY_HEAP_GROWTH_PERCENT',
    schema: v.integer({ min: 0, max: 1000 }),
    default: 50,
    description: "How far (percent) the JavaScript heap may grow past its live data before the next full garbage collection. 0 leaves it to V8's adaptive factor: a little faster under load, but the heap can grow to several times its live data and stay there.",
  }),
} as const;

/** Checks across settings; each applies to the apps that use all of its settings. */
export const settingRules: readonly SettingRule[] = [
  defineRule([settings.heartbeatInterval, settings.heartbeatTimeout], (interval, timeout) =>
    timeout > interval
      ? undefined
      : `${settingLabel(settings.heartbeatTimeout)} is ${timeout}, but must be greater than ${settingLabel(settings.heartbeatInterval)}, which is ${interval}: live conductors would be declared dead between two heartbeats`,
  ),
  defineRule([settings.authStrategy, settings.htpasswdFile], (strategy, file) =>
    strategy === 'http_basic' && file === undefined
      ? `${settingLabel(settings.htpasswdFile)} is required when ${settingLabel(settings.authStrategy)} is http_basic`
      : undefined,
  ),
];
