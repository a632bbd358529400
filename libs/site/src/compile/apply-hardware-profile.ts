import type { BaremetalNode, DeviceSelector, HardwareProfile } from '../model/site-design';
import { compact } from './inheritance';

/** Kernel parameter values of this form are taken from the node's hardware profile. */
export const HARDWARE_REFERENCE_PREFIX = 'hardwareprofile:';

const REFERENCE_FORMS = `${HARDWARE_REFERENCE_PREFIX}cpuset.<set> or ${HARDWARE_REFERENCE_PREFIX}hugepages.<name>.size|count`;

/** A device by the profile's alias of that name on that bus, or else by the name itself. */
function selectorFor(profile: HardwareProfile, busType: 'pci' | 'scsi', name: string): DeviceSelector {
  const alias = profile.device_aliases[name];
  if (alias?.bus_type === busType && alias.address !== undefined) {
    return compact({ selector_type: 'address', address: alias.address, alias: name, dev_type: alias.dev_type });
  }
  return { selector_type: 'name', address: name };
}

export function isHardwareReference(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(HARDWARE_REFERENCE_PREFIX);
}

/** The value a `hardwareprofile:` reference stands for, or why there is none. */
export function resolveHardwareReference(value: string, profile: HardwareProfile): { value: string | number } | { error: string } {
  const reference = value.slice(HARDWARE_REFERENCE_PREFIX.length);
  const dot = reference.indexOf('.');
  const [type, rest] = dot < 0 ? [reference, ''] : [reference.slice(0, dot), reference.slice(dot + 1)];
  const profileLabel = `HardwareProfile/${profile.name}`;
  if (type === 'cpuset') {
    const cpus = profile.cpu_sets[rest];
    return cpus === undefined ? { error: `names CPU set '${rest}', which ${profileLabel} does not define` } : { value: cpus };
  }
  if (type === 'hugepages') {
    const split = rest.indexOf('.');
    const [conf, field] = split < 0 ? [rest, ''] : [rest.slice(0, split), rest.slice(split + 1)];
    if (field !== 'size' && field !== 'count') return { error: `'${value}' must end in .size or .count` };
    const found = profile.hugepages[conf]?.[field];
    if (found === undefined) {
      return { error: profile.hugepages[conf] ? `names the ${field} of hugepages '${conf}', which ${profileLabel} does not set` : `names hugepages '${conf}', which ${profileLabel} does not define` };
    }
    return { value: found };
  }
  return { error: `'${value}' is not a reference to the hardware profile (${REFERENCE_FORMS})` };
}

/**
 * Applies the node's hardware profile to the (freshly compiled) node: each interface slave and
 * each storage device gets its selector (`pci` aliases for slaves, `scsi` aliases for disks), and
 * kernel parameters that reference the profile get its values. Returns, by kernel parameter, the
 * references that could not be resolved (those keep their text).
 */
export function applyHardwareProfile(node: BaremetalNode, profile: HardwareProfile): Array<{ parameter: string; error: string }> {
  for (const hostInterface of Object.values(node.interfaces)) {
    hostInterface.slave_selectors = hostInterface.slaves.map((slave) => selectorFor(profile, 'pci', slave));
  }
  for (const [name, device] of Object.entries(node.storage.physical_devices)) {
    device.selector = selectorFor(profile, 'scsi', name);
  }
  const errors: Array<{ parameter: string; error: string }> = [];
  for (const [parameter, value] of Object.entries(node.platform.kernel_params)) {
    if (!isHardwareReference(value)) continue;
    const resolved = resolveHardwareReference(value, profile);
    if ('value' in resolved) node.platform.kernel_params[parameter] = resolved.value;
    else errors.push({ parameter, error: resolved.error });
  }
  return errors;
}
