import { RedfishAccessError, RedfishHttpError } from '../redfish-errors';
import { optional } from '../resources/resource';
import type { ComputerSystem } from '../resources/system/computer-system';
import type { Processor } from '../resources/system/processor';
import { cpuArchitecture } from './cpu-architecture';
import { localGb } from './local-disk';

/** What out-of-band inspection learns from a ComputerSystem (Ironic's inventory, in our names). */
export interface Inventory {
  cpu: {
    /** Logical CPUs: the sum of TotalThreads (else TotalCores) of the CPUs; 0 when unknown. */
    count: number;
    /** Ironic's name (`x86_64`, `aarch64`, `i686`, `ppc64le`, …), or null. */
    architecture: string | null;
    modelName: string | null;
    frequencyMHz: number | null;
  };
  /** MiB of RAM; 0 when the BMC does not say. */
  memory: { physicalMb: number };
  /** Storage Drives, else SimpleStorage devices, with a known size. */
  disks: Array<{ name: string; sizeBytes: number }>;
  /** Ironic's local_gb (see `localGb`); 0 for a diskless node. */
  localGb: number;
  /** NICs with a valid MAC, in the BMC's order; the MAC in lower case. */
  interfaces: Array<{ name: string; macAddress: string; speedMbps: number | null }>;
  systemVendor: { manufacturer: string | null; productName: string | null; serialNumber: string | null; uuid: string | null };
  /** From Boot.BootSourceOverrideMode. */
  bootMode: 'uefi' | 'bios' | null;
}

const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;

/**
 * Reads the inventory of a system. Resources the BMC links but does not serve (404) count as
 * absent; storage errors of any HTTP kind too, as Ironic tolerates them (RAID controllers that are
 * still starting). Access and connection errors pass on.
 */
export async function readInventory(system: ComputerSystem): Promise<Inventory> {
  const [cpu, physicalMb, storage, interfaces] = await Promise.all([readCpu(system), readMemory(system), readStorage(system), readInterfaces(system)]);
  const mode = system.boot.mode;
  return {
    cpu,
    memory: { physicalMb },
    ...storage,
    interfaces,
    systemVendor: { manufacturer: system.manufacturer ?? null, productName: system.model ?? null, serialNumber: system.serialNumber ?? null, uuid: system.uuid ?? null },
    bootMode: mode === 'UEFI' ? 'uefi' : mode === 'Legacy' ? 'bios' : null,
  };
}

async function readCpu(system: ComputerSystem): Promise<Inventory['cpu']> {
  const processors = (await members(system.processors())).filter(isCpu);
  const summary = system.processorSummary;
  const trimmed = (text: string | undefined) => text?.trim() || null;
  if (processors.length === 0) {
    // No Processors collection to read (iDRAC fixtures): the summary is all there is.
    return { count: summary.logicalProcessorCount ?? summary.count ?? 0, architecture: null, modelName: trimmed(summary.model), frequencyMHz: null };
  }
  const threads = processors.reduce((sum, cpu) => sum + (cpu.totalThreads ?? cpu.totalCores ?? 0), 0);
  const architecture = processors.map((cpu) => cpuArchitecture(cpu.instructionSet, cpu.processorArchitecture)).find((arch) => arch !== undefined);
  const first = processors[0];
  return { count: threads || processors.length, architecture: architecture ?? null, modelName: trimmed(first.model) ?? trimmed(summary.model), frequencyMHz: first.maxSpeedMHz ?? null };
}

/** CPUs that are there: not GPUs or FPGAs (whose cores are no CPUs), not empty sockets. */
function isCpu(processor: Processor): boolean {
  return (processor.processorType === undefined || processor.processorType === 'CPU') && processor.status.state !== 'Absent';
}

async function readMemory(system: ComputerSystem): Promise<number> {
  if (system.totalSystemMemoryGiB !== undefined) return Math.round(system.totalSystemMemoryGiB * 1024);
  return (await members(system.memory())).reduce((sum, dimm) => sum + (dimm.capacityMiB ?? 0), 0);
}

async function readStorage(system: ComputerSystem): Promise<Pick<Inventory, 'disks' | 'localGb'>> {
  const [simpleStorage, storages] = await Promise.all([storageTolerant(members(system.simpleStorage()), []), storageTolerant(members(system.storage()), [])]);
  const perStorage = await Promise.all(
    storages.map(async (storage) => {
      const [drives, volumes] = await Promise.all([storageTolerant(storage.drives(), []), storageTolerant(members(storage.volumes()), [])]);
      return { drives, volumes };
    }),
  );
  const drives = perStorage.flatMap((item) => item.drives);
  const volumes = perStorage.flatMap((item) => item.volumes);
  const devices = simpleStorage.flatMap((controller) => controller.devices);
  const sized = <T extends { capacityBytes: number | undefined }>(items: readonly T[]) => items.filter((item): item is T & { capacityBytes: number } => item.capacityBytes !== undefined);

  const driveDisks = sized(drives).map((drive) => ({ name: drive.name ?? drive.id ?? drive.path, sizeBytes: drive.capacityBytes }));
  const deviceDisks = sized(devices.filter((device) => device.status.state !== 'Absent')).map((device) => ({ name: device.name ?? '', sizeBytes: device.capacityBytes }));
  return {
    disks: driveDisks.length > 0 ? driveDisks : deviceDisks,
    localGb: localGb({
      // As sushy: only devices reported Enabled count towards local_gb.
      simpleStorage: sized(devices.filter((device) => device.status.state === 'Enabled')).map((device) => device.capacityBytes),
      volumes: sized(volumes).map((volume) => volume.capacityBytes),
      drives: sized(drives).map((drive) => drive.capacityBytes),
    }),
  };
}

async function readInterfaces(system: ComputerSystem): Promise<Inventory['interfaces']> {
  const nics = await members(system.ethernetInterfaces());
  return nics.flatMap((nic) => {
    const mac = nic.macAddress?.trim();
    if (!mac || !MAC.test(mac)) return [];
    return [{ name: nic.id ?? nic.path, macAddress: mac.toLowerCase().replace(/-/g, ':'), speedMbps: nic.speedMbps ?? null }];
  });
}

/** The members of an optional collection: none when it is not linked or not there. */
async function members<R>(collection: Promise<{ members(): Promise<R[]> } | undefined>): Promise<R[]> {
  const found = await optional(collection);
  return found ? found.members() : [];
}

/** Storage reads fail softly, as in Ironic: any HTTP error except refused access means "none". */
async function storageTolerant<T>(pending: Promise<T>, fallback: T): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RedfishHttpError && !(error instanceof RedfishAccessError)) return fallback;
    throw error;
  }
}
