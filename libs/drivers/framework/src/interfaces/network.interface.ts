import { DriverInterface } from '../driver-interface';
import type { DriverTask } from '../task';

export interface VifInfo {
  id: string;
  /** Bind to this port rather than the first free one. */
  portUuid?: string;
}

/** Binds virtual network interfaces (VIFs) to the node's ports. */
export abstract class NetworkInterface extends DriverInterface {
  static readonly interfaceType = 'network';

  abstract vifAttach(task: DriverTask, vif: VifInfo): Promise<void>;

  abstract vifDetach(task: DriverTask, vifId: string): Promise<void>;

  abstract vifList(task: DriverTask): Promise<{ id: string }[]>;
}
