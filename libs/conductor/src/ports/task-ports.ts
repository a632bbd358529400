import type { PortEntity, PortRepository } from '@slipway/db';
import type { DriverPort } from '@slipway/drivers-framework';

/** A port as drivers see it: a copy, so that a driver's change shows against the stored row. */
export function toDriverPort(port: PortEntity): DriverPort {
  return {
    uuid: port.uuid,
    address: port.address,
    pxeEnabled: port.pxeEnabled,
    physicalNetwork: port.physicalNetwork,
    localLinkConnection: structuredClone(port.localLinkConnection ?? {}),
    internalInfo: structuredClone(port.internalInfo ?? {}),
    extra: structuredClone(port.extra ?? {}),
  };
}

/**
 * The ports a driver task carries: loaded with the node, and whatever drivers changed in a
 * port's internal_info or extra (the only fields they may write, e.g. VIF bindings) saved back.
 */
export class TaskPorts {
  private saved: Array<Pick<DriverPort, 'internalInfo' | 'extra'>>;

  private constructor(
    private readonly repository: PortRepository,
    private readonly ids: number[],
    readonly ports: DriverPort[],
  ) {
    this.saved = ports.map(snapshot);
  }

  static async load(repository: PortRepository, nodeId: number): Promise<TaskPorts> {
    const rows = await repository.listByNodeId(nodeId);
    return new TaskPorts(
      repository,
      rows.map((row) => row.id),
      rows.map(toDriverPort),
    );
  }

  async save(): Promise<void> {
    for (const [index, port] of this.ports.entries()) {
      const before = this.saved[index];
      const changes: Partial<Pick<PortEntity, 'internalInfo' | 'extra'>> = {};
      if (JSON.stringify(before.internalInfo) !== JSON.stringify(port.internalInfo)) changes.internalInfo = port.internalInfo;
      if (JSON.stringify(before.extra) !== JSON.stringify(port.extra)) changes.extra = port.extra;
      if (Object.keys(changes).length) await this.repository.update(this.ids[index], changes);
    }
    this.saved = this.ports.map(snapshot);
  }
}

function snapshot(port: DriverPort): Pick<DriverPort, 'internalInfo' | 'extra'> {
  return { internalInfo: structuredClone(port.internalInfo), extra: structuredClone(port.extra) };
}
