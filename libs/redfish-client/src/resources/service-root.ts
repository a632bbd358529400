import { Chassis } from './chassis/chassis';
import { ResourceCollection } from './collection';
import { link, str } from './fields';
import { Manager } from './manager/manager';
import { Resource, withFields } from './resource';
import { SessionService } from './session-service';
import { ComputerSystem } from './system/computer-system';
import { TaskService } from './task/task-service';
import { UpdateService } from './update-service';

/** The service root (`/redfish/v1/`): who made the BMC, and where everything else is. */
export class ServiceRoot extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  /** `HPE`, `Dell`, `AMI`, `Lenovo`, … (Redfish 1.5+; absent on older BMCs). */
  vendor: str('Vendor'),
  product: str('Product'),
  redfishVersion: str('RedfishVersion'),
  uuid: str('UUID'),
  systemsPath: link('Systems'),
  managersPath: link('Managers'),
  chassisPath: link('Chassis'),
  sessionServicePath: link('SessionService'),
  sessionsPath: link(['Links', 'Sessions']),
  updateServicePath: link('UpdateService'),
  /** The TaskService is linked as `Tasks` in the service root. */
  taskServicePath: link('Tasks'),
  registriesPath: link('Registries'),
  accountServicePath: link('AccountService'),
  eventServicePath: link('EventService'),
}) {
  systems(): Promise<ResourceCollection<ComputerSystem> | undefined> {
    return this.follow(this.systemsPath, ResourceCollection.of((init) => new ComputerSystem(init)));
  }

  managers(): Promise<ResourceCollection<Manager> | undefined> {
    return this.follow(this.managersPath, ResourceCollection.of((init) => new Manager(init)));
  }

  chassis(): Promise<ResourceCollection<Chassis> | undefined> {
    return this.follow(this.chassisPath, ResourceCollection.of((init) => new Chassis(init)));
  }

  updateService(): Promise<UpdateService | undefined> {
    return this.follow(this.updateServicePath, (init) => new UpdateService(init));
  }

  taskService(): Promise<TaskService | undefined> {
    return this.follow(this.taskServicePath, (init) => new TaskService(init));
  }

  sessionService(): Promise<SessionService | undefined> {
    return this.follow(this.sessionServicePath, (init) => new SessionService(init));
  }

  /** The message and attribute registries (plain JSON; large, read only when needed). */
  registries(): Promise<ResourceCollection<Resource> | undefined> {
    return this.follow(this.registriesPath, ResourceCollection.of((init) => new Resource(init)));
  }
}
