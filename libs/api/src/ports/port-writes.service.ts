import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PortEntity, PortgroupEntity } from '@slipway/db';
import { PortgroupRepository } from '@slipway/db';
import { ConflictError, InvalidParameterValueError, PortgroupNotFoundError } from '@slipway/errors';
import { portCreate, portDestroy, portUpdate, PortWritableFields, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { applyPatch, checkPatchPaths, parsePatch, PatchOperation } from '../common/json-patch';
import type { RequestContext } from '../nodes/nodes.service';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';
import { OwnerNodeLookup } from './owner-node.lookup';
import { expectUuid } from './arg-values';
import { checkSmartNicLink, PORT_PATCHABLE_FIELDS, refuseNewerPortFields, validatePortBody } from './port-write.validation';
import { PortsService } from './ports.service';

/** Fields whose version a patch must allow, checked before anything is read (as Ironic does). */
const VERSIONED_PATCH_PATHS = ['pxe_enabled', 'local_link_connection', 'portgroup_uuid', 'physical_network', 'is_smartnic', 'local_link_connection/network_type'];
const WRITABLE = ['address', 'extra', 'is_smartnic', 'local_link_connection', 'physical_network', 'pxe_enabled'] as const;
const EMPTY_PHYSNET = 'A non-empty value is required when setting physical_network';

/**
 * Port create/update/delete: checked here as Ironic's API checks them, then carried out by the
 * conductor that owns the port's node, under that node's lock.
 */
@Injectable()
export class PortWritesService {
  constructor(
    private readonly reads: PortsService,
    private readonly owners: OwnerNodeLookup,
    private readonly portgroups: PortgroupRepository,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async create(body: unknown, context: RequestContext): Promise<{ uuid: string; view: Record<string, unknown> }> {
    const port = validatePortBody('port', body);
    const node = await this.owners.forWrite(port.node_uuid as string);
    refuseNewerPortFields(Object.keys(port), port.local_link_connection, context.minor);
    let portgroup: PortgroupEntity | null = null;
    if (port.portgroup_uuid) {
      portgroup = await this.portgroupForWrite(port.portgroup_uuid as string);
      if (portgroup.nodeId !== node.id) throw new InvalidParameterValueError('Port can not be added to a portgroup belonging to a different node.');
    }
    if (port.is_smartnic) checkSmartNicLink(port.local_link_connection);
    if (port.physical_network === '') throw new InvalidParameterValueError(EMPTY_PHYSNET);
    if (portgroup && port.pxe_enabled === true && !portgroup.standalonePortsSupported) {
      throw new ConflictError(
        `Port group ${portgroup.uuid} doesn't support standalone ports. This port cannot be created as a member of that portgroup as the port's 'pxe_enabled' field was set to True.`,
      );
    }
    const uuid = (port.uuid as string | null | undefined) ?? randomUUID();
    const fields = writableFields(port);
    await this.rpc.call(await this.router.hostFor(node), portCreate, { uuid, nodeUuid: node.uuid, portgroupUuid: portgroup?.uuid ?? null, fields: { ...fields, address: port.address as string } });
    return { uuid, view: await this.reads.show(uuid, undefined, context) };
  }

  async update(ident: string, body: unknown, context: RequestContext): Promise<Record<string, unknown>> {
    const uuid = expectUuid('port_uuid', ident);
    const operations = parsePatch(body);
    checkPatchPaths(operations, PORT_PATCHABLE_FIELDS);
    refuseNewerPortFields(VERSIONED_PATCH_PATHS.filter((name) => touches(operations, `/${name}`)), undefined, context.minor);
    const port = await this.reads.find(uuid);
    const before = patchableView(port);
    const after = applyPatch(before, operations);

    let portgroup: Pick<PortgroupEntity, 'id' | 'uuid'> | null = port.portgroup ?? null;
    if (isUpdated(operations, '/portgroup_uuid')) portgroup = after.portgroup_uuid ? await this.portgroupForWrite(String(after.portgroup_uuid)) : null;
    let node = await this.owners.byId(port.nodeId);
    if ('node_uuid' in after && after.node_uuid !== node.uuid) node = await this.owners.forPatch(after.node_uuid);

    const patched = validatePortBody('patch', after);
    const changes = changedFields(before, patched);
    if (node.provisionState === 'inspecting' && context.minor >= 39) {
      throw new ConflictError(`Cannot update port "${port.uuid}" on "${node.uuid}" while it is in state "inspecting".`);
    }
    if (isUpdated(operations, '/physical_network') && patched.physical_network === '') throw new InvalidParameterValueError(EMPTY_PHYSNET);
    const portgroupChanged = (portgroup?.id ?? null) !== port.portgroupId;
    await this.rpc.call(await this.router.hostFor(node), portUpdate, {
      uuid,
      nodeUuid: node.uuid,
      portgroupUuid: portgroupChanged ? (portgroup?.uuid ?? null) : undefined,
      changes,
    });
    return this.reads.show(uuid, undefined, context);
  }

  async delete(ident: string): Promise<void> {
    const port = await this.reads.find(expectUuid('port_uuid', ident));
    const node = await this.owners.byId(port.nodeId);
    await this.rpc.call(await this.router.hostFor(node), portDestroy, { uuid: port.uuid });
  }

  private async portgroupForWrite(uuid: string): Promise<PortgroupEntity> {
    const portgroup = isUuid(uuid) ? await this.portgroups.findByUuid(canonicalUuid(uuid)) : null;
    if (!portgroup) throw new InvalidParameterValueError(new PortgroupNotFoundError({ portgroup: uuid }).message);
    return portgroup;
  }
}

/** The port as Ironic's PATCH sees it: its writable fields with node and portgroup by uuid. */
function patchableView(port: PortEntity): Record<string, unknown> {
  return {
    uuid: port.uuid,
    address: port.address,
    extra: port.extra,
    is_smartnic: port.isSmartnic,
    local_link_connection: port.localLinkConnection,
    node_uuid: port.node?.uuid ?? null,
    physical_network: port.physicalNetwork,
    portgroup_uuid: port.portgroup?.uuid ?? null,
    pxe_enabled: port.pxeEnabled,
  };
}

/** The writable fields whose value differs; a removed dict is empty, a removed flag an error. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): PortWritableFields {
  const changes: Record<string, unknown> = {};
  for (const key of WRITABLE) {
    let value = after[key] ?? null;
    if (value === null && (key === 'extra' || key === 'local_link_connection')) value = {};
    if (JSON.stringify(value) === JSON.stringify(before[key] ?? null)) continue;
    // Ironic fails with a 500 here; a client error is what it is.
    if (value === null && (key === 'pxe_enabled' || key === 'is_smartnic')) throw new InvalidParameterValueError(`Field \`${key}' cannot be None`);
    changes[key] = value;
  }
  return changes as PortWritableFields;
}

/** The body's writable fields for the conductor; null dicts are empty, null flags keep their default. */
function writableFields(port: Record<string, unknown>): PortWritableFields {
  const fields: Record<string, unknown> = {};
  for (const key of WRITABLE) {
    const value = port[key];
    if (value === undefined) continue;
    if (value === null && (key === 'extra' || key === 'local_link_connection')) fields[key] = {};
    else if (value !== null || key === 'physical_network') fields[key] = value;
  }
  return fields as PortWritableFields;
}

/** Ironic's test for "does the patch set or remove this field" (removal also below it). */
function touches(operations: PatchOperation[], path: string): boolean {
  return operations.some((op) => op.path === path || (op.op === 'remove' && op.path.startsWith(`${path}/`)));
}

function isUpdated(operations: PatchOperation[], path: string): boolean {
  return operations.some((op) => op.path === path || op.path.startsWith(`${path}/`));
}
