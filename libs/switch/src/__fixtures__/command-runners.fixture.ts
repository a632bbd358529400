import type { CommandResult, CommandRunner } from '../command-runner';

const OK: CommandResult = { exitCode: 0, stdout: '', stderr: '' };

function inNamespace(namespace: string, argv: readonly string[]): string {
  const prefix = ['ip', 'netns', 'exec', namespace];
  if (!prefix.every((word, index) => argv[index] === word)) throw new Error(`Unplanned command outside namespace ${namespace}: ${argv.join(' ')}`);
  return argv.slice(prefix.length).join(' ');
}

/**
 * Records every argv and answers from a table keyed by the command run inside the namespace
 * (`bridge -j vlan show dev p1`). `bridge vlan add/del` succeed silently unless the table says
 * otherwise; any other command not in the table fails the test.
 */
export class RecordingCommandRunner implements CommandRunner {
  readonly calls: string[][] = [];

  constructor(
    private readonly answers: Readonly<Record<string, Partial<CommandResult>>>,
    private readonly namespace = 'sw-ns',
  ) {}

  async run(argv: readonly string[]): Promise<CommandResult> {
    this.calls.push([...argv]);
    const command = inNamespace(this.namespace, argv);
    const answer = this.answers[command] ?? (/^bridge vlan (add|del) /.test(command) ? {} : undefined);
    if (answer === undefined) throw new Error(`Unplanned command: ${command}`);
    return { ...OK, ...answer };
  }
}

interface SimulatedLink {
  kind: string;
  up: boolean;
  master?: string;
  vlanFiltering?: boolean;
  vlans: Map<number, { pvid: boolean; untagged: boolean }>;
}

/**
 * A network namespace as iproute2 shows it, for the conformance suite: one VLAN-filtering-capable
 * bridge with veth members, answering the commands the linux-bridge driver runs with the kernel's
 * rules (a member starts with the default PVID 1; `pvid` moves the PVID; re-adding a VLAN sets its
 * flags anew). Any other command fails the test.
 */
export class SimulatedIproute2Runner implements CommandRunner {
  private readonly links = new Map<string, SimulatedLink>();

  constructor(
    private readonly namespace: string,
    bridge: string,
    members: readonly string[],
    others: readonly string[] = [],
  ) {
    this.links.set(bridge, { kind: 'bridge', up: true, vlanFiltering: false, vlans: new Map() });
    for (const name of members) this.links.set(name, { kind: 'veth', up: true, master: bridge, vlans: new Map([[1, { pvid: true, untagged: true }]]) });
    for (const name of others) this.links.set(name, { kind: 'veth', up: true, vlans: new Map() });
  }

  async run(argv: readonly string[]): Promise<CommandResult> {
    const command = inNamespace(this.namespace, argv);
    if (command === 'ip -j -d link show') return { ...OK, stdout: JSON.stringify([...this.links].map(([name, link]) => this.describe(name, link))) };
    let match = /^ip link set dev (\S+) type bridge vlan_filtering 1$/.exec(command);
    if (match !== null) {
      this.link(match[1]!).vlanFiltering = true;
      return OK;
    }
    match = /^bridge -j vlan show dev (\S+)$/.exec(command);
    if (match !== null) {
      const vlans = [...this.link(match[1]!).vlans].sort(([a], [b]) => a - b).map(([vlan, f]) => ({ vlan, ...(f.pvid || f.untagged ? { flags: [...(f.pvid ? ['PVID'] : []), ...(f.untagged ? ['Egress Untagged'] : [])] } : {}) }));
      return { ...OK, stdout: JSON.stringify(vlans.length === 0 ? [] : [{ ifname: match[1], vlans }]) };
    }
    match = /^bridge vlan (add|del) dev (\S+) vid (\d+)((?: pvid)?(?: untagged)?)$/.exec(command);
    if (match !== null) {
      const [, verb, name, vid, flags] = match as unknown as [string, string, string, string, string];
      const vlans = this.link(name).vlans;
      if (verb === 'del') {
        if (!vlans.delete(Number(vid))) return { exitCode: 255, stdout: '', stderr: 'RTNETLINK answers: No such file or directory\n' };
        return OK;
      }
      const pvid = flags.includes('pvid');
      if (pvid) for (const entry of vlans.values()) entry.pvid = false;
      vlans.set(Number(vid), { pvid, untagged: flags.includes('untagged') });
      return OK;
    }
    throw new Error(`Unplanned command: ${command}`);
  }

  private link(name: string): SimulatedLink {
    const link = this.links.get(name);
    if (link === undefined) throw new Error(`The simulated namespace has no interface ${name}`);
    return link;
  }

  private describe(ifname: string, link: SimulatedLink): Record<string, unknown> {
    const linkinfo = link.kind === 'bridge' ? { info_kind: 'bridge', info_data: { vlan_filtering: link.vlanFiltering ? 1 : 0 } } : { info_kind: link.kind };
    return { ifname, flags: ['BROADCAST', 'MULTICAST', ...(link.up ? ['UP', 'LOWER_UP'] : [])], ...(link.master ? { master: link.master } : {}), operstate: link.up ? 'UP' : 'DOWN', linkinfo };
  }
}
