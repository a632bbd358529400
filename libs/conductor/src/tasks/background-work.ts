import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { NoFreeConductorWorkerError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';

/** Most background operations one conductor runs at once (Ironic's workers_pool_size). */
export const WORKER_POOL_SIZE = 100;

/**
 * Work that continues after an RPC answer, like Ironic's worker pool: bounded (503 when full),
 * and awaited at shutdown so no lock is left held by work cut short.
 */
@Injectable()
export class BackgroundWork implements OnApplicationShutdown {
  private readonly log = getLogger('BackgroundWork');
  private readonly running = new Set<Promise<void>>();

  /** Starts `work` now; throws NoFreeConductorWorker when the pool is full. Errors are `work`'s to handle. */
  start(description: string, work: () => Promise<void>): void {
    if (this.running.size >= WORKER_POOL_SIZE) throw new NoFreeConductorWorkerError();
    const promise = work()
      .catch((error: unknown) => this.log.error({ err: error, work: description }, 'background work failed'))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Resolves when everything started so far has finished (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }
}
