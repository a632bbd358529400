import type { NodeEntity } from '@slipway/db';
import { newDriverNode, type Driver, type DriverNode, type DriverTask } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { strictFake } from '@slipway/testing';
import type { NodeTaskContext } from '../../tasks/node-task.runner';
import type { NodeTasks } from '../../tasks/node-tasks.port';

// Strict fakes for handler tests: every member a test did not plan throws when it is used.

export const NODE_UUID = '1be26c0b-03f2-4d2d-ae87-c02d7f33c123';
export const NODE_ID = 7;

/** An object whose only members are `members`; touching any other one fails the test. */
export const strict = strictFake;

/** A driver made of the given interface fakes; any other interface is unplanned. */
export function fakeDriver(interfaces: Partial<Record<keyof Driver, object>>): Driver {
  return strict<Driver>('driver', interfaces as Partial<Driver>);
}

/**
 * The task runner as handlers see it: work runs on one node and driver; background work is queued
 * until `runBackground()`, so a test observes the node between the answer and the outcome.
 */
export class FakeNodeTasks implements NodeTasks {
  readonly node: DriverNode;
  readonly purposes: string[] = [];
  private readonly queued: Array<() => Promise<void>> = [];

  constructor(
    private readonly driver: Driver,
    node: Partial<DriverNode> = {},
  ) {
    this.node = newDriverNode({ uuid: NODE_UUID, driver: 'fake-hardware', ...node });
  }

  async exclusive<T>(uuid: string, purpose: string, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    this.purposes.push(`exclusive ${purpose}`);
    return work(this.context(uuid, false));
  }

  async shared<T>(uuid: string, purpose: string, work: (context: NodeTaskContext) => Promise<T>): Promise<T> {
    this.purposes.push(`shared ${purpose}`);
    return work(this.context(uuid, true));
  }

  async exclusiveThenBackground(uuid: string, purpose: string, prepare: (context: NodeTaskContext) => Promise<void>, work: (context: NodeTaskContext) => Promise<void>): Promise<void> {
    this.purposes.push(`background ${purpose}`);
    const context = this.context(uuid, false);
    await prepare(context);
    this.queued.push(() => work(context));
  }

  async runBackground(): Promise<void> {
    while (this.queued.length) await (this.queued.shift() as () => Promise<void>)();
  }

  get pendingBackground(): number {
    return this.queued.length;
  }

  private context(uuid: string, shared: boolean): NodeTaskContext {
    if (uuid !== NODE_UUID) throw new Error(`unplanned node ${uuid}`);
    const taskOf = (isShared: boolean): DriverTask => ({ node: this.node, shared: isShared, ports: [], driver: this.driver, log: getLogger('test') });
    const context: NodeTaskContext = {
      task: taskOf(shared),
      row: { id: NODE_ID, uuid: NODE_UUID } as NodeEntity,
      save: async () => {},
      // Nothing is saved here, so entries are written by the recorder itself.
      journal: () => false,
      upgrade: async () => {
        this.purposes.push('upgrade');
        return (context.task = taskOf(false));
      },
      downgrade: async () => {
        this.purposes.push('downgrade');
        return (context.task = taskOf(true));
      },
    };
    return context;
  }
}
