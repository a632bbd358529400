import type { BaremetalNode, SiteDesign } from '../model/site-design';
import { defineRule, listed, nodeDoc } from './validation-rule';

// What a node runs (kernel parameters, image and kernel) and what it is called.

/** DD1008: `hugepages` and `hugepagesz` kernel parameters come together. */
export const hugepagesValidity = defineRule({ id: 'DD1008', name: 'Hugepages', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    const params = node.platform.kernel_params;
    const [present, missing] = Object.hasOwn(params, 'hugepages') ? ['hugepages', 'hugepagesz'] : ['hugepagesz', 'hugepages'];
    if (Object.hasOwn(params, present) && !Object.hasOwn(params, missing)) {
      yield { message: `BaremetalNode ${node.name}: kernel_params set ${present} (${String(params[present])}) without ${missing}.`, documents: [nodeDoc(node)], diagnostic: 'hugepages and hugepagesz must be specified together.' };
    }
  }
});

/** DD3001: each node's image and kernel are ones the node provisioner has. */
export const platformSelection = defineRule({ id: 'DD3001', name: 'Platform Selection', severity: 'error' }, function* (design, { platforms }) {
  if (!platforms) {
    yield {
      level: 'Warning',
      message: 'No node provisioner platform catalog: image and kernel selections not validated.',
      documents: [],
      diagnostic: 'Cannot validate platform selection without accessing the node provisioner.',
    };
    return;
  }
  const images = Object.keys(platforms);
  for (const node of design.nodes) {
    const { image, kernel } = node.platform;
    if (image === undefined || !Object.hasOwn(platforms, image)) {
      yield { message: `BaremetalNode ${node.name}: image ${image ?? '(none)'} is not available.`, documents: [nodeDoc(node)], diagnostic: `Select a valid image from: ${images.join(', ')}` };
    } else if (kernel === undefined || !platforms[image].includes(kernel)) {
      yield { message: `BaremetalNode ${node.name}: kernel ${kernel ?? '(none)'} is not available for image ${image}.`, documents: [nodeDoc(node)], diagnostic: `Select a valid kernel from: ${platforms[image].join(', ')}` };
    }
  }
});

/** The node's FQDN as Drydock builds it: its name and the DNS domain of its primary network, else `local`. */
export function nodeFqdn(design: SiteDesign, node: BaremetalNode): string {
  const primary = design.networks.find((network) => network.name === node.primary_network);
  return `${node.name}.${primary?.dns.domain || 'local'}`;
}

const VALID_LABEL = /^[a-z0-9-]{1,63}$/i;

/** DD3003: the FQDN is at most 255 characters, of labels of 1–63 letters, digits and hyphens. */
export const hostnameValidity = defineRule({ id: 'DD3003', name: 'Hostname Validity', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    const fqdn = nodeFqdn(design, node);
    if (fqdn.length > 255) {
      yield { message: `BaremetalNode ${node.name}: FQDN ${fqdn} is ${fqdn.length} characters, more than 255.`, documents: [nodeDoc(node)], diagnostic: 'RFC 1035 requires full DNS names to be < 256 characters.' };
    }
    const invalid = fqdn.split('.').filter((label) => !VALID_LABEL.test(label));
    if (invalid.length > 0) {
      yield {
        message: `BaremetalNode ${node.name}: FQDN ${fqdn} has invalid ${invalid.length > 1 ? 'labels' : 'label'} ${listed(invalid.map((label) => `"${label}"`))}.`,
        documents: [nodeDoc(node)],
        diagnostic: 'RFC 1035 requires each label in a DNS name to be <= 63 characters and contain only A-Z, a-z, 0-9, and hyphens.',
      };
    }
  }
});
