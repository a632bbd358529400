import { NoFreePhysicalPortsError, PortNotFoundError, VifAlreadyAttachedError, VifNotAttachedError } from '@slipway/errors';
import type { DriverPort } from '../driver-node';
import { NetworkInterface, type VifInfo } from '../interfaces/network.interface';
import { requireExclusiveLock, type DriverTask } from '../task';

/** Where a port records the VIF bound to it (Ironic's key, kept for data compatibility). */
export const TENANT_VIF_KEY = 'tenant_vif_port_id';

function vifOf(port: DriverPort): string | undefined {
  const vif = port.internalInfo[TENANT_VIF_KEY];
  return typeof vif === 'string' ? vif : undefined;
}

/**
 * No network switching: the operator wired the node. VIFs are still bookkept on the ports so
 * that `/v1/nodes/{node}/vifs` works, as Ironic's noop network does.
 */
export class NoopNetworkInterface extends NetworkInterface {
  static readonly interfaceName: string = 'noop';

  getProperties(): Record<string, string> {
    return {};
  }

  async validate(_task: DriverTask): Promise<void> {}

  async vifList(task: DriverTask): Promise<{ id: string }[]> {
    return task.ports.flatMap((port) => {
      const vif = vifOf(port);
      return vif === undefined ? [] : [{ id: vif }];
    });
  }

  async vifAttach(task: DriverTask, vif: VifInfo): Promise<void> {
    requireExclusiveLock(task);
    const holder = task.ports.find((port) => vifOf(port) === vif.id);
    if (holder !== undefined) throw new VifAlreadyAttachedError({ vif: vif.id, objectType: 'port', objectUuid: holder.uuid });
    const port = this.pickPort(task, vif);
    port.internalInfo = { ...port.internalInfo, [TENANT_VIF_KEY]: vif.id };
  }

  async vifDetach(task: DriverTask, vifId: string): Promise<void> {
    requireExclusiveLock(task);
    const port = task.ports.find((candidate) => vifOf(candidate) === vifId);
    if (port === undefined) throw new VifNotAttachedError({ vif: vifId, node: task.node.uuid });
    const { [TENANT_VIF_KEY]: _removed, ...rest } = port.internalInfo;
    port.internalInfo = rest;
  }

  private pickPort(task: DriverTask, vif: VifInfo): DriverPort {
    if (vif.portUuid !== undefined) {
      const port = task.ports.find((candidate) => candidate.uuid === vif.portUuid);
      if (port === undefined) throw new PortNotFoundError({ port: vif.portUuid });
      if (vifOf(port) !== undefined) throw new NoFreePhysicalPortsError({ vif: vif.id });
      return port;
    }
    // PXE-enabled ports first: they are the ones cabled to the provisioning network.
    const free = task.ports.filter((port) => vifOf(port) === undefined).sort((a, b) => Number(b.pxeEnabled) - Number(a.pxeEnabled));
    const port = free[0];
    if (port === undefined) throw new NoFreePhysicalPortsError({ vif: vif.id });
    return port;
  }
}
