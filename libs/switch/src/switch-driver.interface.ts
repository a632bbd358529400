import {
  parseSwitchPort,
  productionVlans,
  provisioningVlans,
  type PortState,
  type PortVlans,
  type ProductionPortConfig,
  type ProvisioningPortConfig,
  type SwitchPortRef,
} from './switch-port';

/** Drydock's network driver actions (reference §6.2), the names the orchestrator's tasks record. */
export const NETWORK_DRIVER_ACTIONS = {
  validateNetworkServices: 'validate_network_services',
  interrogatePort: 'interrogate_port',
  configPortProvisioning: 'config_port_provisioning',
  configPortProduction: 'config_port_production',
} as const;

export type NetworkDriverAction = (typeof NETWORK_DRIVER_ACTIONS)[keyof typeof NETWORK_DRIVER_ACTIONS];

/** The two actions that change a port. */
export type PortConfigAction = typeof NETWORK_DRIVER_ACTIONS.configPortProvisioning | typeof NETWORK_DRIVER_ACTIONS.configPortProduction;

/**
 * The orchestrator's network driver: one capability, the top-of-rack switch ports the nodes are
 * cabled to. Ports are named `<switch>/<port>` (see SwitchPortRef). Each implementation declares a
 * static `driverName`, the name the orchestrator's configuration selects it by.
 *
 * The public methods check and normalise their inputs (port names, VLAN ids 1–4094, the
 * access/trunk rule) before an implementation sees them, so every backend refuses the same
 * requests with the same InvalidParameterValue.
 */
export abstract class SwitchDriver {
  static readonly driverType = 'network';

  /** Checks the driver's own configuration, without touching a switch. */
  abstract validate(): Promise<void>;

  /** The configuration keys this driver reads: name → description (say "Required." when it is). */
  abstract getProperties(): Record<string, string>;

  /** `validate_network_services`: the switches answer and can do what the other actions need. */
  abstract validateNetworkServices(): Promise<void>;

  /** `interrogate_port`: link state and VLAN membership of one port. */
  async interrogatePort(port: string): Promise<PortState> {
    return this.readPort(parseSwitchPort(port));
  }

  /** `config_port_provisioning`: an access port on the provisioning VLAN; other VLANs are removed. */
  async configurePortProvisioning(port: string, config: ProvisioningPortConfig): Promise<void> {
    const ref = parseSwitchPort(port);
    await this.writePortVlans(ref, provisioningVlans(config), NETWORK_DRIVER_ACTIONS.configPortProvisioning);
  }

  /** `config_port_production`: access on the one VLAN, or a trunk; VLANs not asked for are removed. */
  async configurePortProduction(port: string, config: ProductionPortConfig): Promise<void> {
    const ref = parseSwitchPort(port);
    await this.writePortVlans(ref, productionVlans(config), NETWORK_DRIVER_ACTIONS.configPortProduction);
  }

  protected abstract readPort(port: SwitchPortRef): Promise<PortState>;

  /** Makes the port carry exactly `vlans`; repeating the same request changes nothing. */
  protected abstract writePortVlans(port: SwitchPortRef, vlans: PortVlans, action: PortConfigAction): Promise<void>;
}
