import { DriverOperationError, InvalidParameterValueError, MissingParameterValueError } from '@slipway/errors';
import { NETWORK_DRIVER_ACTIONS, SwitchDriver, type NetworkDriverAction, type PortConfigAction } from './switch-driver.interface';
import { SwitchPortNotFoundError } from './switch-port-not-found.error';
import { parseSwitchPort, type PortState, type PortVlans, type SwitchPortRef } from './switch-port';

export interface FakeSwitchOptions {
  /** The ports that exist, as `<switch>/<port>`; every other port is unknown unless its switch is in `switches`. */
  ports: readonly string[];
  /** Switches every port of which exists (as it ships) from the first time it is named: the orchestrator's fake switches. */
  switches?: readonly string[];
  /** When set, validate_network_services fails with this reason (a switch that does not answer). */
  servicesUnavailable?: string;
}

/** One action that reached the fake switch, in order. Requests refused by validation never do. */
export interface FakeSwitchCall {
  action: NetworkDriverAction;
  port?: string;
  vlans?: PortVlans;
}

type LinkState = Pick<PortState, 'adminState' | 'operState'>;

interface FakePort extends LinkState {
  vlans: PortVlans;
}

/** A new port is what a switch ships with: enabled, link up, an access port on VLAN 1. */
const FACTORY_PORT: FakePort = { adminState: 'up', operState: 'up', vlans: { mode: 'access', nativeVlan: 1, allowedVlans: [1] } };

/** An in-memory switch for orchestrator tests: strict about ports and VLANs, and it records what it was asked. */
export class FakeSwitchDriver extends SwitchDriver {
  static readonly driverName = 'fake';

  readonly calls: FakeSwitchCall[] = [];
  private readonly ports = new Map<string, FakePort>();

  constructor(private readonly options: FakeSwitchOptions) {
    super();
    for (const name of options.ports) {
      const ref = parseSwitchPort(name);
      if (this.ports.has(ref.name)) throw new InvalidParameterValueError(`The fake switch port ${ref.name} is listed twice.`);
      this.ports.set(ref.name, structuredClone(FACTORY_PORT));
    }
  }

  getProperties(): Record<string, string> {
    return {
      ports: 'The ports that exist, as <switch>/<port>; every other port is unknown unless its switch is listed in switches.',
      switches: 'Switches every port of which exists. Required unless ports lists some.',
      services_unavailable: 'When set, validate_network_services fails with this reason.',
    };
  }

  async validate(): Promise<void> {
    if (this.ports.size === 0 && (this.options.switches ?? []).length === 0) throw new MissingParameterValueError('The fake switch driver needs at least one port or switch.');
  }

  async validateNetworkServices(): Promise<void> {
    this.calls.push({ action: NETWORK_DRIVER_ACTIONS.validateNetworkServices });
    if (this.options.servicesUnavailable !== undefined) {
      throw new DriverOperationError({ driver: FakeSwitchDriver.driverName, reason: this.options.servicesUnavailable });
    }
  }

  /** Test hook: a port shut down or a cable pulled. */
  setLinkState(port: string, state: Partial<LinkState>): void {
    Object.assign(this.port(parseSwitchPort(port)), state);
  }

  protected async readPort(ref: SwitchPortRef): Promise<PortState> {
    const port = this.port(ref);
    this.calls.push({ action: NETWORK_DRIVER_ACTIONS.interrogatePort, port: ref.name });
    return { port: ref.name, adminState: port.adminState, operState: port.operState, vlanFiltering: true, ...structuredClone(port.vlans) };
  }

  protected async writePortVlans(ref: SwitchPortRef, vlans: PortVlans, action: PortConfigAction): Promise<void> {
    const port = this.port(ref);
    this.calls.push({ action, port: ref.name, vlans: structuredClone(vlans) });
    port.vlans = structuredClone(vlans);
  }

  private port(ref: SwitchPortRef): FakePort {
    let port = this.ports.get(ref.name);
    if (port === undefined && this.options.switches?.includes(ref.switchName)) {
      port = structuredClone(FACTORY_PORT);
      this.ports.set(ref.name, port);
    }
    if (port === undefined) throw new SwitchPortNotFoundError({ port: ref.name, reason: 'the fake switch has no such port' });
    return port;
  }
}
