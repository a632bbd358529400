import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { InvalidStateError, NoValidHostError } from '@slipway/errors';
import { ProvisionState, UPDATE_ALLOWED_STATES } from '@slipway/provisioning';
import { nodeCreate, nodeDestroy, nodeUpdate, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { applyPatch, checkPatchPaths, parsePatch } from '../common/json-patch';
import { CONDUCTOR_ROUTER, ConductorRouter, RoutedNode } from '../routing/conductor-router';
import { nodeView } from './node.view';
import { checkPatchVersions, NODE_PATCHABLE_FIELDS, validateNodeChanges, validateNodeCreate } from './node-write.validation';
import { NodesService, RequestContext } from './nodes.service';
import { withParentUuid } from './parent-node';

/** Node create/update/delete: validated here, carried out by the owning conductor over RPC. */
@Injectable()
export class NodeWritesService {
  constructor(
    private readonly reads: NodesService,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async create(body: unknown, context: RequestContext): Promise<{ uuid: string; view: Record<string, unknown> }> {
    const fields = validateNodeCreate(await withParentUuid(body, context.minor, this.finder(context)), context.minor);
    const uuid = fields.uuid ?? randomUUID();
    // The ring compares groups case-insensitively; errors name the group as the client wrote it.
    const routed = { uuid, driver: fields.driver as string, conductorGroup: fields.conductor_group ?? '' };
    const host = await this.routeForWrite(routed);
    await this.rpc.call(host, nodeCreate, { fields: { ...fields, uuid, driver: routed.driver }, initialState: context.minor >= 11 ? 'enroll' : 'available' });
    return { uuid, view: await this.reads.show(uuid, undefined, context) };
  }

  async update(ident: string, body: unknown, resetInterfaces: boolean, context: RequestContext): Promise<Record<string, unknown>> {
    const operations = parsePatch(body);
    checkPatchPaths(operations, NODE_PATCHABLE_FIELDS);
    checkPatchVersions(operations, context.minor);
    const node = await this.reads.find(ident, context.minor);
    checkUpdatable(node, operations);
    const before = this.patchableView(node, context);
    const after = applyPatch(before, operations);
    const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
    // A removed root field is reset to its empty value, as Ironic does.
    for (const key of Object.keys(before)) if (!(key in after)) changed[key] = emptyValueOf(before[key]);
    const changes = validateNodeChanges(await withParentUuid(changed, context.minor, this.finder(context)), context.minor);
    if (Object.keys(changes).length || resetInterfaces) {
      const host = await this.routeForWrite({ uuid: node.uuid, driver: changes.driver ?? node.driver, conductorGroup: changes.conductor_group ?? node.conductorGroup });
      await this.rpc.call(host, nodeUpdate, { uuid: node.uuid, changes, resetInterfaces });
    }
    return this.reads.show(node.uuid, undefined, context);
  }

  async delete(ident: string, context: RequestContext): Promise<void> {
    const node = await this.reads.find(ident, context.minor);
    const host = await this.router.hostFor(node);
    await this.rpc.call(host, nodeDestroy, { uuid: node.uuid });
  }

  private finder(context: RequestContext): (ident: string) => Promise<NodeEntity> {
    return (ident) => this.reads.find(ident, context.minor);
  }

  /** Node endpoints turn NoValidHost into 400, as Ironic does. */
  private async routeForWrite(node: RoutedNode): Promise<string> {
    try {
      return await this.router.hostFor(node);
    } catch (error) {
      throw error instanceof NoValidHostError ? error.asBadRequest() : error;
    }
  }

  /** The node's patchable fields in API form (unmasked: the patch works on the stored values). */
  private patchableView(node: NodeEntity, context: RequestContext): Record<string, unknown> {
    const view = nodeView({ node: { ...node }, baseUrl: context.baseUrl, minor: context.minor, traits: [], conductor: null, chassisUuid: node.chassis?.uuid ?? null, allocationUuid: null }, { fields: [...NODE_PATCHABLE_FIELDS] });
    view.driver_info = node.driverInfo;
    view.instance_info = node.instanceInfo;
    delete view.links;
    return view;
  }
}

function checkUpdatable(node: NodeEntity, operations: { op: string; path: string }[]): void {
  const removingInstanceInMaintenance = node.maintenance && operations.length === 1 && operations[0].op === 'remove' && operations[0].path === '/instance_uuid';
  if (node.targetProvisionState && !UPDATE_ALLOWED_STATES.has(node.provisionState as ProvisionState) && !removingInstanceInMaintenance) {
    throw new InvalidStateError(`Node ${node.uuid} can not be updated while a state transition is in progress.`);
  }
  if (node.provisionState === 'inspecting') throw new InvalidStateError(`Node ${node.uuid} can not be updated while it is being inspected.`);
}

function emptyValueOf(value: unknown): unknown {
  if (value && typeof value === 'object') return Array.isArray(value) ? [] : {};
  return typeof value === 'boolean' ? false : null;
}
