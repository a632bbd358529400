import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { NodeEntity } from '@slipway/db';
import { DriverRegistry, DriverTask, interfaceField, InterfaceType, NodeVisitOptions, PeriodicContext, PeriodicTask, periodicsOf } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { ProvisionHandler } from '../provisioning/provision.handler';
import { OwnedNodes } from './owned-nodes';
import { unlessBusy } from './unless-busy';

/** Each wait is the spacing ±10%, so the conductors of a cluster do not all run a task at once. */
const JITTER = 0.1;

interface Scheduled {
  task: PeriodicTask;
  /** For periodics of driver interfaces: which implementation's nodes they visit. */
  iface?: { type: InterfaceType; name: string };
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  /** runNow() asked while a run was going: run again as soon as it ends. */
  again: boolean;
}

/**
 * Runs the conductor's periodic tasks: those of its services and those of the enabled driver
 * interfaces, each declared with @periodic. A task never overlaps itself (the next wait starts
 * when a run ends), waits carry jitter, and a stop aborts the runs and waits for them.
 */
@Injectable()
export class PeriodicTaskRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger('PeriodicTaskRunner');
  private readonly scheduled = new Map<string, Scheduled>();
  private readonly stop = new AbortController();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly drivers: DriverRegistry,
    private readonly owned: OwnedNodes,
    private readonly tasks: NodeTaskRunner,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    private readonly provisioning: ProvisionHandler,
  ) {}

  onApplicationBootstrap(): void {
    const services = this.discovery.getProviders().flatMap((wrapper) => (wrapper.instance && typeof wrapper.instance === 'object' ? [wrapper.instance as object] : []));
    for (const service of new Set(services)) for (const task of periodicsOf(service)) this.add({ task, again: false });
    for (const { type, name, instance } of this.drivers.interfaceInstances()) {
      for (const task of periodicsOf(instance)) this.add({ task: { ...task, name: `${type}:${name}:${task.name}` }, iface: { type, name }, again: false });
    }
    const enabled = [...this.scheduled.values()].filter((entry) => entry.task.enabled);
    this.log.info({ periodics: enabled.map((entry) => `${entry.task.name} every ${entry.task.spacingSeconds} s`) }, 'periodic tasks scheduled');
    for (const entry of enabled) this.schedule(entry, this.firstDelayMs(entry.task));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    for (const entry of this.scheduled.values()) clearTimeout(entry.timer);
    await Promise.allSettled([...this.scheduled.values()].map((entry) => entry.running));
  }

  /** Runs a task now (after the current run, if one is going): takeover after a membership change. */
  runNow(name: string): Promise<void> {
    const entry = this.scheduled.get(name);
    if (!entry?.task.enabled || this.stop.signal.aborted) return Promise.resolve();
    if (entry.running) {
      entry.again = true;
      return entry.running;
    }
    clearTimeout(entry.timer);
    return this.run(entry);
  }

  /** Names of the enabled tasks (tests and logs). */
  enabledTasks(): string[] {
    return [...this.scheduled.values()].filter((entry) => entry.task.enabled).map((entry) => entry.task.name);
  }

  private add(entry: Scheduled): void {
    if (this.scheduled.has(entry.task.name)) throw new Error(`two periodic tasks are named ${entry.task.name}`);
    this.scheduled.set(entry.task.name, entry);
  }

  private firstDelayMs(task: PeriodicTask): number {
    // Spread first runs over one spacing, so a restart of many conductors does not align them.
    return Math.random() * task.spacingSeconds * 1000;
  }

  private schedule(entry: Scheduled, delayMs: number): void {
    if (this.stop.signal.aborted) return;
    entry.timer = setTimeout(() => void this.run(entry), delayMs);
    entry.timer.unref();
  }

  private run(entry: Scheduled): Promise<void> {
    const started = Date.now();
    entry.running = entry.task
      .run(this.context(entry))
      .catch((error: unknown) => this.log.error({ task: entry.task.name, err: error }, 'periodic task failed'))
      .finally(() => {
        entry.running = undefined;
        const took = Date.now() - started;
        if (took > 3 * entry.task.spacingSeconds * 1000) this.log.warn({ task: entry.task.name, tookMs: took }, 'periodic task took more than three times its spacing');
        const spacingMs = entry.task.spacingSeconds * 1000;
        this.schedule(entry, entry.again ? 0 : spacingMs * (1 - JITTER + 2 * JITTER * Math.random()));
        entry.again = false;
      });
    return entry.running;
  }

  private context(entry: Scheduled): PeriodicContext {
    // Nodes whose waiting step a driver reported finished during a visit: continued once it ends.
    const resumed = new Map<string, string | undefined>();
    return {
      signal: this.stop.signal,
      hostname: this.identity.hostname,
      forEachNode: async (work, options) => {
        if (!entry.iface) throw new Error(`${entry.task.name} is not a periodic of a driver interface: it has no nodes of its own`);
        return this.visit(entry.task.name, entry.iface, work, options, resumed);
      },
      resumeSteps: (task, error) => {
        resumed.set(task.node.uuid, error);
      },
    };
  }

  /** Goes on with a node whose waiting step a driver reported finished; a node that moved on meanwhile is left alone. */
  private async resume(uuid: string, error: string | undefined): Promise<void> {
    await unlessBusy(() => this.provisioning.continueAfterWait(uuid, error)).catch((failure: unknown) =>
      this.log.warn({ node: uuid, err: failure }, 'could not go on after a waiting step'),
    );
  }

  /** Ironic's node_periodic: the owned nodes of one implementation, locked ones skipped. */
  private async visit(
    purpose: string,
    iface: { type: InterfaceType; name: string },
    work: (task: DriverTask) => Promise<void>,
    options: NodeVisitOptions = {},
    resumed = new Map<string, string | undefined>(),
  ): Promise<number> {
    let visited = 0;
    const filter = {
      interface: { property: interfaceField(iface.type) as keyof NodeEntity, name: iface.name },
      provisionStates: options.provisionStates,
      maintenance: options.includeMaintenance ? undefined : false,
      reserved: false as const,
    };
    for await (const node of this.owned.matching(filter, this.stop.signal)) {
      if (options.limit !== undefined && visited >= options.limit) break;
      // Shared visits start from the row just listed; exclusive ones lock and read it afresh.
      const visit = () => (options.shared === false ? this.tasks.exclusive(node.uuid, purpose, ({ task }) => work(task)) : this.tasks.shared(node, purpose, ({ task }) => work(task)));
      if (await unlessBusy(visit)) visited++;
      if (resumed.has(node.uuid)) {
        const error = resumed.get(node.uuid);
        resumed.delete(node.uuid);
        await this.resume(node.uuid, error);
      }
    }
    return visited;
  }
}
