import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { InvalidStateError, NodeAssociatedError, NodeProtectedError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { DELETE_ALLOWED_STATES, isDeleteAllowed, ProvisionState } from '@slipway/provisioning';
import { nodeCreate, nodeDestroy, nodeUpdate, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { NodeLockService } from '../locks/node-lock.service';
import { interfaceFieldsOf, nodeColumns } from './node-field-mapping';
import { NODE_INTERFACE_RESOLVER, NodeInterfaceResolver } from './node-interface.resolver';
import { ChassisLookup, CHASSIS_LOOKUP } from './chassis-lookup';


/** Creates, updates and deletes nodes: Ironic's create_node, update_node and destroy_node. */
@Injectable()
export class NodeAdminHandler {
  private readonly log = getLogger('NodeAdminHandler');

  constructor(
    private readonly nodes: NodeRepository,
    private readonly locks: NodeLockService,
    @Inject(NODE_INTERFACE_RESOLVER) private readonly interfaces: NodeInterfaceResolver,
    @Inject(CHASSIS_LOOKUP) private readonly chassis: ChassisLookup,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(nodeCreate, (request) => this.create(request))
      .on(nodeUpdate, (request) => this.update(request))
      .on(nodeDestroy, (request) => this.destroy(request));
  }

  async create({ fields, initialState }: RpcRequestOf<typeof nodeCreate>): Promise<{ uuid: string }> {
    const interfaces = this.interfaces.resolve(fields.driver, interfaceFieldsOf(fields));
    this.interfaces.checkDriverInfo({ uuid: fields.uuid, driver: fields.driver, driverInfo: fields.driver_info ?? {} }, interfaces);
    const chassisId = fields.chassis_uuid ? await this.chassis.idOf(fields.chassis_uuid) : null;
    const node = await this.nodes.insert({ ...nodeColumns({ ...fields, ...interfaces }), chassisId, provisionState: initialState, powerState: null });
    this.log.info({ node: node.uuid, driver: node.driver }, 'node created');
    return { uuid: node.uuid };
  }

  async update({ uuid, changes, resetInterfaces }: RpcRequestOf<typeof nodeUpdate>): Promise<{ uuid: string }> {
    return this.locks.withLock(uuid, 'node update', async ({ node }) => {
      const columns: Partial<NodeEntity> = nodeColumns(changes);
      const driver = changes.driver ?? node.driver;
      const interfaceChange = changes.driver !== undefined || Object.keys(interfaceFieldsOf(changes)).length > 0;
      // Interfaces the request does not set keep their value unless reset (or the driver moved).
      const kept = resetInterfaces ? {} : interfaceFieldsOf(node, true);
      const interfaces = interfaceChange || resetInterfaces ? this.interfaces.resolve(driver, { ...kept, ...interfaceFieldsOf(changes) }) : interfaceFieldsOf(node, true);
      if (interfaceChange || resetInterfaces) Object.assign(columns, nodeColumns(interfaces));
      if (interfaceChange || resetInterfaces || changes.driver_info !== undefined) {
        this.interfaces.checkDriverInfo({ uuid, driver, driverInfo: changes.driver_info ?? node.driverInfo }, interfaces);
      }
      if (changes.chassis_uuid !== undefined) columns.chassisId = changes.chassis_uuid ? await this.chassis.idOf(changes.chassis_uuid) : null;
      await this.nodes.update(node.id, columns);
      this.log.info({ node: uuid, fields: Object.keys(changes) }, 'node updated');
      return { uuid };
    });
  }

  async destroy({ uuid }: RpcRequestOf<typeof nodeDestroy>): Promise<Record<string, never>> {
    return this.locks.withLock(uuid, 'node deletion', async ({ node }) => {
      if (node.protected) throw new NodeProtectedError({ node: uuid });
      if (node.instanceUuid && !node.maintenance) throw new NodeAssociatedError({ node: uuid, instance: node.instanceUuid });
      if (!node.maintenance && !isDeleteAllowed(node.provisionState as ProvisionState)) {
        throw new InvalidStateError(`Can not delete node "${uuid}" while it is in provision state "${node.provisionState}". Valid provision states to perform deletion are: "${[...DELETE_ALLOWED_STATES].join('", "')}", or set the node into maintenance mode`);
      }
      await this.nodes.delete(node.id);
      this.log.info({ node: uuid }, 'node deleted');
      return {};
    });
  }
}
