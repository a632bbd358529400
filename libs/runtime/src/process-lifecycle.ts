import { getLogger } from '@slipway/logging';

// How every Slipway process starts and stops: a failed start prints one line naming the
// problem (no stack-trace flood) and exits non-zero; SIGTERM/SIGINT close everything in
// reverse order of opening, within a deadline, so embedded data is flushed before exit.

export const EXIT_START_FAILED = 1;

export interface Closable {
  name: string;
  close(): Promise<void>;
}

export class ProcessLifecycle {
  private readonly log = getLogger('ProcessLifecycle');
  private readonly closables: Closable[] = [];
  private stopping?: Promise<void>;

  constructor(
    private readonly appName: string,
    private readonly shutdownTimeoutMs: number,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  /** Registers something to close at shutdown; closed last-registered first. */
  onShutdown(name: string, close: () => Promise<void>): void {
    this.closables.push({ name, close });
  }

  /** Runs `start`; on failure closes what was opened and exits with a one-line reason. */
  async start(start: () => Promise<void>): Promise<void> {
    process.once('SIGTERM', () => void this.stop('SIGTERM'));
    process.once('SIGINT', () => void this.stop('SIGINT'));
    try {
      await start();
    } catch (error) {
      process.stderr.write(`${this.appName}: failed to start: ${describe(error)}\n`);
      await this.closeAll();
      this.exit(EXIT_START_FAILED);
    }
  }

  stop(reason: string): Promise<void> {
    this.stopping ??= (async () => {
      this.log.info({ reason }, `${this.appName} stopping`);
      const deadline = setTimeout(() => {
        process.stderr.write(`${this.appName}: shutdown took longer than ${this.shutdownTimeoutMs} ms; exiting\n`);
        this.exit(1);
      }, this.shutdownTimeoutMs);
      deadline.unref();
      await this.closeAll();
      clearTimeout(deadline);
      this.log.info(`${this.appName} stopped`);
      this.exit(0);
    })();
    return this.stopping;
  }

  private async closeAll(): Promise<void> {
    for (const { name, close } of this.closables.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        this.log.warn({ err: error, component: name }, `closing ${name} failed`);
      }
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
