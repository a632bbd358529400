import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PortgroupEntity } from '@slipway/db';
import { PortgroupRepository } from '@slipway/db';
import { ConflictError, InvalidParameterValueError } from '@slipway/errors';
import { portgroupDestroy, portgroupUpdate, PortgroupWritableFields, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { applyPatch, checkPatchPaths, parsePatch } from '../common/json-patch';
import type { RequestContext } from '../nodes/nodes.service';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';
import { OwnerNodeLookup } from '../ports/owner-node.lookup';
import { checkPortgroupName, PORTGROUP_PATCHABLE_FIELDS, refuseModeAndProperties, validatePortgroupBody } from './portgroup-write.validation';
import { PortgroupsService, requirePortgroups } from './portgroups.service';

/** Ironic's `[DEFAULT]default_portgroup_mode`. */
export const DEFAULT_PORTGROUP_MODE = 'active-backup';

const WRITABLE = ['address', 'extra', 'mode', 'name', 'properties', 'standalone_ports_supported'] as const;

/**
 * Portgroup create/update/delete. As in Ironic, the api creates a portgroup itself (nothing on
 * the conductor depends on it yet), while updates and deletes go to the conductor that owns the
 * node, under the node lock.
 */
@Injectable()
export class PortgroupWritesService {
  constructor(
    private readonly reads: PortgroupsService,
    private readonly portgroups: PortgroupRepository,
    private readonly owners: OwnerNodeLookup,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async create(body: unknown, context: RequestContext): Promise<{ uuid: string; view: Record<string, unknown> }> {
    requirePortgroups(context.minor, 23);
    const portgroup = validatePortgroupBody('portgroup', body);
    const node = await this.owners.forWrite(portgroup.node_uuid as string);
    refuseModeAndProperties([portgroup.mode, portgroup.properties], context.minor);
    checkPortgroupName(portgroup.name, context.minor, (name) => `Cannot create portgroup with invalid name '${name}'`);
    const created = await this.portgroups.insert({
      uuid: (portgroup.uuid as string | null | undefined) ?? randomUUID(),
      nodeId: node.id,
      name: (portgroup.name as string | null | undefined) ?? null,
      address: (portgroup.address as string | null | undefined) ?? null,
      mode: (portgroup.mode as string | null | undefined) || DEFAULT_PORTGROUP_MODE,
      extra: (portgroup.extra as Record<string, unknown> | null | undefined) ?? {},
      properties: (portgroup.properties as Record<string, unknown> | null | undefined) ?? {},
      standalonePortsSupported: (portgroup.standalone_ports_supported as boolean | null | undefined) ?? true,
    });
    return { uuid: created.uuid, view: await this.reads.show(created.uuid, undefined, context) };
  }

  async update(ident: string, body: unknown, context: RequestContext): Promise<Record<string, unknown>> {
    requirePortgroups(context.minor, 23);
    const operations = parsePatch(body);
    const portgroup = await this.reads.find(ident);
    const setsModeOrProperties = operations.some((op) => ['/mode', '/properties'].some((path) => op.path === path || op.path.startsWith(`${path}/`)));
    if (setsModeOrProperties && context.minor < 26) refuseModeAndProperties([true], context.minor);
    checkPatchPaths(operations, PORTGROUP_PATCHABLE_FIELDS);
    for (const op of operations) {
      if (op.path === '/name' && op.op !== 'remove') checkPortgroupName(op.value, context.minor, (name) => `Portgroup ${ident}: Cannot change name to invalid name '${name}'`);
    }
    const before = patchableView(portgroup);
    const after = applyPatch(before, operations);
    if (!('mode' in after)) throw new InvalidParameterValueError("'mode' is a mandatory attribute and can not be removed");
    let node = await this.owners.byId(portgroup.nodeId);
    if ('node_uuid' in after && after.node_uuid !== node.uuid) node = await this.owners.forPatch(after.node_uuid);
    const patched = validatePortgroupBody('patch', after);
    const changes = changedFields(before, patched);
    if (node.provisionState === 'inspecting' && context.minor >= 39) {
      throw new ConflictError(`Cannot update portgroup "${portgroup.uuid}" on node "${node.uuid}" while it is in state "inspecting".`);
    }
    await this.rpc.call(await this.router.hostFor(node), portgroupUpdate, { uuid: portgroup.uuid, nodeUuid: node.uuid, changes });
    return this.reads.show(portgroup.uuid, undefined, context);
  }

  async delete(ident: string, context: RequestContext): Promise<void> {
    requirePortgroups(context.minor, 23);
    const portgroup = await this.reads.find(ident);
    const node = await this.owners.byId(portgroup.nodeId);
    await this.rpc.call(await this.router.hostFor(node), portgroupDestroy, { uuid: portgroup.uuid });
  }

}

function patchableView(portgroup: PortgroupEntity): Record<string, unknown> {
  return {
    uuid: portgroup.uuid,
    address: portgroup.address,
    extra: portgroup.extra,
    mode: portgroup.mode,
    name: portgroup.name,
    node_uuid: portgroup.node?.uuid ?? null,
    properties: portgroup.properties,
    standalone_ports_supported: portgroup.standalonePortsSupported,
  };
}

/** The writable fields whose value differs; a removed dict is empty, a removed flag an error. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): PortgroupWritableFields {
  const changes: Record<string, unknown> = {};
  for (const key of WRITABLE) {
    let value = after[key] ?? null;
    if (value === null && (key === 'extra' || key === 'properties')) value = {};
    if (JSON.stringify(value) === JSON.stringify(before[key] ?? null)) continue;
    // Ironic fails with a 500 here; a client error is what it is.
    if (value === null && key === 'standalone_ports_supported') throw new InvalidParameterValueError(`Field \`${key}' cannot be None`);
    changes[key] = value;
  }
  return changes as PortgroupWritableFields;
}
