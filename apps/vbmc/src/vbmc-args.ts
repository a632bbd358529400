import { parseArgs } from 'node:util';

export interface VbmcArgs {
  mockup: string;
  host: string;
  port: number;
}

export const VBMC_USAGE = 'usage: npm run vbmc -- --mockup <name in ../shared/redfish-mockups, or a folder> [--host 127.0.0.1] [--port 8000]';

/** Parses the command line; every problem is reported at once. */
export function parseVbmcArgs(argv: string[]): VbmcArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      mockup: { type: 'string', default: 'dmtf-public-rackmount1' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8000' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"\n${VBMC_USAGE}`);
  }
  return { mockup: values.mockup as string, host: values.host as string, port };
}
