/** A live conductor as the rings see it: who it is, its group, the hardware types it serves. */
export interface ConductorMember {
  hostname: string;
  conductorGroup: string;
  hardwareTypes: readonly string[];
}

/**
 * Where the ring directory reads the live conductors (in the apps: ConductorRepository.listLive
 * with the heartbeat timeout, so that liveness is judged by the database clock).
 */
export type MembershipSource = () => Promise<readonly ConductorMember[]>;
