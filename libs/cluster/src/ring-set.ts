import type { ConductorMember } from './membership.types';
import { HashRing } from './ring/hash-ring';

/**
 * The rings of one reading of the membership: one per `"<conductor_group>:<hardware_type>"`
 * over the conductors that serve that hardware type in that group (Ironic's ring keys). Groups
 * compare case-insensitively, so they are kept lower-case. A ring is built on first use: most
 * readings only ever route a few keys before the next one replaces them.
 */
export class RingSet {
  readonly members: readonly ConductorMember[];
  private readonly hostsByKey = new Map<string, Set<string>>();
  private readonly rings = new Map<string, HashRing>();

  constructor(members: readonly ConductorMember[]) {
    this.members = Object.freeze(
      members.map((member) =>
        Object.freeze({ hostname: member.hostname, conductorGroup: member.conductorGroup.toLowerCase(), hardwareTypes: Object.freeze([...member.hardwareTypes]) }),
      ),
    );
    for (const member of this.members) {
      for (const hardwareType of member.hardwareTypes) {
        const key = ringKey(member.conductorGroup, hardwareType);
        let hosts = this.hostsByKey.get(key);
        if (hosts === undefined) this.hostsByKey.set(key, (hosts = new Set()));
        hosts.add(member.hostname);
      }
    }
  }

  /** True when no live conductor serves any hardware type: nothing can be routed at all. */
  get isEmpty(): boolean {
    return this.hostsByKey.size === 0;
  }

  /** The ring for nodes of `hardwareType` in `conductorGroup`, if any conductor serves them. */
  ring(conductorGroup: string, hardwareType: string): HashRing | undefined {
    const key = ringKey(conductorGroup, hardwareType);
    let ring = this.rings.get(key);
    if (ring === undefined) {
      const hosts = this.hostsByKey.get(key);
      if (hosts === undefined) return undefined;
      this.rings.set(key, (ring = HashRing.build(hosts)));
    }
    return ring;
  }

  /** Every live conductor serving `hardwareType`, whatever its group; sorted. */
  hostsServing(hardwareType: string): string[] {
    return this.members.filter((member) => member.hardwareTypes.includes(hardwareType)).map((member) => member.hostname).sort();
  }
}

export function ringKey(conductorGroup: string, hardwareType: string): string {
  return `${conductorGroup.toLowerCase()}:${hardwareType}`;
}
