import { Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository, PortRepository } from '@slipway/db';
import { DriverRegistry, DriverTask } from '@slipway/drivers-framework';
import { NodeNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { NodeLockService } from '../locks/node-lock.service';
import { TaskPorts } from '../ports/task-ports';
import { BackgroundWork } from './background-work';
import { changedFields, toDriverNode } from './node-task.mapper';

/** What a task's work receives: the driver task and the stored row it started from. */
export interface NodeTaskContext {
  task: DriverTask;
  row: NodeEntity;
  /** Persists what the work changed on `task.node` so far (the runner also does it at the end). */
  save(): Promise<void>;
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
    return this.locks.withLock(uuid, purpose, async ({ node }) => this.run(node, purpose, false, work));
  }

  /** Read-only work (validate, get boot device): no lock taken, nothing saved. */
  async shared<T>(uuid: string, purpose: string, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    const node = await this.nodes.findByUuid(uuid);
    if (!node) throw new NodeNotFoundError({ node: uuid });
    return this.run(node, purpose, true, work);
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
      await this.run(lock.node, purpose, false, prepare);
      const prepared = await this.nodes.findByUuid(uuid);
      if (!prepared) throw new NodeNotFoundError({ node: uuid });
      this.background.start(`${purpose} of ${uuid}`, async () => {
        try {
          await this.run(prepared, purpose, false, work);
        } finally {
          await lock.release();
        }
      });
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private async run<T>(row: NodeEntity, purpose: string, shared: boolean, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    const node = toDriverNode(row);
    let saved = toDriverNode(row);
    const ports = await TaskPorts.load(this.ports, row.id);
    const task: DriverTask = { node, shared, ports: ports.ports, driver: this.drivers.buildDriver(node), log: getLogger('NodeTask', { node: row.uuid, purpose }) };
    const save = async () => {
      if (shared) return;
      const changes = changedFields(saved, node);
      // provision_updated_at follows every change of the provision state or its target.
      if ('provisionState' in changes || 'targetProvisionState' in changes) changes.provisionUpdatedAt = new Date();
      if (Object.keys(changes).length) await this.nodes.update(row.id, changes);
      saved = structuredClone(node);
      await ports.save();
    };
    const result = await work({ task, row, save });
    await save();
    return result;
  }
}
