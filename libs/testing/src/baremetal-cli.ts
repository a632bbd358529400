import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CLI = '/usr/bin/baremetal';

/** Debian's python3-ironicclient, installed when missing (the conformance tests need the real client). */
export function ensureBaremetalCli(): string {
  if (!existsSync(CLI)) {
    const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    try {
      apt(['install', '-y', '--no-install-recommends', 'python3-ironicclient']);
    } catch {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'python3-ironicclient']);
    }
  }
  return CLI;
}

export interface BaremetalCli {
  /** Runs `baremetal <args>`; returns stdout, or throws with stderr (the CLI's error line). */
  run(...args: string[]): string;
  /** `-f json` output, parsed. */
  json<T>(...args: string[]): T;
  /** The stderr of a command that must fail (throws if it succeeds). */
  failureOf(...args: string[]): string;
}

/** The `baremetal` CLI pointed at `endpoint` without auth, as an operator runs it. */
export function baremetalCli(endpoint: string, home: string): BaremetalCli {
  const cli = ensureBaremetalCli();
  // The CLI is Debian's Python; keep the developer's pyenv (and its packages) out of its way.
  const run = (...args: string[]): string =>
    execFileSync(cli, ['--os-auth-type', 'none', '--os-endpoint', endpoint, ...args], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    run,
    json: <T>(...args: string[]) => JSON.parse(run(...args, '-f', 'json')) as T,
    failureOf: (...args: string[]) => {
      try {
        run(...args);
      } catch (error) {
        return String((error as { stderr?: string }).stderr);
      }
      throw new Error(`baremetal ${args.join(' ')} succeeded`);
    },
  };
}
