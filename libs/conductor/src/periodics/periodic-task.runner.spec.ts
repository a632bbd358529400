import type { DiscoveryService } from '@nestjs/core';
import type { NodeEntity } from '@slipway/db';
import { DriverRegistry, periodic, PeriodicContext } from '@slipway/drivers-framework';
import { NodeLockedError } from '@slipway/errors';
import type { NodeTaskRunner } from '../tasks/node-task.runner';
import type { OwnedNodes } from './owned-nodes';
import { PeriodicTaskRunner } from './periodic-task.runner';
import type { ProvisionHandler } from '../provisioning/provision.handler';

class SlowService {
  running = 0;
  maxRunning = 0;
  runs = 0;
  @periodic({ name: 'slow', spacing: 0.01 })
  async slow(context: PeriodicContext): Promise<void> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise((resolve) => setTimeout(resolve, 30));
    this.runs++;
    this.running--;
    if (context.signal.aborted) return;
  }

  @periodic({ name: 'off', spacing: 0 })
  async off(): Promise<void> {
    throw new Error('a disabled task ran');
  }
}

class PollingPower {
  visited: string[] = [];
  @periodic({ name: 'poll', spacing: 3600 })
  async poll(context: PeriodicContext): Promise<void> {
    await context.forEachNode(async (task) => void this.visited.push(task.node.uuid), { provisionStates: ['active'] });
  }
}

function setup(services: object[], interfaces: Array<{ type: string; name: string; instance: object }> = [], nodes: Array<Partial<NodeEntity>> = []) {
  const discovery = { getProviders: () => services.map((instance) => ({ instance })) } as unknown as DiscoveryService;
  const drivers = { interfaceInstances: () => interfaces } as unknown as DriverRegistry;
  const filters: unknown[] = [];
  const owned = {
    async *matching(filter: unknown) {
      filters.push(filter);
      for (const node of nodes) yield node as NodeEntity;
    },
  } as unknown as OwnedNodes;
  const tasks = {
    shared: async (node: string | { uuid: string }, _purpose: string, work: (context: { task: { node: { uuid: string } } }) => Promise<void>) => {
      const uuid = typeof node === 'string' ? node : node.uuid;
      if (uuid === 'locked') throw new NodeLockedError({ node: uuid, host: 'c2' });
      return work({ task: { node: { uuid } } });
    },
  } as unknown as NodeTaskRunner;
  const continued: Array<[string, string | undefined]> = [];
  const provisioning = { continueAfterWait: async (uuid: string, error?: string) => void continued.push([uuid, error]) } as unknown as ProvisionHandler;
  const runner = new PeriodicTaskRunner(discovery, drivers, owned, tasks, { hostname: 'c1', conductorGroup: '', enabledHardwareTypes: [] }, provisioning);
  return { runner, filters, continued };
}

describe('PeriodicTaskRunner', () => {
  it('runs enabled tasks again and again, never overlapping one with itself, and stops them at shutdown', async () => {
    const service = new SlowService();
    const { runner } = setup([service]);
    runner.onApplicationBootstrap();
    expect(runner.enabledTasks()).toEqual(['slow']);
    await Promise.all([runner.runNow('slow'), runner.runNow('slow'), runner.runNow('slow')]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await runner.beforeApplicationShutdown();
    const runs = service.runs;
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(service.maxRunning).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(service.runs).toBe(runs); // nothing after the stop
  });

  it('gives a driver interface periodic the owned nodes of its implementation, skipping locked ones', async () => {
    const power = new PollingPower();
    const { runner, filters } = setup([], [{ type: 'power', name: 'fake', instance: power }], [{ uuid: 'n1' }, { uuid: 'locked' }, { uuid: 'n2' }]);
    runner.onApplicationBootstrap();
    expect(runner.enabledTasks()).toEqual(['power:fake:poll']);
    await runner.runNow('power:fake:poll');
    await runner.beforeApplicationShutdown();
    expect(power.visited).toEqual(['n1', 'n2']);
    expect(filters).toEqual([{ interface: { property: 'powerInterface', name: 'fake' }, provisionStates: ['active'], maintenance: false, reserved: false }]);
  });

  it('refuses nodes to a periodic of a service, which has none of its own', async () => {
    class Wrong {
      error?: unknown;
      @periodic({ name: 'wrong', spacing: 3600 })
      async wrong(context: PeriodicContext): Promise<void> {
        await context.forEachNode(async () => undefined).catch((error: unknown) => (this.error = error));
      }
    }
    const wrong = new Wrong();
    const { runner } = setup([wrong]);
    runner.onApplicationBootstrap();
    await runner.runNow('wrong');
    await runner.beforeApplicationShutdown();
    expect(String(wrong.error)).toContain('wrong is not a periodic of a driver interface');
  });

  it('goes on with the nodes whose waiting step a driver reports finished, once their visit ends', async () => {
    class PollingFirmware {
      @periodic({ name: 'flash', spacing: 3600 })
      async flash(context: PeriodicContext): Promise<void> {
        await context.forEachNode(async (task) => {
          if (task.node.uuid === 'n1') context.resumeSteps(task);
          if (task.node.uuid === 'n2') context.resumeSteps(task, 'the flash failed');
        });
      }
    }
    const { runner, continued } = setup([], [{ type: 'firmware', name: 'fake', instance: new PollingFirmware() }], [{ uuid: 'n1' }, { uuid: 'n2' }, { uuid: 'n3' }]);
    runner.onApplicationBootstrap();
    await runner.runNow('firmware:fake:flash');
    await runner.beforeApplicationShutdown();
    expect(continued).toEqual([
      ['n1', undefined],
      ['n2', 'the flash failed'],
    ]);
  });
});
