/** Heartbeat settings every process of the cluster shares (conductor.heartbeatInterval/Timeout). */
export interface ClusterTiming {
  /** Seconds between two heartbeats of a conductor. */
  heartbeatIntervalSeconds: number;
  /** Seconds without a heartbeat after which a conductor counts as dead. */
  heartbeatTimeoutSeconds: number;
}

/** Injection token for ClusterTiming (a plain symbol: this lib does not depend on Nest). */
export const CLUSTER_TIMING = Symbol('CLUSTER_TIMING');
