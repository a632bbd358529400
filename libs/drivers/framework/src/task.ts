import { ExclusiveLockRequiredError } from '@slipway/errors';
import type { Logger } from '@slipway/logging';
import type { DriverNode, DriverPort } from './driver-node';
import type { Driver } from './interface-map';

/**
 * What the conductor hands to every driver call: the node under a lock, its ports, the driver
 * built for it (so one interface can use another, e.g. deploy powering the node on) and a logger
 * bound to the node and purpose.
 */
export interface DriverTask {
  readonly node: DriverNode;
  /** True under a shared lock: the driver may read the node but must not change it. */
  readonly shared: boolean;
  readonly ports: readonly DriverPort[];
  readonly driver: Driver;
  readonly log: Logger;
}

/** Guards every method that changes the node or the hardware. */
export function requireExclusiveLock(task: DriverTask): void {
  if (task.shared) throw new ExclusiveLockRequiredError();
}
