import { randomUUID } from 'node:crypto';
import { RingDirectory } from '@slipway/cluster';
import type { NodeEntity } from '@slipway/db';
import { BiosSettingRepository, ConductorRepository, createMigratedTestDatabase, DeployTemplateRepository, MigratedTestDatabase, NodeHistoryRepository, NodeInventoryRepository, NodeRepository, PortRepository } from '@slipway/db';
import { DEFAULT_DRIVER_CONFIG, DriverRegistry, PeriodicContext } from '@slipway/drivers-framework';
import { registerFakeDrivers } from '@slipway/drivers-fake';
import { NodeHistoryRecorder } from '../../history/node-history.recorder';
import { NodeLockService } from '../../locks/node-lock.service';
import { BackgroundWork } from '../../tasks/background-work';
import { NodeTaskRunner } from '../../tasks/node-task.runner';
import { ProvisionHandler } from '../../provisioning/provision.handler';
import { BiosSettingsCache } from '../../bios/bios-settings-cache';
import { InspectionRecorder } from '../../inspection/inspection-recorder';
import { DEFAULT_PROVISIONING_SETTINGS, ProvisioningSettings } from '../../provisioning/provisioning-settings';
import { OwnedNodes } from '../owned-nodes';

/**
 * Medium tests of periodic tasks: a migrated database of their own, the fake hardware, and this
 * conductor ("c1") in a ring of its own group with the given other members.
 */
export class PeriodicTestBed {
  readonly group = `g-${randomUUID().slice(0, 8)}`;
  readonly identity = { hostname: 'c1', conductorGroup: this.group, enabledHardwareTypes: ['fake-hardware'] };
  readonly context: PeriodicContext = { hostname: 'c1', signal: new AbortController().signal, forEachNode: async () => 0, resumeSteps: () => undefined };
  readonly nodes: NodeRepository;
  readonly conductors: ConductorRepository;
  readonly history: NodeHistoryRepository;
  readonly recorder: NodeHistoryRecorder;
  readonly tasks: NodeTaskRunner;
  readonly rings: RingDirectory;
  readonly owned: OwnedNodes;

  private constructor(
    private readonly db: MigratedTestDatabase,
    members: readonly string[],
  ) {
    this.nodes = new NodeRepository(db.dataSource);
    this.conductors = new ConductorRepository(db.dataSource);
    this.history = new NodeHistoryRepository(db.dataSource);
    this.recorder = new NodeHistoryRecorder(this.history, this.identity);
    const registry = new DriverRegistry();
    registerFakeDrivers(registry);
    registry.load({ ...DEFAULT_DRIVER_CONFIG, enabledHardwareTypes: ['fake-hardware'] });
    const locks = new NodeLockService(this.nodes, this.identity, { attempts: 1, retryIntervalMs: 10 });
    this.tasks = new NodeTaskRunner(this.nodes, locks, registry, new BackgroundWork(), new PortRepository(db.dataSource));
    this.rings = new RingDirectory(async () => ['c1', ...members].map((hostname) => ({ hostname, conductorGroup: this.group, hardwareTypes: ['fake-hardware'] })));
    this.owned = new OwnedNodes(this.nodes, this.rings, this.identity);
  }

  /** The conductor's provisioning, on this bed's nodes and journal. */
  provisioning(settings: Partial<ProvisioningSettings> = {}): ProvisionHandler {
    return new ProvisionHandler(this.tasks, this.recorder, this.identity, this.nodes, new DeployTemplateRepository(this.db.dataSource), { ...DEFAULT_PROVISIONING_SETTINGS, ...settings }, new BiosSettingsCache(new BiosSettingRepository(this.db.dataSource)),
      new InspectionRecorder(new NodeInventoryRepository(this.db.dataSource), new PortRepository(this.db.dataSource)),
    );
  }

  static async open(otherMembers: readonly string[] = []): Promise<PeriodicTestBed> {
    return new PeriodicTestBed(await createMigratedTestDatabase(), otherMembers);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** A fake-hardware node of this group that the ring gives to `owner`. */
  async nodeOwnedBy(owner: string, fields: Partial<NodeEntity> = {}): Promise<NodeEntity> {
    for (;;) {
      const uuid = randomUUID();
      if ((await this.rings.ownerOf({ uuid, conductorGroup: this.group, driver: 'fake-hardware' })) !== owner) continue;
      return this.nodes.insert({ uuid, driver: 'fake-hardware', conductorGroup: this.group, provisionState: 'available', powerInterface: 'fake', managementInterface: 'fake', ...fields });
    }
  }

  async reread(id: number): Promise<NodeEntity> {
    return (await this.nodes.findById(id))!;
  }
}
