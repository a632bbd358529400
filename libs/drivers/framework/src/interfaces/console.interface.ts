import { DriverInterface } from '../driver-interface';
import type { DriverTask } from '../task';

export interface ConsoleInfo {
  type: string;
  url: string;
}

/** Serial or graphical console access. */
export abstract class ConsoleInterface extends DriverInterface {
  static readonly interfaceType = 'console';

  abstract startConsole(task: DriverTask): Promise<void>;

  abstract stopConsole(task: DriverTask): Promise<void>;

  abstract getConsole(task: DriverTask): Promise<ConsoleInfo>;
}
