import { DRIVER_ACTIONS, STEP_TIMEOUT_MINUTES, type DriverAction } from './driver-actions';

/** How the site task engine runs. The first five come from the app's settings; the rest are for tests. */
export interface EngineSettings {
  /** Node jobs running at once over every orchestrator process sharing the queue (SLIPWAY_ORCHESTRATOR_CONCURRENCY). */
  concurrency: number;
  /** Node jobs of one rack running at once, likewise (SLIPWAY_ORCHESTRATOR_RACK_CONCURRENCY). */
  rackConcurrency: number;
  /** The task queue's Redis and key prefix (SLIPWAY_REDIS_URL, SLIPWAY_REDIS_PREFIX), where a cluster keeps its rack slots; unset standalone. */
  redis?: { url: string; prefix?: string };
  /** Milliseconds between two looks for queued tasks without a job (SLIPWAY_ORCHESTRATOR_POLL_INTERVAL). */
  pollIntervalMs: number;
  /** Attempts of a job whose error is transient (a conductor or the database away), with exponential back-off. */
  jobAttempts: number;
  jobBackoffMs: number;
  /** While a step waits for a conductor: the first pause between two reads of the node, doubling up to the second. */
  nodePollMinMs: number;
  nodePollMaxMs: number;
  /** Milliseconds each step may take (Drydock's timeouts by default). */
  stepTimeoutMs: Readonly<Record<DriverAction, number>>;
  /** Overrides the retries of every node action (NODE_ACTION_RETRIES), for tests. */
  taskRetries?: number;
}

export const ENGINE_SETTINGS = Symbol('ENGINE_SETTINGS');

export const DEFAULT_STEP_TIMEOUT_MS: Readonly<Record<DriverAction, number>> = Object.freeze(
  Object.fromEntries(Object.values(DRIVER_ACTIONS).map((action) => [action, STEP_TIMEOUT_MINUTES[action] * 60_000])) as Record<DriverAction, number>,
);

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = Object.freeze({
  concurrency: 16,
  rackConcurrency: 4,
  pollIntervalMs: 10_000,
  jobAttempts: 3,
  jobBackoffMs: 5_000,
  nodePollMinMs: 200,
  nodePollMaxMs: 2_000,
  stepTimeoutMs: DEFAULT_STEP_TIMEOUT_MS,
});

interface EngineConfig {
  siteTasks?: { concurrency?: number; rackConcurrency?: number; pollInterval?: number; bootActionTimeout?: number };
  redis?: { url?: string; prefix?: string };
}

/** The engine's part of an app config (`siteTasks.*`, seconds for the interval, and `redis.*`); defaults where it has none. */
export function engineSettingsFrom(config: unknown): EngineSettings {
  const { siteTasks = {}, redis = {} } = (config as EngineConfig | null | undefined) ?? {};
  return {
    ...DEFAULT_ENGINE_SETTINGS,
    concurrency: siteTasks.concurrency ?? DEFAULT_ENGINE_SETTINGS.concurrency,
    rackConcurrency: siteTasks.rackConcurrency ?? DEFAULT_ENGINE_SETTINGS.rackConcurrency,
    redis: redis.url === undefined ? undefined : { url: redis.url, prefix: redis.prefix },
    pollIntervalMs: siteTasks.pollInterval === undefined ? DEFAULT_ENGINE_SETTINGS.pollIntervalMs : siteTasks.pollInterval * 1000,
    // SLIPWAY_ORCHESTRATOR_BOOTACTION_TIMEOUT is bootaction_report's step timeout.
    stepTimeoutMs:
      siteTasks.bootActionTimeout === undefined
        ? DEFAULT_ENGINE_SETTINGS.stepTimeoutMs
        : { ...DEFAULT_ENGINE_SETTINGS.stepTimeoutMs, [DRIVER_ACTIONS.bootactionReport]: siteTasks.bootActionTimeout * 1000 },
  };
}
