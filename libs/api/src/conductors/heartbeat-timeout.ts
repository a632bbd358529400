/**
 * Seconds without a heartbeat after which a conductor is not alive (`ApiModuleOptions`): what
 * the conductors and drivers endpoints judge liveness by, as the rings do.
 */
export const HEARTBEAT_TIMEOUT_SECONDS = Symbol('HEARTBEAT_TIMEOUT_SECONDS');
