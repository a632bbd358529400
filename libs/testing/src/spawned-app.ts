import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Runs a compiled Slipway app (`dist/apps/<app>/src/main.js`) as a real process for
// cross-process tests (`jest` compiles dist/ once before the run: tools/jest/global-setup.js)
// and for the benchmarks, which load this file from dist/: the root is the nearest package.json.
const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export interface SpawnedApp {
  readonly process: ChildProcess;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout, or rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited(): Promise<number | string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
}

export function spawnApp(app: string, env: Record<string, string> = {}): SpawnedApp {
  // Only the settings the test gives: nothing from the developer's own SLIPWAY_* environment.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SLIPWAY_')));
  // Node flags for every spawned app, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a bench
  // (NODE_OPTIONS does not take --cpu-prof).
  const nodeArgs = (process.env['SLIPWAY_TEST_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, join(repoRoot, 'dist/apps', app, 'src/main.js')], {
    cwd: repoRoot,
    env: { ...inherited, SLIPWAY_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));

  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) finish(() => resolve(match));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`${app}: no ${pattern} within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`))), timeoutMs);
        const onExit = (code: number | null) => finish(() => reject(new Error(`${app} exited (${code}) before ${pattern}\nstdout:\n${out}\nstderr:\n${err}`)));
        const finish = (then: () => void) => {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          child.off('exit', onExit);
          then();
        };
        child.stdout?.on('data', check);
        child.once('exit', onExit);
        check();
      }),
  };
}
