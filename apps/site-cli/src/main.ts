// `npm run site -- <command>`: the site orchestrator's CLI, over its REST API (--url).
import { readFile } from 'node:fs/promises';
import { OrchestratorClient } from './orchestrator-client';
import { parseSiteCliArgs, SITE_USAGE, type SiteCliArgs } from './site-cli-args';
import { runSiteCli } from './site-cli';
import { SiteCliUsageError } from './site-cli-usage.error';

async function main(): Promise<number> {
  let args: SiteCliArgs;
  try {
    args = parseSiteCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SiteCliUsageError)) throw error;
    process.stderr.write(`site: ${error.message}\n${SITE_USAGE}\n`);
    return 2;
  }
  const api = new OrchestratorClient(args.url, { user: args.user });
  return runSiteCli(args, api, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    readFile: (path) => readFile(path, 'utf8'),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`site: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
