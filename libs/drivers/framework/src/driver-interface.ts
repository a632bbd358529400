import type { DriverNode } from './driver-node';
import type { DriverTask } from './task';

/**
 * Root of the thirteen capability contracts. Each implementation class also declares a static
 * `interfaceName`, the name operators put in `enabled_<type>_interfaces` and node fields.
 */
export abstract class DriverInterface {
  /** Checks that the node carries what this implementation needs (driver_info etc.), without side effects. */
  abstract validate(task: DriverTask): Promise<void>;

  /** The driver_info keys this implementation reads: name → description (say "Required." when it is). */
  abstract getProperties(): Record<string, string>;

  /**
   * Checks the driver_info values that are present, requiring none: enrolment and driver_info
   * updates call it, so a malformed value is refused at once (400) instead of failing at manage.
   * Implementations whose keys have a syntax worth checking provide it.
   */
  checkDriverInfo?(node: Pick<DriverNode, 'uuid' | 'driverInfo'>): void;
}
