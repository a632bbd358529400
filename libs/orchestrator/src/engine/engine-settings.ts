import { DRIVER_ACTIONS, STEP_TIMEOUT_MINUTES, type DriverAction } from './driver-actions';

/** How the site task engine runs. The first four come from the app's settings; the rest are for tests. */
export interface EngineSettings {
  /** Node jobs this process runs at once (SLIPWAY_ORCHESTRATOR_CONCURRENCY). */
  concurrency: number;
  /** Node jobs of one rack this process runs at once (SLIPWAY_ORCHESTRATOR_RACK_CONCURRENCY). */
  rackConcurrency: number;
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

/** The engine's part of an app config (`siteTasks.*`, seconds for the interval); defaults where it has none. */
export function engineSettingsFrom(config: unknown): EngineSettings {
  const siteTasks = (config as { siteTasks?: { concurrency?: number; rackConcurrency?: number; pollInterval?: number } } | null)?.siteTasks ?? {};
  return {
    ...DEFAULT_ENGINE_SETTINGS,
    concurrency: siteTasks.concurrency ?? DEFAULT_ENGINE_SETTINGS.concurrency,
    rackConcurrency: siteTasks.rackConcurrency ?? DEFAULT_ENGINE_SETTINGS.rackConcurrency,
    pollIntervalMs: siteTasks.pollInterval === undefined ? DEFAULT_ENGINE_SETTINGS.pollIntervalMs : siteTasks.pollInterval * 1000,
  };
}
