import { DriverOperationError, InvalidParameterValueError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { ExecFileCommandRunner, type CommandResult, type CommandRunner } from './command-runner';
import { parseBridgeVlanShow, parseIpLinkShow, portVlansOf, type BridgeVlan, type IpLink } from './iproute2-json';
import { SwitchDriver, type PortConfigAction } from './switch-driver.interface';
import { SwitchPortNotFoundError } from './switch-port-not-found.error';
import type { PortState, PortVlans, SwitchPortRef } from './switch-port';

/** One switch: a bridge in a network namespace; its ports are the bridge's member interfaces. */
export interface LinuxBridgeSwitch {
  namespace: string;
  bridge: string;
}

export interface LinuxBridgeSwitchOptions {
  /** Switch name (a key of a rack's `tor_switches`) → where its bridge is. */
  switches: Readonly<Record<string, LinuxBridgeSwitch>>;
}

/** The start of the error every VLAN operation gives on a kernel built without bridge VLAN filtering. */
export const KERNEL_LACKS_VLAN_FILTERING = 'the kernel does not support bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING)';

const DRIVER_NAME = 'linux-bridge';
/** A Linux interface name: at most 15 characters (IFNAMSIZ - 1), none of them "/" or blank. */
const INTERFACE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$/;
/** What `ip netns add` accepts as a name (a file under /run/netns). */
const NAMESPACE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

/**
 * A switch made of a Linux bridge with VLAN filtering, driven with iproute2 (`ip`, `bridge`) inside
 * the switch's network namespace: `ip netns exec <ns> bridge vlan add dev <port> vid <n> pvid
 * untagged` and so on, every command an argv array run without a shell. Useful for labs, CI and
 * hosts that are their own top-of-rack switch. Needs a kernel with CONFIG_BRIDGE_VLAN_FILTERING;
 * validate_network_services proves it.
 */
export class LinuxBridgeSwitchDriver extends SwitchDriver {
  static readonly driverName = DRIVER_NAME;

  private readonly log = getLogger('LinuxBridgeSwitchDriver');

  constructor(
    private readonly options: LinuxBridgeSwitchOptions,
    private readonly runner: CommandRunner = new ExecFileCommandRunner({ driverName: DRIVER_NAME }),
  ) {
    super();
  }

  getProperties(): Record<string, string> {
    return {
      switches:
        'Required. Switch name (a tor_switches key of the racks) to {namespace, bridge}: the network namespace and the bridge in it that act as the switch. Its ports are the bridge member interfaces, named <switch>/<interface>.',
    };
  }

  async validate(): Promise<void> {
    const switches = Object.entries(this.options.switches ?? {});
    const problems = switches.length === 0 ? ['switches must name at least one switch'] : [];
    for (const [name, target] of switches) {
      const { namespace, bridge } = (target ?? {}) as Partial<LinuxBridgeSwitch>;
      if (name === '' || /[/\s]/.test(name)) problems.push(`switch name ${JSON.stringify(name)} must be non-empty, without "/" or blanks`);
      if (!NAMESPACE_NAME.test(String(namespace))) problems.push(`switches.${name}.namespace must be a network namespace name, got ${JSON.stringify(namespace)}`);
      if (!INTERFACE_NAME.test(String(bridge))) problems.push(`switches.${name}.bridge must be an interface name (1 to 15 letters, digits, "_", "." or "-"), got ${JSON.stringify(bridge)}`);
    }
    if (problems.length > 0) throw new InvalidParameterValueError(`The linux-bridge switch driver is misconfigured: ${problems.join('; ')}.`);
  }

  /** Every switch's bridge exists and filters VLANs (turned on here when it does not yet). */
  async validateNetworkServices(): Promise<void> {
    for (const [name, target] of Object.entries(this.options.switches)) {
      await this.ensureVlanFiltering(target, this.bridgeOf(name, target, await this.links(target)));
    }
  }

  protected async readPort(ref: SwitchPortRef): Promise<PortState> {
    const target = this.switchOf(ref);
    const { port, bridge } = this.member(ref, target, await this.links(target));
    return {
      port: ref.name,
      adminState: port.adminUp ? 'up' : 'down',
      operState: port.operState === 'UP' ? 'up' : port.operState === 'UNKNOWN' ? 'unknown' : 'down',
      vlanFiltering: bridge.vlanFiltering === true,
      bridge: bridge.ifname,
      ...portVlansOf(await this.vlans(target, port.ifname)),
    };
  }

  protected async writePortVlans(ref: SwitchPortRef, vlans: PortVlans, action: PortConfigAction): Promise<void> {
    const target = this.switchOf(ref);
    const { port, bridge } = this.member(ref, target, await this.links(target));
    await this.ensureVlanFiltering(target, bridge);
    const commands = vlanCommands(port.ifname, await this.vlans(target, port.ifname), vlans);
    for (const argv of commands) await this.exec(target, argv);
    this.log.info({ port: ref.name, action, vlans, commands: commands.length }, 'Switch port VLANs set');
  }

  private switchOf(ref: SwitchPortRef): LinuxBridgeSwitch {
    const target = Object.hasOwn(this.options.switches, ref.switchName) ? this.options.switches[ref.switchName] : undefined;
    if (target === undefined) {
      throw new SwitchPortNotFoundError({ port: ref.name, reason: `no switch ${ref.switchName} is configured (${Object.keys(this.options.switches).join(', ')})` });
    }
    return target;
  }

  private bridgeOf(name: string, target: LinuxBridgeSwitch, links: IpLink[]): IpLink {
    const bridge = links.find((link) => link.ifname === target.bridge);
    const where = `switch ${name}: ${target.bridge} in network namespace ${target.namespace}`;
    if (bridge === undefined) throw new DriverOperationError({ driver: DRIVER_NAME, reason: `${where} does not exist` });
    if (bridge.kind !== 'bridge') throw new DriverOperationError({ driver: DRIVER_NAME, reason: `${where} is a ${bridge.kind ?? 'plain'} interface, not a bridge` });
    return bridge;
  }

  private member(ref: SwitchPortRef, target: LinuxBridgeSwitch, links: IpLink[]): { port: IpLink; bridge: IpLink } {
    const bridge = this.bridgeOf(ref.switchName, target, links);
    const port = INTERFACE_NAME.test(ref.portName) ? links.find((link) => link.ifname === ref.portName) : undefined;
    if (port === undefined) throw new SwitchPortNotFoundError({ port: ref.name, reason: `network namespace ${target.namespace} has no interface ${ref.portName}` });
    if (port.master !== target.bridge) throw new SwitchPortNotFoundError({ port: ref.name, reason: `${ref.portName} is not a member of bridge ${target.bridge}` });
    return { port, bridge };
  }

  private async ensureVlanFiltering(target: LinuxBridgeSwitch, bridge: IpLink): Promise<void> {
    if (bridge.vlanFiltering === true) return;
    await this.exec(target, ['ip', 'link', 'set', 'dev', bridge.ifname, 'type', 'bridge', 'vlan_filtering', '1']);
    this.log.info({ namespace: target.namespace, bridge: bridge.ifname }, 'Bridge VLAN filtering turned on');
  }

  private async links(target: LinuxBridgeSwitch): Promise<IpLink[]> {
    return parseIpLinkShow((await this.exec(target, ['ip', '-j', '-d', 'link', 'show'])).stdout);
  }

  private async vlans(target: LinuxBridgeSwitch, ifname: string): Promise<BridgeVlan[]> {
    return parseBridgeVlanShow((await this.exec(target, ['bridge', '-j', 'vlan', 'show', 'dev', ifname])).stdout).get(ifname) ?? [];
  }

  private async exec(target: LinuxBridgeSwitch, argv: string[]): Promise<CommandResult> {
    const result = await this.runner.run(['ip', 'netns', 'exec', target.namespace, ...argv]);
    if (result.exitCode === 0) return result;
    const answer = result.stderr.trim().replace(/\s*\n\s*/g, ' | ');
    const command = `"${argv.join(' ')}" in network namespace ${target.namespace}`;
    let reason = `${command} exited with ${result.exitCode}: ${answer}`;
    if (/Cannot open network namespace/.test(answer)) reason = `network namespace ${target.namespace} cannot be entered: ${answer}`;
    else if (/Operation not supported/.test(answer) && isVlanCommand(argv)) reason = `${KERNEL_LACKS_VLAN_FILTERING}: ${command} answered "${answer}"`;
    throw new DriverOperationError({ driver: DRIVER_NAME, reason });
  }
}

/**
 * The `bridge vlan` commands that turn `current` into `wanted`: first the VLANs to add or whose
 * flags change (the native one first, as PVID and egress-untagged, then the tagged ones), then
 * the deletion of every VLAN not wanted, the bridge's default VLAN 1 included. Nothing when the
 * port already carries exactly `wanted`.
 */
export function vlanCommands(ifname: string, current: readonly BridgeVlan[], wanted: PortVlans): string[][] {
  const now = new Map(current.map((entry) => [entry.vid, entry]));
  const order = [...wanted.allowedVlans].sort((a, b) => Number(b === wanted.nativeVlan) - Number(a === wanted.nativeVlan) || a - b);
  const commands: string[][] = [];
  for (const vid of order) {
    const native = vid === wanted.nativeVlan;
    const existing = now.get(vid);
    if (existing?.pvid === native && existing.untagged === native) continue;
    commands.push(['bridge', 'vlan', 'add', 'dev', ifname, 'vid', String(vid), ...(native ? ['pvid', 'untagged'] : [])]);
  }
  for (const vid of [...now.keys()].sort((a, b) => a - b)) {
    if (!wanted.allowedVlans.includes(vid)) commands.push(['bridge', 'vlan', 'del', 'dev', ifname, 'vid', String(vid)]);
  }
  return commands;
}

function isVlanCommand(argv: readonly string[]): boolean {
  return (argv[0] === 'bridge' && argv[1] === 'vlan') || argv.includes('vlan_filtering');
}
