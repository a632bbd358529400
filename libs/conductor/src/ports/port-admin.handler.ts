import { Injectable } from '@nestjs/common';
import type { NodeEntity, PortEntity } from '@slipway/db';
import { PortgroupRepository, PortRepository } from '@slipway/db';
import { ConflictError, InvalidParameterValueError, InvalidStateError, PortgroupNotFoundError, PortNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { portCreate, portDestroy, portUpdate, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeTaskRunner } from '../tasks/node-task.runner';
import { portColumns } from './port-columns';

/** Node states in which a port's connectivity may change (or in maintenance), as in Ironic. */
const CONNECTIVITY_UPDATE_STATES = ['enroll', 'inspecting', 'inspect wait', 'manageable'];
const CONNECTIVITY_FIELDS = ['portgroup_id', 'pxe_enabled', 'local_link_connection', 'physical_network'];
/** internal_info keys that bind a VIF to a port, and what the VIF is used for. */
const VIF_KEYS: Array<[key: string, use: string]> = [
  ['tenant_vif_port_id', 'tenant'],
  ['cleaning_vif_port_id', 'cleaning'],
  ['provisioning_vif_port_id', 'provisioning'],
  ['rescuing_vif_port_id', 'rescuing'],
  ['inspection_vif_port_id', 'inspecting'],
];

/**
 * Creates, updates and deletes ports under their node's lock: Ironic's create_port, update_port
 * and destroy_port. A port of a locked node is NodeLocked (409).
 */
@Injectable()
export class PortAdminHandler {
  private readonly log = getLogger('PortAdminHandler');

  constructor(
    private readonly ports: PortRepository,
    private readonly portgroups: PortgroupRepository,
    private readonly tasks: NodeTaskRunner,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(portCreate, (request) => this.create(request))
      .on(portUpdate, (request) => this.update(request))
      .on(portDestroy, (request) => this.destroy(request));
  }

  async create({ uuid, nodeUuid, portgroupUuid, fields }: RpcRequestOf<typeof portCreate>): Promise<{ uuid: string }> {
    return this.tasks.exclusive(nodeUuid, 'port create', async ({ row }) => {
      const portgroup = portgroupUuid === null ? null : await this.portgroupOf(portgroupUuid, row);
      if (portgroup) await this.checkPhysicalNetwork(portgroup, fields.physical_network ?? null);
      await this.ports.insert({ ...portColumns(fields), uuid, nodeId: row.id, portgroupId: portgroup?.id ?? null });
      this.log.info({ port: uuid, node: nodeUuid }, 'port created');
      return { uuid };
    });
  }

  async update({ uuid, nodeUuid, portgroupUuid, changes }: RpcRequestOf<typeof portUpdate>): Promise<{ uuid: string }> {
    return this.tasks.exclusive(nodeUuid, 'port update', async ({ task, row }) => {
      const port = await this.portOf(uuid);
      // The portgroup after the update, which must be on the (possibly new) node.
      const portgroupAfter = portgroupUuid === undefined ? (port.portgroup?.uuid ?? null) : portgroupUuid;
      const portgroup = portgroupAfter === null ? null : await this.portgroupOf(portgroupAfter, row);
      const changed = Object.keys(changes);
      if (portgroupUuid !== undefined) changed.push('portgroup_id');
      checkUpdatable(row, port, changed);
      if (portgroup && (changed.includes('portgroup_id') || changed.includes('physical_network'))) {
        await this.checkPhysicalNetwork(portgroup, changes.physical_network !== undefined ? changes.physical_network : port.physicalNetwork, port.id);
      }
      await task.driver.network.validate(task);
      const columns: Partial<PortEntity> = portColumns(changes);
      if (port.nodeId !== row.id) columns.nodeId = row.id;
      if (portgroupUuid !== undefined) columns.portgroupId = portgroup?.id ?? null;
      if (Object.keys(columns).length) await this.ports.update(port.id, columns);
      this.log.info({ port: uuid, node: nodeUuid, fields: changed }, 'port updated');
      return { uuid };
    });
  }

  async destroy({ uuid }: RpcRequestOf<typeof portDestroy>): Promise<Record<string, never>> {
    const nodeUuid = (await this.portOf(uuid)).node?.uuid;
    if (!nodeUuid) throw new PortNotFoundError({ port: uuid });
    return this.tasks.exclusive(nodeUuid, 'port deletion', async ({ row }) => {
      const current = await this.portOf(uuid);
      const bound = VIF_KEYS.find(([key]) => current.internalInfo[key]);
      if (bound && !row.maintenance) {
        throw new InvalidStateError(`Cannot delete the port ${uuid} as it is bound to VIF ${String(current.internalInfo[bound[0]])} for ${bound[1]} use.`);
      }
      await this.ports.delete(current.id);
      this.log.info({ port: uuid, node: row.uuid }, 'port deleted');
      return {};
    });
  }

  private async portOf(uuid: string): Promise<PortEntity> {
    const port = await this.ports.findByUuid(uuid);
    if (!port) throw new PortNotFoundError({ port: uuid });
    return port;
  }

  /** The portgroup a port joins; it must be on the port's node (checked again under the lock). */
  private async portgroupOf(uuid: string, node: NodeEntity): Promise<{ id: number; uuid: string }> {
    const portgroup = await this.portgroups.findByUuid(uuid);
    if (!portgroup) throw new PortgroupNotFoundError({ portgroup: uuid });
    if (portgroup.nodeId !== node.id) throw new InvalidParameterValueError('Port can not be added to a portgroup belonging to a different node.');
    return portgroup;
  }

  /** Every port of a portgroup is on one physical network (Ironic's validate_port_physnet). */
  private async checkPhysicalNetwork(portgroup: { id: number; uuid: string }, physicalNetwork: string | null, portId?: number): Promise<void> {
    const networks = await this.ports.physicalNetworksOfPortgroup(portgroup.id, portId);
    if (networks.length === 0) return;
    if (networks.length > 1) {
      throw new ConflictError(
        `Port group ${portgroup.uuid} has member ports with inconsistent physical networks (${networks.map(python).join(', ')}). All ports in a port group must have the same physical network.`,
      );
    }
    if (networks[0] !== physicalNetwork) {
      throw new ConflictError(
        `Port with physical network ${python(physicalNetwork)} cannot become a member of port group ${portgroup.uuid} which has ports in physical network ${python(networks[0])}.`,
      );
    }
  }
}

/** Ironic's update_port state rules: no MAC change on a deployed node, connectivity only in some states. */
function checkUpdatable(node: NodeEntity, port: PortEntity, changed: string[]): void {
  if (changed.includes('address') && (node.provisionState === 'active' || node.instanceUuid) && !node.maintenance) {
    throw new InvalidStateError(`Cannot update hardware address for port ${port.uuid} as node ${node.uuid} is active or has instance UUID assigned`);
  }
  if (changed.some((name) => CONNECTIVITY_FIELDS.includes(name)) && !CONNECTIVITY_UPDATE_STATES.includes(node.provisionState) && !node.maintenance) {
    throw new InvalidStateError(
      `Port ${port.uuid} can not have any connectivity attributes (${CONNECTIVITY_FIELDS.join(', ')}) updated unless node ${node.uuid} is in a ${CONNECTIVITY_UPDATE_STATES.join(', ')} state or in maintenance mode. The current state is ${node.provisionState}.`,
    );
  }
}

/** How Ironic's messages print a missing physical network. */
function python(value: string | null): string {
  return value ?? 'None';
}
