import { parseVbmcArgs, VBMC_USAGE } from './vbmc-args';
import { createVbmc } from './vbmc';
import { loadTls } from './tls';
import { VbmcInputError } from './vbmc-input.error';

// The CLI: flags in, one line out, then serve until SIGINT/SIGTERM.
async function main(): Promise<void> {
  const args = parseVbmcArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${VBMC_USAGE}\n`);
    return;
  }
  const vbmc = createVbmc({
    mockup: args.mockup,
    systems: args.systems,
    credentials: args.username !== undefined ? { username: args.username, password: args.password! } : undefined,
    tls: args.tls ? loadTls(args.tlsCert, args.tlsKey) : undefined,
    powerDelayMs: args.powerDelayMs,
    sessionLimit: args.sessionLimit,
    latencyMs: args.latencyMs,
    taskDurationMs: args.taskDurationMs,
  });
  const url = await vbmc.listen({ host: args.host, port: args.port });
  const ids = vbmc.state.systemIds;
  const range = ids.length === 1 ? ids[0] : `${ids[0]} … ${ids[ids.length - 1]}`;
  process.stdout.write(`vbmc: ${url}/redfish/v1 serving ${ids.length} system${ids.length === 1 ? '' : 's'} (${range}) from ${vbmc.state.mockupRoot}; ${vbmc.state.authMode}\n`);
  const stop = () => void vbmc.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Bad input gets the usage (once: argument errors already carry it).
  const usage = error instanceof VbmcInputError && !message.includes(VBMC_USAGE) ? `\n${VBMC_USAGE}` : '';
  process.stderr.write(`vbmc: ${message}${usage}\n`);
  process.exit(error instanceof VbmcInputError ? 2 : 1);
});
