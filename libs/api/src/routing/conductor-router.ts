/** A node as the hash ring sees it: its ring is `<conductor_group>:<driver>`, its key the uuid. */
export interface RoutedNode {
  uuid: string;
  conductorGroup: string;
  driver: string;
}

/**
 * Which conductor serves a node (L5: the api records intent and calls the owner). Backed by the
 * hash ring over live conductors; the same algorithm the conductors use.
 */
export interface ConductorRouter {
  /** The owner; NoValidHost when no live conductor serves the node's group and driver. */
  hostFor(node: RoutedNode): Promise<string>;
  /** The owner, or null when there is none (for the `conductor` field). */
  ownerOf(node: RoutedNode): Promise<string | null>;
  /**
   * Any live conductor serving the hardware type, whatever its group, for driver-level requests
   * (Ironic's get_topic_for_driver); DriverNotFound (404) when none does.
   */
  anyConductorFor(driver: string): Promise<string>;
  /**
   * Any live conductor, for work bound to no node yet (allocations; Ironic's get_random_topic);
   * TemporaryFailure (503) when none is alive.
   */
  anyConductor(): Promise<string>;
}

export const CONDUCTOR_ROUTER = Symbol('CONDUCTOR_ROUTER');
