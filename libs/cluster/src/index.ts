// Public API of @slipway/cluster: pure cluster membership logic (hash rings, routing), no I/O.
export { HashRing, POINTS_PER_HOST, RING_RANGE } from './ring/hash-ring';
export { RingDirectory, DEFAULT_RING_TTL_SECONDS } from './ring-directory';
export type { RingDirectoryOptions, RoutedNode, TimeSource } from './ring-directory';
export type { ConductorMember, MembershipSource } from './membership.types';
export { CLUSTER_TIMING } from './cluster-timing';
export type { ClusterTiming } from './cluster-timing';
export { MEMBERSHIP_CHANGED_EVENT, membershipChange, isMembershipChanged } from './membership-change';
export type { MembershipChange, MembershipChangeNotice } from './membership-change';
