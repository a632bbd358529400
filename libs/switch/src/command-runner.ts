import { execFile } from 'node:child_process';
import { DriverOperationError } from '@slipway/errors';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one program with its arguments (an argv array: no shell, nothing is interpreted). A
 * non-zero exit is a result, not an error: the caller knows what the program's failures mean.
 * Only a program that cannot be started, or runs out of time, rejects.
 */
export interface CommandRunner {
  run(argv: readonly string[]): Promise<CommandResult>;
}

export interface ExecFileCommandRunnerOptions {
  /** The driver named in the DriverOperationError of a program that cannot run. */
  driverName?: string;
  /** Where the programs are looked up. */
  path?: string;
  timeoutMs?: number;
}

/** The search path for iproute2 (`ip`, `bridge`) on the usual distributions. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * CommandRunner on child_process.execFile. The environment is fixed (PATH and LC_ALL=C), not
 * inherited: messages stay in English for the callers that read them, and no setting leaks in.
 */
export class ExecFileCommandRunner implements CommandRunner {
  private readonly driverName: string;
  private readonly env: Record<string, string>;
  private readonly timeoutMs: number;

  constructor(options: ExecFileCommandRunnerOptions = {}) {
    this.driverName = options.driverName ?? 'switch';
    this.env = { PATH: options.path ?? DEFAULT_PATH, LC_ALL: 'C' };
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  run(argv: readonly string[]): Promise<CommandResult> {
    const [program, ...args] = argv;
    if (program === undefined) return Promise.reject(new TypeError('A command needs at least a program name.'));
    return new Promise((resolve, reject) => {
      execFile(program, args, { env: this.env, timeout: this.timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error === null) return resolve({ exitCode: 0, stdout, stderr });
        if (typeof error.code === 'number') return resolve({ exitCode: error.code, stdout, stderr });
        const reason = error.killed ? `timed out after ${this.timeoutMs} ms` : `could not be run (${String(error.code ?? error.message)})`;
        reject(new DriverOperationError({ driver: this.driverName, reason: `"${argv.join(' ')}" ${reason}` }));
      });
    });
  }
}
