const GIB = 1024 ** 3;
/** Disks below this are not candidates (SD cards, USB keys, tiny boot devices). */
const MIN_DISK_BYTES = 4 * GIB;

/** The sizes (bytes) that Ironic's local_gb rule looks at, per source. */
export interface LocalDiskSizes {
  /** Enabled SimpleStorage devices. */
  simpleStorage: readonly number[];
  /** Storage Volumes (logical drives): what the OS will see behind a RAID controller. */
  volumes: readonly number[];
  /** Storage Drives: used when there are no volumes large enough. */
  drives: readonly number[];
}

/**
 * Ironic's local_gb: the smallest disk of at least 4 GiB from SimpleStorage, and from Storage
 * (volumes, else drives); the smaller of the two when both have one; in GiB, minus 1 (room for
 * the partition table and config drive), rounded down; 0 for a diskless node.
 */
export function localGb(sizes: LocalDiskSizes): number {
  const smallest = (values: readonly number[]) => [...values].sort((a, b) => a - b).find((size) => size >= MIN_DISK_BYTES) ?? 0;
  const simple = smallest(sizes.simpleStorage);
  const storage = smallest(sizes.volumes) || smallest(sizes.drives);
  const chosen = simple && storage ? Math.min(simple, storage) : Math.max(simple, storage);
  return Math.max(0, Math.floor(chosen / GIB - 1));
}
