import { UnsupportedDriverExtensionError } from '@slipway/errors';
import type { DriverTask } from './task';

/** What an optional driver method does when an implementation does not provide it (Ironic's answer). */
export function unsupported(task: DriverTask, extension: string): never {
  throw new UnsupportedDriverExtensionError({ driver: task.node.driver, extension });
}
