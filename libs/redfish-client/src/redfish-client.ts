import type { RedfishConnection } from './redfish-connection';
import { RedfishSystemSelectionError, RedfishUnsupportedError } from './redfish-errors';
import type { Chassis } from './resources/chassis/chassis';
import type { ResourceCollection } from './resources/collection';
import type { Manager } from './resources/manager/manager';
import { load } from './resources/resource';
import { ServiceRoot } from './resources/service-root';
import type { SessionService } from './resources/session-service';
import { ComputerSystem } from './resources/system/computer-system';
import type { TaskService } from './resources/task/task-service';
import type { UpdateService } from './resources/update-service';
import { pathOfLocation, TaskMonitor } from './task-monitor';

/**
 * The entry point a driver uses: typed resources of one BMC, read through its connection. Each
 * call reads afresh (the service root itself is cached by the connection).
 */
export class RedfishClient {
  constructor(readonly connection: RedfishConnection) {}

  /** The service root, read without credentials (as sushy does). */
  async serviceRoot(): Promise<ServiceRoot> {
    const body = await this.connection.root();
    return new ServiceRoot({ connection: this.connection, path: this.connection.address.rootPath, response: { status: 200, body, headers: {} } });
  }

  async systems(): Promise<ResourceCollection<ComputerSystem>> {
    return required(await this.serviceRoot(), 'Systems', (root) => root.systems());
  }

  /**
   * One ComputerSystem (sushy's get_system): a path (`/redfish/v1/Systems/1`, Ironic's
   * redfish_system_id) is read as given; an id is looked up among the Systems members; nothing
   * means the only member of Systems, and an error naming the ids when there are none or several.
   */
  async system(idOrPath?: string): Promise<ComputerSystem> {
    if (idOrPath?.includes('/')) return load(this.connection, idOrPath, (init) => new ComputerSystem(init));
    const systems = await this.systems();
    const url = this.connection.url(systems.path);
    if (idOrPath !== undefined) {
      const wanted = idOrPath.toLowerCase();
      if (!systems.memberIds.some((id) => id.toLowerCase() === wanted)) throw new RedfishSystemSelectionError(url, `There is no system ${JSON.stringify(idOrPath)}`, systems.memberIds);
      return systems.member(idOrPath);
    }
    if (systems.memberPaths.length !== 1) {
      const reason = systems.memberPaths.length === 0 ? 'The BMC lists no system' : 'The BMC lists several systems: name one (redfish_system_id)';
      throw new RedfishSystemSelectionError(url, reason, systems.memberIds);
    }
    return systems.member(systems.memberPaths[0]);
  }

  async managers(): Promise<ResourceCollection<Manager>> {
    return required(await this.serviceRoot(), 'Managers', (root) => root.managers());
  }

  async chassis(): Promise<ResourceCollection<Chassis>> {
    return required(await this.serviceRoot(), 'Chassis', (root) => root.chassis());
  }

  /** The UpdateService, or undefined when the BMC has none. */
  async updateService(): Promise<UpdateService | undefined> {
    return (await this.serviceRoot()).updateService();
  }

  /** The TaskService, or undefined when the BMC has none. */
  async taskService(): Promise<TaskService | undefined> {
    return (await this.serviceRoot()).taskService();
  }

  /** The SessionService, or undefined when the BMC has none. */
  async sessionService(): Promise<SessionService | undefined> {
    return (await this.serviceRoot()).sessionService();
  }

  /** A task monitor at a known location (a path or URL stored while waiting across conductor restarts). */
  taskMonitor(location: string): TaskMonitor {
    return new TaskMonitor(this.connection, pathOfLocation(location));
  }
}

async function required<T>(root: ServiceRoot, name: string, get: (root: ServiceRoot) => Promise<T | undefined>): Promise<T> {
  const found = await get(root);
  if (found === undefined) throw new RedfishUnsupportedError(root.connection.url(root.path), `a ${name} collection`);
  return found;
}
