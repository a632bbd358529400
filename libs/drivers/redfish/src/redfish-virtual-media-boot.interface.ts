import {
  BootInterface,
  InvalidParameterValueError,
  MissingParameterValueError,
  requireExclusiveLock,
  type DriverTask,
  type RamdiskMode,
} from '@slipway/drivers-framework';
import { setBootDevice } from './boot-device';
import { REDFISH_PROPERTIES } from './redfish-driver-info';
import { redfishCall } from './redfish-failure';
import type { RedfishNodes } from './redfish-nodes';
import { ejectImages, insertImage } from './virtual-media-slots';
import { withRedfishDriverInfo } from './with-redfish-driver-info';

/** driver_info keys of the ramdisks this boot interface attaches, and instance_info's instance ISO. */
export const VIRTUAL_MEDIA_KEYS = { deployIso: 'deploy_iso', rescueIso: 'rescue_iso', bootIso: 'boot_iso' } as const;

const PROPERTIES: Readonly<Record<string, string>> = Object.freeze({
  ...REDFISH_PROPERTIES,
  [VIRTUAL_MEDIA_KEYS.deployIso]: 'URL (http or https) of the ISO image of the deploy/cleaning/inspection ramdisk. Required to boot a ramdisk.',
  [VIRTUAL_MEDIA_KEYS.rescueIso]: 'URL (http or https) of the ISO image of the rescue ramdisk. Required for rescue.',
});

/**
 * Ironic's `redfish-virtual-media` boot: the BMC attaches an ISO from a URL to its virtual CD and
 * the node boots from it once (ramdisks) or on every boot (an instance booted from an ISO, as the
 * ramdisk deploy does). Images are given as ISOs (driver_info deploy_iso/rescue_iso, instance_info
 * boot_iso): Slipway does not build ISOs from a kernel and ramdisk.
 */
export class RedfishVirtualMediaBootInterface extends withRedfishDriverInfo(BootInterface) {
  static readonly interfaceName: string = 'redfish-virtual-media';

  constructor(private readonly nodes: RedfishNodes) {
    super();
  }

  override getProperties(): Record<string, string> {
    return { ...PROPERTIES };
  }

  /** An instance given as a kernel and ramdisk would need an ISO built from them: refused, naming boot_iso. */
  override async validate(task: DriverTask): Promise<void> {
    await super.validate(task);
    this.checkDriverInfo(task.node);
    const iso = urlAt(task, 'instance_info', task.node.instanceInfo, VIRTUAL_MEDIA_KEYS.bootIso);
    if (!iso && (task.node.instanceInfo['kernel'] || task.node.instanceInfo['ramdisk'])) {
      throw new MissingParameterValueError(
        `Node ${task.node.uuid} boots its instance over virtual media, which needs instance_info/boot_iso (the URL of an ISO image); building an ISO from instance_info kernel and ramdisk is not supported.`,
      );
    }
  }

  override checkDriverInfo(node: Pick<DriverTask['node'], 'uuid' | 'driverInfo'>): void {
    super.checkDriverInfo(node);
    for (const key of [VIRTUAL_MEDIA_KEYS.deployIso, VIRTUAL_MEDIA_KEYS.rescueIso]) urlAt({ node }, 'driver_info', node.driverInfo, key);
  }

  override async validateRescue(task: DriverTask): Promise<void> {
    this.requiredIso(task, VIRTUAL_MEDIA_KEYS.rescueIso);
  }

  override async validateInspection(task: DriverTask): Promise<void> {
    this.requiredIso(task, VIRTUAL_MEDIA_KEYS.deployIso);
  }

  /** Attaches the ramdisk ISO and boots from the CD once; the caller powers the node on. */
  async prepareRamdisk(task: DriverTask, _ramdiskParams: Readonly<Record<string, unknown>>, mode: RamdiskMode = 'deploy'): Promise<void> {
    requireExclusiveLock(task);
    const iso = this.requiredIso(task, mode === 'rescue' ? VIRTUAL_MEDIA_KEYS.rescueIso : VIRTUAL_MEDIA_KEYS.deployIso);
    await this.attach(task, iso, false, `attaching the ${mode} ramdisk`);
  }

  async cleanUpRamdisk(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.ejectAll(task, 'ejecting the ramdisk');
  }

  /** An instance ISO stays attached and the CD is the persistent boot device; otherwise the disk is. */
  async prepareInstance(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    const iso = urlAt(task, 'instance_info', task.node.instanceInfo, VIRTUAL_MEDIA_KEYS.bootIso);
    if (iso) return this.attach(task, iso, true, 'attaching the instance ISO');
    await redfishCall(task, 'booting the instance from disk', async () => {
      const system = await this.nodes.system(task);
      const quirks = await this.nodes.quirks(task, system);
      await ejectImages(this.nodes, system, 'cd', quirks);
      await setBootDevice(this.nodes, task, await system.refresh(), 'disk', true, quirks);
    });
  }

  async cleanUpInstance(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.ejectAll(task, 'ejecting the instance ISO');
  }

  private async attach(task: DriverTask, iso: string, persistent: boolean, operation: string): Promise<void> {
    await redfishCall(task, operation, async () => {
      const system = await this.nodes.system(task);
      const quirks = await this.nodes.quirks(task, system);
      await insertImage(this.nodes, task, system, 'cd', iso, quirks);
      await setBootDevice(this.nodes, task, await system.refresh(), 'cdrom', persistent, quirks);
    });
  }

  private async ejectAll(task: DriverTask, operation: string): Promise<void> {
    await redfishCall(task, operation, async () => {
      const system = await this.nodes.system(task);
      const quirks = await this.nodes.quirks(task, system);
      await ejectImages(this.nodes, system, 'cd', quirks);
      await ejectImages(this.nodes, system, 'usb', quirks);
    });
  }

  private requiredIso(task: DriverTask, key: string): string {
    const iso = urlAt(task, 'driver_info', task.node.driverInfo, key);
    if (!iso) {
      throw new MissingParameterValueError(
        `Node ${task.node.uuid} needs driver_info/${key} (the URL of an ISO image) to boot over virtual media; building an ISO from a kernel and ramdisk is not supported.`,
      );
    }
    return iso;
  }
}

/** An optional http(s) URL at `key`, refused when it is something else. */
function urlAt(task: { node: Pick<DriverTask['node'], 'uuid'> }, field: string, values: Record<string, unknown>, key: string): string | undefined {
  const value = values[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) {
    throw new InvalidParameterValueError(`${field}/${key} of node ${task.node.uuid} must be an http or https URL of an ISO image, got ${JSON.stringify(value)}.`);
  }
  return value;
}
