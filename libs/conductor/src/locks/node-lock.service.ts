import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { NodeLockedError, NodeNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';

export interface LockOptions {
  /** Attempts before NodeLocked (default 3, one second apart, as Ironic). */
  attempts?: number;
  retryIntervalMs?: number;
  /**
   * Waits as long as it takes (Ironic's `patient`): for work that must finish a transition
   * another task is holding up. Ends only with the lock or when the node is gone.
   */
  patient?: boolean;
}

/** An exclusive node lock held by this conductor; `release` is safe to call twice. */
export interface NodeLock {
  readonly node: NodeEntity;
  readonly purpose: string;
  release(): Promise<void>;
}

export const LOCK_TIMING = Symbol('LOCK_TIMING');
export type LockTiming = Required<Pick<LockOptions, 'attempts' | 'retryIntervalMs'>>;
export const DEFAULT_LOCK_TIMING: LockTiming = { attempts: 3, retryIntervalMs: 1000 };

/**
 * Exclusive node locks: the node's `reservation` column set atomically to this conductor's
 * hostname. Every node mutation runs inside one, with a purpose that is logged.
 */
@Injectable()
export class NodeLockService {
  private readonly log = getLogger('NodeLockService');

  constructor(
    private readonly nodes: NodeRepository,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    @Inject(LOCK_TIMING) private readonly timing: LockTiming,
  ) {}

  async acquire(uuid: string, purpose: string, options: LockOptions = {}): Promise<NodeLock> {
    const { attempts, retryIntervalMs, patient } = { ...this.timing, ...options };
    const host = this.identity.hostname;
    const startedAt = Date.now();
    let warned = false;
    for (let attempt = 1; ; attempt++) {
      const attemptResult = await this.nodes.reserveByUuid(uuid, host);
      if (!attemptResult) throw new NodeNotFoundError({ node: uuid });
      const { node, locked } = attemptResult;
      if (locked) {
        this.log.debug({ node: uuid, purpose }, 'node locked');
        return this.lockOf(Object.assign(node, { reservation: host }), purpose);
      }
      if (!patient && attempt >= attempts) {
        const holder = (await this.nodes.reservationOf(node.id)) ?? node.reservation ?? 'unknown';
        throw new NodeLockedError({ node: uuid, host: holder });
      }
      if (patient && !warned && Date.now() - startedAt > attempts * retryIntervalMs) {
        // As Ironic: a patient wait longer than the usual retries is worth an operator's look.
        warned = true;
        this.log.warn({ node: uuid, purpose, holder: node.reservation }, 'still waiting for the node lock');
      }
      await new Promise((resolve) => setTimeout(resolve, retryIntervalMs));
    }
  }

  /** Runs `work` under the node's exclusive lock and releases it afterwards, whatever happens. */
  async withLock<T>(uuid: string, purpose: string, work: (lock: NodeLock) => Promise<T>, options?: LockOptions): Promise<T> {
    const lock = await this.acquire(uuid, purpose, options);
    try {
      return await work(lock);
    } finally {
      await lock.release();
    }
  }

  private lockOf(node: NodeEntity, purpose: string): NodeLock {
    let released = false;
    return {
      node,
      purpose,
      release: async () => {
        if (released) return;
        released = true;
        const done = await this.nodes.release(node.id, this.identity.hostname);
        this.log.debug({ node: node.uuid, purpose, released: done }, 'node unlocked');
      },
    };
  }
}
