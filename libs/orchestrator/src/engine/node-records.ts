import { isDeepStrictEqual } from 'node:util';
import { parseSize, type BaremetalNode, type SiteDesign } from '@slipway/site';
import { DRIVER_ACTIONS as A } from './driver-actions';
import { siteLabelsFor } from './node-enrolment';
import { networkDataFor } from './network-data';
import { rootDevicePlan } from './root-device-hints';

// What prepare_nodes' create_storage_template, deploy_nodes' apply steps and relabel_nodes record
// on the Ironic node (pure):
// - create_storage_template → `properties.root_device`: the design's boot disk as root device
//   hints (root-device-hints.ts), so inspection measures it and the deploy writes the image to it;
// - apply_node_networking → `network_data`: the node's links, addresses, routes and DNS as
//   network_data.json (network-data.ts), which a config drive hands to the instance;
// - apply_node_storage → `instance_info.root_gb` (the `root` partition in GiB, when its size is
//   absolute) and the whole layout (physical devices, partitions, volume groups) in
//   `extra.site.storage`;
// - apply_node_platform → `instance_info.image_source` (platform.image), `instance_info.boot_iso`
//   too for a node deployed by the ramdisk deploy interface (redfish virtual media boots that
//   ISO), `instance_info.kernel_append_params` (kernel_params as `key=value`, a `true` flag as
//   `key`), and `extra.site.platform` (image, kernel, kernel_params as in the design);
// - relabel_node → `extra.site` (design version, rack, tags, owner_data, labels).
// instance_info is Ironic's: undeploying a node clears it, deploy_nodes writes it again.

/** The node's fields the records read and write (Ironic API names). */
export interface RecordedFields {
  properties: Record<string, unknown>;
  instance_info: Record<string, unknown>;
  extra: Record<string, unknown>;
  network_data: Record<string, unknown>;
}

export interface NodeFacts extends RecordedFields {
  deployInterface: string | null;
}

export type RecordingStep = typeof A.createStorageTemplate | typeof A.applyNodeNetworking | typeof A.applyNodeStorage | typeof A.applyNodePlatform | typeof A.relabelNode;

/** The fields `step` changes on a node with `current`, only those that differ (empty: nothing to write). */
export function recordChanges(step: RecordingStep, node: BaremetalNode, design: SiteDesign, designRef: string, current: NodeFacts): Partial<RecordedFields> {
  const wanted = wantedFields(step, node, design, designRef, current);
  return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => !isDeepStrictEqual(current[key as keyof RecordedFields], value)));
}

function wantedFields(step: RecordingStep, node: BaremetalNode, design: SiteDesign, designRef: string, current: NodeFacts): Partial<RecordedFields> {
  const site = (current.extra['site'] ?? {}) as Record<string, unknown>;
  switch (step) {
    case A.createStorageTemplate: {
      const properties = { ...current.properties };
      setOrDelete(properties, 'root_device', rootDevicePlan(node).hints);
      return { properties };
    }
    case A.applyNodeNetworking:
      return { network_data: { ...networkDataFor(node, design) } };
    case A.applyNodeStorage: {
      const instance = { ...current.instance_info };
      const rootGb = rootGigabytes(node);
      if (rootGb === undefined) delete instance['root_gb'];
      else instance['root_gb'] = rootGb;
      return { instance_info: instance, extra: { ...current.extra, site: { ...site, storage: structuredClone(node.storage) } } };
    }
    case A.applyNodePlatform: {
      const instance: Record<string, unknown> = { ...current.instance_info };
      const { image, kernel, kernel_params } = node.platform;
      setOrDelete(instance, 'image_source', image);
      if (current.deployInterface === 'ramdisk') setOrDelete(instance, 'boot_iso', image);
      setOrDelete(instance, 'kernel_append_params', kernelAppendParams(kernel_params));
      return { instance_info: instance, extra: { ...current.extra, site: { ...site, platform: { image: image ?? null, kernel: kernel ?? null, kernel_params: { ...kernel_params } } } } };
    }
    case A.relabelNode:
      return { extra: { ...current.extra, site: { ...site, ...siteLabelsFor(node, designRef) } } };
  }
}

/** `console=ttyS1,115200 hugepagesz=1G quiet`: values as `key=value`, true flags as `key`, false flags left out. */
export function kernelAppendParams(params: Readonly<Record<string, string | number | boolean>>): string | undefined {
  const words = Object.entries(params).flatMap(([key, value]) => (value === true ? [key] : value === false ? [] : [`${key}=${value}`]));
  return words.length > 0 ? words.join(' ') : undefined;
}

/** The size of the partition named `root`, in whole GiB, when it is absolute (not `%` or `>`). */
export function rootGigabytes(node: BaremetalNode): number | undefined {
  for (const device of Object.values(node.storage.physical_devices)) {
    const root = device.partitions.find((partition) => partition.name === 'root');
    if (root?.size === undefined) continue;
    const size = parseSize(root.size);
    return size.ok ? Math.floor(size.bytes / 2 ** 30) : undefined;
  }
  return undefined;
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}
