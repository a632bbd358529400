import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { spawnApp, SpawnedApp } from './spawned-app';

export interface RunningStandalone {
  app: SpawnedApp;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The data folder (a fresh temporary one). */
  dataDir: string;
  /** SIGTERM, then removes the data folder. */
  stop(): Promise<void>;
}

/** A standalone Slipway on a free port and a fresh data folder, ready to answer. */
export async function startStandalone(env: Record<string, string> = {}): Promise<RunningStandalone> {
  const dataDir = mkdtempSync(join(tmpdir(), 'slipway-standalone-'));
  const port = await freePort();
  const app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dataDir, SLIPWAY_API_PORT: String(port), ...env });
  await app.waitFor(/Ironic API at/, 30_000);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
