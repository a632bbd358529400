import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedData } from '@slipway/test-data';
import { TestBmc, type Reply } from './test-bmc.fixture';

/** A sushy sample payload by file name (redfish-samples/sushy in the shared test data). */
export function sushySample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(sharedData('redfish-samples', 'sushy'), name), 'utf8')) as Record<string, unknown>;
}

/**
 * Serves a short-form DMTF mockup (`/redfish/v1/<path>` is `<path>/index.json`) read-only from a
 * TestBmc. Lookups ignore case and trailing slashes, as iLO does (its links say `systems/1/bios`
 * while the capture sits in `Systems/1/bios`). Missing resources answer 404. A captured body that
 * is only an error (Intel's Drives/HDD0) was the BMC's 404, and is answered as one.
 */
export async function serveMockup(name: string): Promise<TestBmc> {
  const root = join(sharedData('redfish-mockups'), name);
  const files = new Map<string, string>();
  for (const file of indexFiles(root)) files.set(`/redfish/v1/${relative(root, file).replace(/\/?index\.json$/, '')}`.replace(/\/+$/, '').toLowerCase(), file);
  const bmc = await TestBmc.start();
  bmc.fallback = (request): Reply | undefined => {
    if (request.method !== 'GET') return { status: 405, body: { error: { code: 'Base.1.8.OperationNotAllowed', message: 'The mockup is read-only.' } } };
    const file = files.get(request.path.split('?')[0].replace(/\/+$/, '').toLowerCase());
    if (!file) return undefined;
    const body = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const onlyError = Object.keys(body).length === 1 && 'error' in body;
    return { status: onlyError ? 404 : 200, body };
  };
  return bmc;
}

function* indexFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== '_variants') yield* indexFiles(full);
    } else if (name === 'index.json') {
      yield full;
    }
  }
}
