// Every RPC method name lives here, so a name is spelled once and a search finds every user.
// Names are dotted: `<service>.<resource>.<action>`; the first segment is the service that serves it.

export const RPC_NAMES = {
  conductorPing: 'conductor.ping',
  nodeCreate: 'conductor.node.create',
  nodeUpdate: 'conductor.node.update',
  nodeDestroy: 'conductor.node.destroy',
  nodeProvision: 'conductor.node.provision',
  driverProperties: 'conductor.driver.properties',
  driverRaidLogicalDiskProperties: 'conductor.driver.raid-logical-disk-properties',
} as const;

export type RpcName = (typeof RPC_NAMES)[keyof typeof RPC_NAMES];

/** Dotted lower-case segments; hyphens allowed inside a segment (`conductor.node.set-power-state`). */
export const RPC_NAME_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
