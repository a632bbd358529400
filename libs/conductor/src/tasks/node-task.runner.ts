import { Injectable } from '@nestjs/common';
import type { NodeEntity, NodeHistoryInsert } from '@slipway/db';
import { NodeRepository, PortRepository } from '@slipway/db';
import { DriverNode, DriverRegistry, DriverTask } from '@slipway/drivers-framework';
import { NodeNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { LockOptions, NodeLock, NodeLockService } from '../locks/node-lock.service';
import { TaskPorts } from '../ports/task-ports';
import { BackgroundWork } from './background-work';
import { changedFields, toDriverNode } from './node-task.mapper';

/** What a task's work receives: the driver task and the stored row it started from. */
export interface NodeTaskContext {
  task: DriverTask;
  row: NodeEntity;
  /** Persists what the work changed on `task.node` so far (the runner also does it at the end). */
  save(): Promise<void>;
  /**
   * Queues a node history entry to be written by the next save, in the same statement as the
   * node's changes (exclusive work only). False for shared work: the caller writes it itself.
   */
  journal(entry: NodeHistoryInsert): boolean;
  /**
   * Ironic's upgrade_lock, for work that started shared and found it must write (power sync on
   * a mismatch, a passthru method that needs the lock): takes the exclusive lock, reloads the node
   * and returns the task to go on with. The lock is released when the work ends. Already
   * exclusive: returns the current task.
   */
  upgrade(options?: LockOptions): Promise<DriverTask>;
  /**
   * Ironic's downgrade_lock: saves the node, releases the exclusive lock and returns a shared
   * task, for work that goes on reading (waiting on hardware) without holding others up.
   */
  downgrade(): Promise<DriverTask>;
}

/**
 * Ironic's TaskManager: runs work on a node with its driver built, under an exclusive lock with a
 * purpose (or a shared one, which writes nothing), and saves what the work changed on the node.
 */
@Injectable()
export class NodeTaskRunner {
  constructor(
    private readonly nodes: NodeRepository,
    private readonly locks: NodeLockService,
    private readonly drivers: DriverRegistry,
    private readonly background: BackgroundWork,
    private readonly ports: PortRepository,
  ) {}

  /** Work under the exclusive lock; the node's changes are saved before the lock is released. */
  exclusive<T>(uuid: string, purpose: string, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    return this.locks.withLock(uuid, purpose, async (lock) => this.run(lock.node, purpose, lock, work));
  }

  /**
   * Read-only work (validate, get boot device): no lock taken, nothing saved. Periodic passes
   * hand the row they just listed, which spares a read per node.
   */
  async shared<T>(node: string | NodeEntity, purpose: string, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    return this.run(typeof node === 'string' ? await this.reread(node) : node, purpose, undefined, work);
  }

  /**
   * Ironic's spawn_after: `prepare` runs under the lock before the caller gets its answer (e.g. set
   * target_power_state), then the lock passes to `work`, which runs in the background and releases
   * it when done. NoFreeConductorWorker (503) when the pool is full, with the lock released.
   */
  async exclusiveThenBackground(
    uuid: string,
    purpose: string,
    prepare: (context: NodeTaskContext) => Promise<void>,
    work: (context: NodeTaskContext) => Promise<void>,
  ): Promise<void> {
    const lock = await this.locks.acquire(uuid, purpose);
    try {
      // One session for both parts: the lock is held throughout, so the node, its driver and its
      // ports as `prepare` left them are what `work` starts from, with no read in between.
      const session = await NodeTaskSession.open(this, lock.node, purpose, lock);
      await prepare(session);
      await session.save();
      this.background.start(`${purpose} of ${uuid}`, async () => {
        try {
          await work(session);
          await session.save();
        } finally {
          await lock.release();
        }
      });
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Runs `work` on `row`: exclusive under `lock`, shared without one. */
  private async run<T>(row: NodeEntity, purpose: string, lock: NodeLock | undefined, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    const session = await NodeTaskSession.open(this, row, purpose, lock);
    try {
      const result = await work(session);
      await session.save();
      return result;
    } finally {
      await session.releaseUpgrade();
    }
  }

  /** The driver task of `row` (ports loaded, driver built). */
  async taskOf(row: NodeEntity, purpose: string, shared: boolean): Promise<{ task: DriverTask; ports: TaskPorts }> {
    const ports = await TaskPorts.load(this.ports, row.id);
    const node = toDriverNode(row);
    return { task: { node, shared, ports: ports.ports, driver: this.drivers.buildDriver(node), log: getLogger('NodeTask', { node: row.uuid, purpose }) }, ports };
  }

  /** Saves what a task changed on its node since `saved`, in the database and on `row`; returns the new baseline. */
  async saveChanges(row: NodeEntity, saved: DriverNode, node: DriverNode, journal: readonly NodeHistoryInsert[] = []): Promise<DriverNode> {
    const changes = changedFields(saved, node);
    // provision_updated_at follows every change of the provision state or its target.
    if ('provisionState' in changes || 'targetProvisionState' in changes) changes.provisionUpdatedAt = new Date();
    if (Object.keys(changes).length || journal.length) {
      await this.nodes.applyChangesWithJournal(row.id, changes, journal);
      Object.assign(row, structuredClone(changes));
    }
    return structuredClone(node);
  }

  /** The stored node now. */
  async reread(uuid: string): Promise<NodeEntity> {
    const node = await this.nodes.findByUuid(uuid);
    if (!node) throw new NodeNotFoundError({ node: uuid });
    return node;
  }

  /** The lock service, for a session's upgrade. */
  lockService(): NodeLockService {
    return this.locks;
  }
}

/** One run of work on a node: its task, what was saved, and the lock it holds, if any. */
class NodeTaskSession implements NodeTaskContext {
  private saved: DriverNode;
  /** History entries that the next save writes along with the node. */
  private readonly pendingJournal: NodeHistoryInsert[] = [];
  /** A lock the work took by upgrading: this session releases it. */
  private upgradeLock?: NodeLock;

  private constructor(
    private readonly runner: NodeTaskRunner,
    public row: NodeEntity,
    private readonly purpose: string,
    public task: DriverTask,
    private ports: TaskPorts,
    /** The exclusive lock the work runs under (its owner releases it), if any. */
    private lock: NodeLock | undefined,
  ) {
    this.saved = structuredClone(task.node);
  }

  static async open(runner: NodeTaskRunner, row: NodeEntity, purpose: string, lock: NodeLock | undefined): Promise<NodeTaskSession> {
    const { task, ports } = await runner.taskOf(row, purpose, lock === undefined);
    return new NodeTaskSession(runner, row, purpose, task, ports, lock);
  }

  async save(): Promise<void> {
    if (this.task.shared) return;
    const journal = this.pendingJournal.splice(0);
    this.saved = await this.runner.saveChanges(this.row, this.saved, this.task.node, journal);
    await this.ports.save();
  }

  journal(entry: NodeHistoryInsert): boolean {
    if (this.task.shared) return false;
    this.pendingJournal.push(entry);
    return true;
  }

  async upgrade(options?: LockOptions): Promise<DriverTask> {
    if (!this.task.shared) return this.task;
    this.upgradeLock = this.lock = await this.runner.lockService().acquire(this.row.uuid, this.purpose, options);
    // The node may have changed since the shared read: go on from the locked row.
    await this.reload(this.lock.node, false);
    return this.task;
  }

  async downgrade(): Promise<DriverTask> {
    if (this.task.shared) return this.task;
    await this.save();
    // NodeLock.release is idempotent: its owner's own release at the end does nothing more.
    await this.lock?.release();
    this.lock = this.upgradeLock = undefined;
    await this.reload(await this.runner.reread(this.row.uuid), true);
    return this.task;
  }

  async releaseUpgrade(): Promise<void> {
    await this.upgradeLock?.release();
  }

  private async reload(row: NodeEntity, shared: boolean): Promise<void> {
    const { task, ports } = await this.runner.taskOf(row, this.purpose, shared);
    this.row = row;
    this.task = task;
    this.ports = ports;
    this.saved = structuredClone(task.node);
  }
}
