import type { ConductorMember } from './membership.types';

/** The broadcast every process listens to: the live membership changed, read it again now. */
export const MEMBERSHIP_CHANGED_EVENT = 'cluster.membership-changed';

/** Payload of MEMBERSHIP_CHANGED_EVENT: who saw what (for logs; receivers read the table). */
export interface MembershipChangeNotice {
  reporter: string;
  joined: string[];
  left: string[];
}

/** What changed between two readings of the membership. */
export interface MembershipChange {
  joined: string[];
  left: string[];
  /** Members whose group or hardware types changed (a conductor restarted with other settings). */
  changed: string[];
}

/** Compares two readings; members are keyed by hostname. Every list comes sorted. */
export function membershipChange(before: readonly ConductorMember[], after: readonly ConductorMember[]): MembershipChange {
  const old = new Map(before.map((member) => [member.hostname, member]));
  const now = new Map(after.map((member) => [member.hostname, member]));
  const joined = [...now.keys()].filter((host) => !old.has(host)).sort();
  const left = [...old.keys()].filter((host) => !now.has(host)).sort();
  const changed = [...now.keys()].filter((host) => old.has(host) && signature(old.get(host)!) !== signature(now.get(host)!)).sort();
  return { joined, left, changed };
}

export function isMembershipChanged(change: MembershipChange): boolean {
  return change.joined.length + change.left.length + change.changed.length > 0;
}

function signature(member: ConductorMember): string {
  return `${member.conductorGroup.toLowerCase()}|${[...member.hardwareTypes].sort().join(',')}`;
}
