import { defineRule, nodeDoc } from './validation-rule';

// Out-of-band management settings a node's OOB type needs.

const IPMI_PARAMETERS = ['account', 'credential', 'network'] as const;

/** DD4001: an IPMI node has account, credential and network, and a static address on that network. */
export const ipmiValidity = defineRule({ id: 'DD4001', name: 'Valid IPMI Configuration', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    if (node.oob.type !== 'ipmi') continue;
    // Each missing parameter is reported (Drydock's message formatting raised a TypeError instead).
    for (const parameter of IPMI_PARAMETERS) {
      if (!node.oob[parameter]) yield { message: `BaremetalNode ${node.name}: OOB parameter ${parameter} for IPMI is missing.`, documents: [nodeDoc(node)], diagnostic: `Define OOB parameter ${parameter}.` };
    }
    const network = node.oob.network;
    if (network && !node.addressing.some((address) => address.network === network && address.address !== 'dhcp')) {
      yield { message: `BaremetalNode ${node.name}: no static address on its OOB network ${network}.`, documents: [nodeDoc(node)], diagnostic: 'Provide the address of the node OOB interface in addressing.' };
    }
  }
});

/** DD4002: a libvirt node has a qemu+ssh libvirt_uri and a boot MAC. */
export const libvirtValidity = defineRule({ id: 'DD4002', name: 'Valid Libvirt Configuration', severity: 'error' }, function* (design) {
  for (const node of design.nodes) {
    if (node.oob.type !== 'libvirt') continue;
    const uri = node.oob['libvirt_uri'];
    if (typeof uri !== 'string' || uri === '') {
      yield { message: `BaremetalNode ${node.name}: OOB parameter libvirt_uri is missing.`, documents: [nodeDoc(node)], diagnostic: 'Provide libvirt URI to node hypervisor.' };
    } else if (!uri.startsWith('qemu+ssh://')) {
      yield { message: `BaremetalNode ${node.name}: OOB parameter libvirt_uri ${uri} does not use the qemu+ssh scheme.`, documents: [nodeDoc(node)], diagnostic: "Only scheme 'qemu+ssh' is supported." };
    }
    if (!node.metadata.boot_mac) {
      yield { message: `BaremetalNode ${node.name}: a libvirt node needs metadata.boot_mac.`, documents: [nodeDoc(node)], diagnostic: "Specify the node's PXE MAC address in metadata.boot_mac." };
    }
  }
});
