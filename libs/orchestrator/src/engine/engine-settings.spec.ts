import { DEFAULT_ENGINE_SETTINGS, engineSettingsFrom } from './engine-settings';

describe('engineSettingsFrom', () => {
  it("reads the app config's siteTasks (the interval in seconds)", () => {
    expect(engineSettingsFrom({ siteTasks: { concurrency: 32, rackConcurrency: 2, pollInterval: 0.5 } })).toMatchObject({ concurrency: 32, rackConcurrency: 2, pollIntervalMs: 500 });
  });

  it("keeps the defaults, with Drydock's step timeouts, for a config without them", () => {
    expect(engineSettingsFrom(undefined)).toEqual(DEFAULT_ENGINE_SETTINGS);
    expect(DEFAULT_ENGINE_SETTINGS.stepTimeoutMs).toMatchObject({ deploy_node: 45 * 60_000, identify_node: 10 * 60_000 });
  });
});
