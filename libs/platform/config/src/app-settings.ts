import type { ConfigOf } from './config.types';
import type { Setting } from './setting';
import { interfaceSettingList } from './interface-settings';
import { settings as s } from './settings';

// Each app's config schema is its pick of catalogue settings; `loadConfig(apiSettings)` is typed
// from the list. A setting not picked is ignored in the config file (one file can serve all apps).

const common = [s.configFile, s.logLevel, s.logFormat, s.shutdownTimeout, s.heapGrowthPercent] as const;
const database = [s.databaseUrl, s.databasePoolSize, s.dataDir] as const;
const cluster = [s.amqpUrl, s.rpcTimeout, s.heartbeatInterval, s.heartbeatTimeout] as const;
const httpServer = [s.maxBodyBytes, s.authStrategy, s.htpasswdFile] as const;
/** The orchestrator's task engine: its queue and its limits. */
const siteTaskEngine = [s.redisPrefix, s.siteTaskConcurrency, s.siteTaskRackConcurrency, s.siteTaskPollInterval, s.siteTaskSwitchDriver, s.siteTaskSwitches, s.siteTaskPublicUrl, s.siteTaskBootActionTimeout] as const;

export const apiSettings = [...common, ...database, ...cluster, ...httpServer, s.apiHost, s.apiPort] as const;

export const conductorSettings = [
  ...common,
  ...database,
  ...cluster,
  s.conductorHostname,
  s.conductorGroup,
  s.enabledHardwareTypes,
  ...interfaceSettingList,
  s.syncPowerStateInterval,
  s.syncPowerStateWorkers,
  s.powerStateSyncMaxRetries,
  s.powerFailureRecoveryInterval,
  s.nodeHistoryCleanupInterval,
  s.nodeHistoryMaxEntries,
  s.nodeHistoryCleanupBatchCount,
  s.nodeHistoryMinimumDays,
  s.checkProvisionStateInterval,
  s.deployCallbackTimeout,
  s.cleanCallbackTimeout,
  s.inspectWaitTimeout,
  s.rescueCallbackTimeout,
  s.serviceCallbackTimeout,
  s.syncLocalStateInterval,
  s.automatedClean,
  s.maxConductorWaitStepSeconds,
  s.powerStateChangeTimeout,
  s.redfishAuthType,
  s.redfishConnectionCacheSize,
  s.redfishConnectionAttempts,
  s.redfishConnectionRetryInterval,
  s.redfishConnectTimeout,
  s.redfishReadTimeout,
  s.redfishMaxRequestsPerBmc,
  s.redfishMaxSessionsPerBmc,
  s.redfishStatusCheckInterval,
  s.redfishStepTimeout,
  s.maxConcurrentDeploy,
  s.maxConcurrentClean,
] as const;

export const orchestratorSettings = [
  ...common,
  ...database,
  ...cluster,
  ...httpServer,
  s.redisUrl,
  s.orchestratorHost,
  s.orchestratorPort,
  ...siteTaskEngine,
] as const;

export const migrateSettings = [s.configFile, s.logLevel, s.logFormat, s.databaseUrl, s.dataDir] as const;

/** The settings of several apps, each once (for processes that host more than one). */
export function unionOfSettings<const Ls extends readonly (readonly Setting[])[]>(...lists: Ls): readonly Ls[number][number][] {
  return [...new Set(lists.flat())] as Ls[number][number][];
}

/**
 * Standalone runs the api, a conductor and the orchestrator in one process. The orchestrator's
 * API shares the api's listener there, so only its queue and engine settings are added, not its host and port.
 */
export const standaloneSettings = unionOfSettings(apiSettings, conductorSettings, [s.redisUrl, ...siteTaskEngine] as const);
/** Every setting of the catalogue, in declaration order. */
export const allSettings: readonly Setting[] = Object.values(s);

export type ApiConfig = ConfigOf<typeof apiSettings>;
export type ConductorConfig = ConfigOf<typeof conductorSettings>;
export type OrchestratorConfig = ConfigOf<typeof orchestratorSettings>;
export type StandaloneConfig = ConfigOf<typeof standaloneSettings>;
export type MigrateConfig = ConfigOf<typeof migrateSettings>;
