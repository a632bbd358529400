// Every RPC method name lives here, so a name is spelled once and a search finds every user.
// Names are dotted: `<service>.<resource>.<action>`; the first segment is the service that serves it.

export const RPC_NAMES = {
  conductorPing: 'conductor.ping',
  portCreate: 'conductor.port.create',
  portUpdate: 'conductor.port.update',
  portDestroy: 'conductor.port.destroy',
  portgroupUpdate: 'conductor.portgroup.update',
  portgroupDestroy: 'conductor.portgroup.destroy',
  nodeCreate: 'conductor.node.create',
  nodeUpdate: 'conductor.node.update',
  nodeDestroy: 'conductor.node.destroy',
  nodeProvision: 'conductor.node.provision',
  nodeSetTargetRaidConfig: 'conductor.node.set-target-raid-config',
  nodeVendorPassthru: 'conductor.node.vendor-passthru',
  nodeVendorPassthruMethods: 'conductor.node.vendor-passthru-methods',
  driverVendorPassthru: 'conductor.driver.vendor-passthru',
  driverVendorPassthruMethods: 'conductor.driver.vendor-passthru-methods',
  driverProperties: 'conductor.driver.properties',
  driverRaidLogicalDiskProperties: 'conductor.driver.raid-logical-disk-properties',
  nodeChangePowerState: 'conductor.node.change-power-state',
  nodeGetBootDevice: 'conductor.node.get-boot-device',
  nodeSetBootDevice: 'conductor.node.set-boot-device',
  nodeGetSupportedBootDevices: 'conductor.node.get-supported-boot-devices',
  nodeInjectNmi: 'conductor.node.inject-nmi',
  nodeChangeBootMode: 'conductor.node.change-boot-mode',
  nodeChangeSecureBoot: 'conductor.node.change-secure-boot',
  nodeGetSupportedIndicators: 'conductor.node.get-supported-indicators',
  nodeGetIndicatorState: 'conductor.node.get-indicator-state',
  nodeSetIndicatorState: 'conductor.node.set-indicator-state',
  nodeSetMaintenance: 'conductor.node.set-maintenance',
  nodeValidateInterfaces: 'conductor.node.validate-interfaces',
  nodeAddTraits: 'conductor.node.add-traits',
  nodeRemoveTraits: 'conductor.node.remove-traits',
  allocationCreate: 'conductor.allocation.create',
  allocationDestroy: 'conductor.allocation.destroy',
  nodeVifList: 'conductor.node.vif-list',
  nodeVifAttach: 'conductor.node.vif-attach',
  nodeVifDetach: 'conductor.node.vif-detach',
  nodeGetWithToken: 'conductor.node.get-with-token',
  nodeHeartbeat: 'conductor.node.heartbeat',
  nodeContinueInspection: 'conductor.node.continue-inspection',
  volumeConnectorUpdate: 'conductor.volume-connector.update',
  volumeConnectorDestroy: 'conductor.volume-connector.destroy',
  volumeTargetUpdate: 'conductor.volume-target.update',
  volumeTargetDestroy: 'conductor.volume-target.destroy',
} as const;

export type RpcName = (typeof RPC_NAMES)[keyof typeof RPC_NAMES];

/** Dotted lower-case segments; hyphens allowed inside a segment (`conductor.node.set-power-state`). */
export const RPC_NAME_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
