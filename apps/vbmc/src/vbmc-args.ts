import { parseArgs } from 'node:util';
import { VbmcInputError } from './vbmc-input.error';

export interface VbmcArgs {
  mockup: string;
  systems: number;
  host: string;
  port: number;
  username?: string;
  password?: string;
  tls: boolean;
  tlsCert?: string;
  tlsKey?: string;
  powerDelayMs: number;
  sessionLimit: number;
  latencyMs: number;
  taskDurationMs: number;
  help: boolean;
}

export const VBMC_USAGE = `usage: npm run vbmc -- [options]
  --mockup <name|folder>     mockup under $SLIPWAY_SHARED_DIR/redfish-mockups (default ../shared beside the
                             repo), or a folder (default dmtf-public-rackmount1)
  --systems <N>              systems to simulate, 1..100000 (default 1)
  --host <H>                 address to listen on (default 127.0.0.1)
  --port <P>                 port, 0..65535 (default 8000; 0 picks a free one)
  --username <U> --password <P>
                             require these (Basic auth or a session) for everything but the service root
  --tls                      serve HTTPS (bundled self-signed localhost certificate unless --tls-cert/--tls-key)
  --tls-cert <F> --tls-key <F>
                             certificate and key files (PEM) for --tls
  --power-delay-ms <MS>      time a power transition takes (default 0)
  --session-limit <N>        most live sessions (default 16)
  --latency-ms <MS>          delay added to every Redfish answer (default 0)
  --task-duration-ms <MS>    how long volume-create and firmware-update tasks run (default 200)
  --help                     print this`;

/** Parses the command line; every problem is reported at once (VbmcInputError, usage appended). */
export function parseVbmcArgs(argv: string[]): VbmcArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        mockup: { type: 'string', default: 'dmtf-public-rackmount1' },
        systems: { type: 'string', default: '1' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8000' },
        username: { type: 'string' },
        password: { type: 'string' },
        tls: { type: 'boolean', default: false },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'power-delay-ms': { type: 'string', default: '0' },
        'session-limit': { type: 'string', default: '16' },
        'latency-ms': { type: 'string', default: '0' },
        'task-duration-ms': { type: 'string', default: '200' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new VbmcInputError(`${(error as Error).message}\n${VBMC_USAGE}`);
  }
  const problems: string[] = [];
  const whole = (flag: string, min: number, max: number): number => {
    const text = String(values[flag]);
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
    return value;
  };
  const args: VbmcArgs = {
    mockup: String(values.mockup),
    systems: whole('systems', 1, 100_000),
    host: String(values.host),
    port: whole('port', 0, 65535),
    username: values.username as string | undefined,
    password: values.password as string | undefined,
    tls: values.tls === true,
    tlsCert: values['tls-cert'] as string | undefined,
    tlsKey: values['tls-key'] as string | undefined,
    powerDelayMs: whole('power-delay-ms', 0, 3_600_000),
    sessionLimit: whole('session-limit', 1, 100_000),
    latencyMs: whole('latency-ms', 0, 600_000),
    taskDurationMs: whole('task-duration-ms', 0, 3_600_000),
    help: values.help === true,
  };
  if (args.mockup.trim() === '') problems.push('--mockup must name a mockup or a folder');
  if (args.host.trim() === '') problems.push('--host must not be empty');
  if ((args.username === undefined) !== (args.password === undefined)) problems.push('--username and --password go together');
  if (args.username === '') problems.push('--username must not be empty');
  if ((args.tlsCert === undefined) !== (args.tlsKey === undefined)) problems.push('--tls-cert and --tls-key go together');
  if (args.tlsCert !== undefined && !args.tls) problems.push('--tls-cert/--tls-key need --tls');
  if (problems.length > 0) throw new VbmcInputError(`${problems.join('\n')}\n${VBMC_USAGE}`);
  return args;
}
