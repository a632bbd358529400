import { InspectInterface, requireExclusiveLock, type DriverTask, type InspectionReport, type JsonObject } from '@slipway/drivers-framework';
import { readInventory, type Inventory } from '@slipway/redfish-client';
import { redfishCall } from './redfish-failure';
import { withRedfishDriverInfo } from './with-redfish-driver-info';
import type { RedfishNodes } from './redfish-nodes';

/**
 * Out-of-band inspection (Ironic's redfish inspect): the System's processors, memory, storage and
 * NICs give the node's cpus, cpu_arch, memory_mb, local_gb and a boot_mode capability; the full
 * inventory goes back to the conductor, which stores it and creates a port per NIC MAC. Values the
 * BMC does not report are left as they were, with a warning, as Ironic does.
 */
export class RedfishInspectInterface extends withRedfishDriverInfo(InspectInterface) {
  static readonly interfaceName: string = 'redfish';

  constructor(private readonly nodes: RedfishNodes) {
    super();
  }


  async inspectHardware(task: DriverTask): Promise<InspectionReport> {
    requireExclusiveLock(task);
    const inventory = await redfishCall(task, 'inspecting the hardware', async () => readInventory(await this.nodes.system(task)));
    task.node.properties = { ...task.node.properties, ...inspectedProperties(task, inventory) };
    return { inventory: ironicInventory(inventory) };
  }
}

/** The node properties inspection sets; what the BMC did not tell is left out (and logged). */
export function inspectedProperties(task: DriverTask, inventory: Inventory): JsonObject {
  const properties: JsonObject = {};
  const missing: string[] = [];
  if (inventory.cpu.count > 0) properties['cpus'] = inventory.cpu.count;
  else missing.push('cpus');
  if (inventory.cpu.architecture) properties['cpu_arch'] = inventory.cpu.architecture;
  else missing.push('cpu_arch');
  if (inventory.memory.physicalMb > 0) properties['memory_mb'] = inventory.memory.physicalMb;
  else missing.push('memory_mb');
  // 0 is a real answer: a diskless node (Ironic sets it, with a warning).
  properties['local_gb'] = inventory.localGb;
  if (inventory.localGb === 0) task.log.warn({ node: task.node.uuid }, 'inspection found no local disk larger than 4 GiB; local_gb is 0');
  if (missing.length) task.log.warn({ node: task.node.uuid, missing }, 'the BMC did not report some properties; they keep their values');
  const capabilities = withBootMode(task.node.properties['capabilities'], inventory.bootMode);
  if (capabilities !== undefined) properties['capabilities'] = capabilities;
  return properties;
}

/** Adds boot_mode to the capabilities string unless the operator set one. */
function withBootMode(current: unknown, bootMode: Inventory['bootMode']): string | undefined {
  const text = typeof current === 'string' ? current : '';
  if (!bootMode || /(^|,)\s*boot_mode:/.test(text)) return typeof current === 'string' ? current : undefined;
  return text ? `${text},boot_mode:${bootMode}` : `boot_mode:${bootMode}`;
}

/** The inventory in the inspection ramdisk's format, which the API serves and hooks read. */
export function ironicInventory(inventory: Inventory): JsonObject {
  return {
    cpu: { count: inventory.cpu.count, architecture: inventory.cpu.architecture, model_name: inventory.cpu.modelName, frequency: inventory.cpu.frequencyMHz },
    memory: { physical_mb: inventory.memory.physicalMb },
    disks: inventory.disks.map((disk) => ({ name: disk.name, size: disk.sizeBytes })),
    interfaces: inventory.interfaces.map((nic) => ({ name: nic.name, mac_address: nic.macAddress, speed_mbps: nic.speedMbps })),
    system_vendor: {
      manufacturer: inventory.systemVendor.manufacturer,
      product_name: inventory.systemVendor.productName,
      serial_number: inventory.systemVendor.serialNumber,
      system_uuid: inventory.systemVendor.uuid,
    },
    boot: { current_boot_mode: inventory.bootMode },
  };
}
