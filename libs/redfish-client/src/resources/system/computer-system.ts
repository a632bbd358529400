import { actionField, settingsField, statusField } from '../common-fields';
import { ResourceCollection } from '../collection';
import { Chassis } from '../chassis/chassis';
import { derived, group, link, links, num, str, strings } from '../fields';
import { Manager } from '../manager/manager';
import { VirtualMedia } from '../manager/virtual-media';
import { Resource, withFields } from '../resource';
import { Storage } from '../storage/storage';
import { checkAllowed, patchResource, postAction, type WriteResult } from '../writes';
import { Bios } from './bios';
import { bootField, type BootOverride, setBootOverride } from './boot-override';
import { EthernetInterface } from './ethernet-interface';
import { Memory } from './memory';
import { Processor } from './processor';
import { SecureBoot } from './secure-boot';
import { SimpleStorage } from './simple-storage';

/** The IndicatorLED values of the schema, checked when the BMC lists none of its own. */
const INDICATOR_LED_VALUES = ['Lit', 'Blinking', 'Off'];

const managedBy = links(['Links', 'ManagedBy']);
const managers = links(['Links', 'Managers']);

/** A ComputerSystem: the server Ironic manages (power, boot, inventory, BIOS, storage). */
export class ComputerSystem extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  manufacturer: str('Manufacturer'),
  model: str('Model'),
  serialNumber: str('SerialNumber'),
  uuid: str('UUID'),
  sku: str('SKU'),
  systemType: str('SystemType'),
  /** `On`, `Off`, `PoweringOn`, `PoweringOff`, `Paused`. */
  powerState: str('PowerState'),
  biosVersion: str('BiosVersion'),
  status: statusField(),
  indicatorLed: str('IndicatorLED'),
  indicatorLedAllowableValues: strings('IndicatorLED@Redfish.AllowableValues'),
  totalSystemMemoryGiB: num(['MemorySummary', 'TotalSystemMemoryGiB']),
  processorSummary: group('ProcessorSummary', { count: num('Count'), logicalProcessorCount: num('LogicalProcessorCount'), model: str('Model') }),
  boot: bootField,
  settings: settingsField,
  resetAction: actionField('#ComputerSystem.Reset', 'ResetType'),
  processorsPath: link('Processors'),
  memoryPath: link('Memory'),
  ethernetInterfacesPath: link('EthernetInterfaces'),
  simpleStoragePath: link('SimpleStorage'),
  storagePath: link('Storage'),
  biosPath: link('Bios'),
  secureBootPath: link('SecureBoot'),
  virtualMediaPath: link('VirtualMedia'),
  /** Links.ManagedBy, else Links.Managers (some BMCs use the latter, as sushy tolerates). */
  managerPaths: derived((json) => {
    const primary = managedBy.read(json);
    return primary.length > 0 ? primary : managers.read(json);
  }),
  chassisPaths: links(['Links', 'Chassis']),
}) {
  processors(): Promise<ResourceCollection<Processor> | undefined> {
    return this.follow(this.processorsPath, ResourceCollection.of((init) => new Processor(init)));
  }

  memory(): Promise<ResourceCollection<Memory> | undefined> {
    return this.follow(this.memoryPath, ResourceCollection.of((init) => new Memory(init)));
  }

  ethernetInterfaces(): Promise<ResourceCollection<EthernetInterface> | undefined> {
    return this.follow(this.ethernetInterfacesPath, ResourceCollection.of((init) => new EthernetInterface(init)));
  }

  simpleStorage(): Promise<ResourceCollection<SimpleStorage> | undefined> {
    return this.follow(this.simpleStoragePath, ResourceCollection.of((init) => new SimpleStorage(init)));
  }

  storage(): Promise<ResourceCollection<Storage> | undefined> {
    return this.follow(this.storagePath, ResourceCollection.of((init) => new Storage(init)));
  }

  bios(): Promise<Bios | undefined> {
    return this.follow(this.biosPath, (init) => new Bios(init));
  }

  secureBoot(): Promise<SecureBoot | undefined> {
    return this.follow(this.secureBootPath, (init) => new SecureBoot(init));
  }

  /** Virtual media under the System (newer schema, iDRAC 6+); older BMCs have it under the Manager. */
  virtualMedia(): Promise<ResourceCollection<VirtualMedia> | undefined> {
    return this.follow(this.virtualMediaPath, ResourceCollection.of((init) => new VirtualMedia(init)));
  }

  /** The managers (BMCs) of this system that exist. */
  managers(): Promise<Manager[]> {
    return this.followAll(this.managerPaths, (init) => new Manager(init));
  }

  /** The chassis this system is in that exist. */
  chassis(): Promise<Chassis[]> {
    return this.followAll(this.chassisPaths, (init) => new Chassis(init));
  }

  /**
   * POSTs ComputerSystem.Reset with `resetType` (`On`, `ForceOff`, `GracefulShutdown`,
   * `GracefulRestart`, `ForceRestart`, `Nmi`, …), refused first when the action lists allowable
   * values without it. No list means every value is allowed (sushy does not read ActionInfo).
   */
  async reset(resetType: string): Promise<WriteResult> {
    checkAllowed(this, 'ResetType', resetType, this.resetAction?.allowableValues);
    return postAction(this, this.resetAction, '#ComputerSystem.Reset', { ResetType: resetType });
  }

  /** Sets the boot override (see `setBootOverride`: settings object, allowable values, HttpBootUri). */
  setBoot(override: BootOverride): Promise<void> {
    return setBootOverride(this, override);
  }

  /** `Lit`, `Blinking` or `Off`, PATCHed with If-Match. */
  async setIndicatorLed(state: string): Promise<WriteResult> {
    checkAllowed(this, 'IndicatorLED', state, this.indicatorLedAllowableValues ?? INDICATOR_LED_VALUES);
    return patchResource(this, { IndicatorLED: state });
  }
}
