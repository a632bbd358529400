import { DEFAULT_ENGINE_SETTINGS, engineSettingsFrom } from './engine-settings';

describe('engineSettingsFrom', () => {
  it("reads the app config's siteTasks (the interval in seconds)", () => {
    expect(engineSettingsFrom({ siteTasks: { concurrency: 32, rackConcurrency: 2, pollInterval: 0.5 } })).toMatchObject({ concurrency: 32, rackConcurrency: 2, pollIntervalMs: 500 });
  });

  it('makes SLIPWAY_ORCHESTRATOR_BOOTACTION_TIMEOUT the timeout of bootaction_report, and of no other step', () => {
    const settings = engineSettingsFrom({ siteTasks: { bootActionTimeout: 20 } });
    expect(settings.stepTimeoutMs).toEqual({ ...DEFAULT_ENGINE_SETTINGS.stepTimeoutMs, bootaction_report: 20_000 });
    expect(DEFAULT_ENGINE_SETTINGS.stepTimeoutMs.bootaction_report).toBe(15 * 60_000);
  });

  it('takes the task queue\'s Redis and prefix, where a cluster keeps its rack slots', () => {
    expect(engineSettingsFrom({ redis: { url: 'redis://redis:6379', prefix: 'lab' } }).redis).toEqual({ url: 'redis://redis:6379', prefix: 'lab' });
    expect(engineSettingsFrom({ redis: { prefix: 'lab' } }).redis).toBeUndefined();
  });

  it("keeps the defaults, with Drydock's step timeouts, for a config without them", () => {
    expect(engineSettingsFrom(undefined)).toEqual(DEFAULT_ENGINE_SETTINGS);
    expect(DEFAULT_ENGINE_SETTINGS.stepTimeoutMs).toMatchObject({ deploy_node: 45 * 60_000, identify_node: 10 * 60_000 });
  });
});
