import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '@slipway/test-data';

/**
 * Files beside the repo found from this module, which runs both from the sources
 * (apps/vbmc/src, under jest) and from the build (dist/apps/vbmc/src, under `npm run vbmc`).
 */
function firstExisting(candidates: string[]): string {
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

/** `redfish-mockups` in the shared test data: `$SLIPWAY_SHARED_DIR`, default `../shared` beside the repo. */
export const DEFAULT_MOCKUPS_DIR = join(sharedDataDir(), 'redfish-mockups');

/** The self-signed development certificate for localhost/127.0.0.1 in apps/vbmc/certs. */
export const DEV_CERT_DIR = firstExisting([join(__dirname, '../certs'), join(__dirname, '../../../../apps/vbmc/certs')]);
