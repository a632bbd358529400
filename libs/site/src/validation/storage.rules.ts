import type { BaremetalNode, Partition } from '../model/site-design';
import { formatDecimalBytes, parseStorageSize, SIZE_FORMAT_HELP } from './storage-size';
import { defineRule, listed, nodeDoc, type RuleIssue } from './validation-rule';

// The storage rules read a node's compiled `storage`: physical devices (partitioned, or whole as a
// physical volume) and volume groups with their logical volumes.

function* partitionsOf(node: BaremetalNode): Generator<{ device: string; partition: Partition }> {
  for (const [device, spec] of Object.entries(node.storage.physical_devices)) {
    for (const partition of spec.partitions) yield { device, partition };
  }
}

/** Every filesystem mount of a node, and where it lives (`partition root on device sda`). */
function* mountsOf(node: BaremetalNode): Generator<{ mountpoint: string; where: string }> {
  for (const { device, partition } of partitionsOf(node)) {
    const mountpoint = partition.filesystem?.mountpoint;
    if (mountpoint && mountpoint !== 'none') yield { mountpoint, where: `partition ${partition.name} on device ${device}` };
  }
  for (const [group, spec] of Object.entries(node.storage.volume_groups)) {
    for (const volume of spec.logical_volumes) {
      const mountpoint = volume.filesystem?.mountpoint;
      if (mountpoint && mountpoint !== 'none') yield { mountpoint, where: `logical volume ${volume.name} in volume group ${group}` };
    }
  }
}

const BOOT_MINIMUMS: Readonly<Record<string, number>> = { root: 20e9, boot: 1e9 };
/** DD1001 judges the sizes of these partitions (their format included); DD1003 leaves them to it. */
const judgedByBootStorage = (partition: Partition): boolean => partition.name in BOOT_MINIMUMS;

function judgeBootPartition(node: BaremetalNode, device: string, partition: Partition, minimum: number): RuleIssue | undefined {
  const subject = `BaremetalNode ${node.name}: partition ${partition.name} on device ${device}`;
  const need = `at least ${formatDecimalBytes(minimum)}`;
  const documents = [nodeDoc(node)];
  if (partition.size === undefined) return { message: `${subject} has no size; it must be ${need}.`, documents, diagnostic: `Give the ${partition.name} partition a size.` };
  const size = parseStorageSize(partition.size);
  if (size === undefined) return { message: `${subject} has size "${partition.size}", which is not a valid size format.`, documents, diagnostic: SIZE_FORMAT_HELP };
  // ">n" takes all the space left, which the driver checks against the device: it meets any minimum here.
  if (size.atLeast) return undefined;
  if (size.kind === 'percent') {
    return {
      level: 'Warning',
      message: `${subject} has size ${partition.size}, a share of the device whose capacity the design does not give; the ${formatDecimalBytes(minimum)} minimum cannot be checked.`,
      documents,
      diagnostic: `Give the ${partition.name} partition a fixed size, or a ">" size.`,
    };
  }
  if (size.bytes >= minimum) return undefined;
  return { message: `${subject} is ${partition.size} (${formatDecimalBytes(size.bytes)}); it must be ${need}.`, documents, diagnostic: `Configure a larger ${partition.name} partition.` };
}

/** DD1001: a `root` partition of at least 20 GB, and a `boot` partition, where there is one, of at least 1 GB. */
export const rationalBootStorage = defineRule({ id: 'DD1001', name: 'Rational Boot Storage', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    const partitions = [...partitionsOf(node)];
    if (!partitions.some(({ partition }) => partition.name === 'root')) {
      yield { message: `BaremetalNode ${node.name} has no partition named root; it needs one of at least 20 GB.`, documents: [nodeDoc(node)], diagnostic: 'All nodes require a root partition at least 20 GB in size.' };
    }
    for (const { device, partition } of partitions) {
      const minimum = BOOT_MINIMUMS[partition.name];
      const issue = minimum === undefined ? undefined : judgeBootPartition(node, device, partition, minimum);
      if (issue) yield issue;
    }
  }
});

/** DD1002 (Drydock's second DD2002): devices, partitions and volume groups fit together. */
export const storagePartitioning = defineRule({ id: 'DD1002', name: 'Storage Partitioning', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    const subject = `BaremetalNode ${node.name}`;
    const documents = [nodeDoc(node)];
    const physicalVolumes = new Map<string, string[]>();
    const addPhysicalVolume = (group: string, where: string) => physicalVolumes.set(group, [...(physicalVolumes.get(group) ?? []), where]);
    for (const [device, spec] of Object.entries(node.storage.physical_devices)) {
      const names = spec.partitions.map((partition) => partition.name);
      if (spec.volume_group && names.length > 0) {
        yield { message: `${subject}: device ${device} has both volume_group ${spec.volume_group} and partitions (${listed(names)}).`, documents, diagnostic: 'A storage device is either a whole physical volume of a volume group or carved into partitions.' };
      } else if (!spec.volume_group && names.length === 0) {
        yield { message: `${subject}: device ${device} has neither partitions nor a volume_group.`, documents, diagnostic: 'A storage device is either a whole physical volume of a volume group or carved into partitions.' };
      }
      if (spec.volume_group) addPhysicalVolume(spec.volume_group, `device ${device}`);
      for (const partition of spec.partitions) {
        if (partition.volume_group && partition.filesystem) {
          yield {
            message: `${subject}: partition ${partition.name} on device ${device} has both volume_group ${partition.volume_group} and a filesystem (${partition.filesystem.fstype}${partition.filesystem.mountpoint ? ` at ${partition.filesystem.mountpoint}` : ''}).`,
            documents,
            diagnostic: 'A partition is either a physical volume of a volume group or formatted as a filesystem.',
          };
        }
        // The partition's own volume_group (Drydock read it from a key that never exists, and booked the device's).
        if (partition.volume_group) addPhysicalVolume(partition.volume_group, `partition ${partition.name} on device ${device}`);
      }
    }
    for (const group of Object.keys(node.storage.volume_groups)) {
      if (!physicalVolumes.has(group)) {
        yield { message: `${subject}: volume group ${group} has no physical volume (no device or partition names it as its volume_group).`, documents, diagnostic: 'Assign at least one storage device or partition to each volume group.' };
      }
    }
    for (const [group, places] of physicalVolumes) {
      if (!Object.hasOwn(node.storage.volume_groups, group)) {
        yield { message: `${subject}: ${listed(places)} ${places.length > 1 ? 'name' : 'names'} volume group ${group}, which storage.volume_groups does not declare.`, documents, diagnostic: `Declare volume group ${group} or correct the volume_group.` };
      }
    }
  }
});

interface SizedItem {
  label: string;
  size: string | undefined;
  /** A root or boot partition: DD1001 reports its size when missing or malformed. */
  judgedElsewhere: boolean;
}

function* sizeContainer(subject: string, container: string, items: SizedItem[], documents: RuleIssue['documents']): Generator<RuleIssue> {
  const shares: string[] = [];
  const others: string[] = [];
  let total = 0;
  for (const item of items) {
    const size = item.size === undefined ? undefined : parseStorageSize(item.size);
    if (size === undefined) {
      if (item.judgedElsewhere) continue;
      const problem = item.size === undefined ? 'has no size' : `has size "${item.size}", which is not a valid size format`;
      yield { message: `${subject}: ${item.label} on ${container} ${problem}.`, documents, diagnostic: SIZE_FORMAT_HELP };
      continue;
    }
    const amount = size.kind === 'percent' ? size.percent : size.bytes;
    if (amount < 0) yield { message: `${subject}: ${item.label} on ${container} has a negative size (${item.size}).`, documents, diagnostic: 'Sizes must be positive.' };
    if (size.kind === 'percent') {
      total += size.percent;
      shares.push(`${item.label} ${item.size}`);
    }
    if (size.kind === 'bytes' || size.atLeast) others.push(`${item.label} (${item.size})`);
  }
  if (total > 100) {
    yield { message: `${subject}: percentage sizes on ${container} add up to ${total}% (${listed(shares)}), more than 100%.`, documents, diagnostic: 'Percentage-based sizes on a device or volume group must add up to 100% at most.' };
  } else if (total === 100 && others.length > 0) {
    yield {
      message: `${subject}: percentage sizes on ${container} add up to 100% (${listed(shares)}), leaving no room for ${listed(others)}.`,
      documents,
      diagnostic: 'When percentages take the whole device or volume group, define nothing else on it.',
    };
  }
}

/** DD1003 (Drydock's second DD2003): sizes parse, none is negative, and percentages fit their device or volume group. */
export const storageSizing = defineRule({ id: 'DD1003', name: 'Storage Sizing', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    const subject = `BaremetalNode ${node.name}`;
    const documents = [nodeDoc(node)];
    for (const [device, spec] of Object.entries(node.storage.physical_devices)) {
      const items = spec.partitions.map((partition) => ({ label: `partition ${partition.name}`, size: partition.size, judgedElsewhere: judgedByBootStorage(partition) }));
      yield* sizeContainer(subject, `device ${device}`, items, documents);
    }
    // Once per volume group, each with its own sum (Drydock kept one running sum across groups, per device).
    for (const [group, spec] of Object.entries(node.storage.volume_groups)) {
      const items = spec.logical_volumes.map((volume) => ({ label: `logical volume ${volume.name}`, size: volume.size, judgedElsewhere: false }));
      yield* sizeContainer(subject, `volume group ${group}`, items, documents);
    }
  }
});

/** DD1004 (Drydock's second DD2004): no mountpoint is used twice on a node. */
export const storageMountpoint = defineRule({ id: 'DD1004', name: 'Storage Mountpoint', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    const places = new Map<string, string[]>();
    for (const { mountpoint, where } of mountsOf(node)) places.set(mountpoint, [...(places.get(mountpoint) ?? []), where]);
    for (const [mountpoint, where] of places) {
      if (where.length > 1) {
        yield { message: `BaremetalNode ${node.name}: mountpoint ${mountpoint} is used by ${listed(where)}.`, documents: [nodeDoc(node)], diagnostic: 'Please use unique mountpoints.' };
      }
    }
  }
});

/** DD1005 (new): something is mounted at `/` (that only one thing is, is DD1004's). */
export const rootFilesystem = defineRule({ id: 'DD1005', name: 'Root Filesystem', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    if (![...mountsOf(node)].some(({ mountpoint }) => mountpoint === '/')) {
      yield { message: `BaremetalNode ${node.name}: no partition or logical volume is mounted at /.`, documents: [nodeDoc(node)], diagnostic: 'Give the root partition or a logical volume a filesystem with mountpoint "/".' };
    }
  }
});
