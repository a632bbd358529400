import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AllocationEntity, NodeEntity } from '@slipway/db';
import { AllocationRepository } from '@slipway/db';
import { InvalidError, InvalidParameterValueError, MethodNotAllowedError, NodeNotFoundError, NotAcceptableError, NotFoundError } from '@slipway/errors';
import { allocationCreate, allocationDestroy, RpcTransport } from '@slipway/rpc';
import { RPC_TRANSPORT } from '@slipway/runtime';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { applyPatch, parsePatch, PatchOperation } from '../common/json-patch';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';
import { validateAllocationBody } from './allocation-body.validation';
import { isLogicalName, parseLookupIdent, parseUuidOrName } from './allocation-idents';
import { ALLOCATION_OWNER_MIN_MINOR, ALLOCATIONS_MIN_MINOR } from './allocation.view';
import { AllocationRequestContext, AllocationsService, allocationForNodeNotFound } from './allocations.service';

/** Allocation PATCH is 1.57; backfilling a node at creation 1.58. */
const ALLOCATION_UPDATE_MIN_MINOR = 57;
const ALLOCATION_BACKFILL_MIN_MINOR = 58;
/** What a PATCH may change, in Ironic's order (its error message lists them so). */
const PATCHABLE = ['name', 'extra'];

/**
 * Allocation writes. Create and delete go to a conductor (any live one, or the node's owner for a
 * backfill), which searches and reserves under node locks; renames and extras are written here,
 * as Ironic's api does.
 */
@Injectable()
export class AllocationWritesService {
  constructor(
    private readonly reads: AllocationsService,
    private readonly allocations: AllocationRepository,
    @Inject(CONDUCTOR_ROUTER) private readonly router: ConductorRouter,
    @Inject(RPC_TRANSPORT) private readonly rpc: RpcTransport,
  ) {}

  async create(body: unknown, context: AllocationRequestContext): Promise<{ uuid: string; view: Record<string, unknown> }> {
    checkWritable(context.minor, 'POST');
    const request = validateAllocationBody(body, 'allocation');
    // Ironic checks the keys given, so an explicit null owner is too new as well.
    if (context.minor < ALLOCATION_OWNER_MIN_MINOR && 'owner' in request) throw new NotAcceptableError('Request not acceptable.');
    if (request.name && !isLogicalName(request.name)) throw new InvalidError(`Cannot create allocation with invalid name '${request.name}'`);
    const node = request.node ? await this.backfillNode(request.node, context.minor) : undefined;
    const resourceClass = request.resource_class || node?.resourceClass || null;
    if (!request.resource_class && !node) throw new InvalidError('The resource_class field is mandatory when not backfilling');
    const candidateNodes = request.candidate_nodes?.length ? await this.candidateUuids(request.candidate_nodes) : [];
    // A backfill without a uuid takes the instance uuid the node already has.
    const uuid = request.uuid ? canonicalUuid(request.uuid) : (node?.instanceUuid ?? randomUUID());

    const host = node ? await this.router.hostFor(node) : await this.router.anyConductor();
    await this.rpc.call(host, allocationCreate, {
      allocation: {
        uuid, name: request.name ?? null, resourceClass, traits: request.traits ?? [], candidateNodes, extra: request.extra ?? {}, owner: request.owner ?? null,
      },
      backfillNode: node?.uuid,
    });
    return { uuid, view: await this.reads.show(uuid, undefined, context) };
  }

  async update(identText: string, body: unknown, context: AllocationRequestContext): Promise<Record<string, unknown>> {
    if (context.minor < ALLOCATIONS_MIN_MINOR) throw new MethodNotAllowedError({ method: 'PATCH' });
    if (context.minor < ALLOCATION_UPDATE_MIN_MINOR) throw new MethodNotAllowedError({ method: 'PATCH' });
    const operations = parsePatch(body);
    const allocation = await this.reads.find(parseLookupIdent(identText), identText);
    checkPatchable(operations);
    for (const operation of operations) {
      const name = operation.path === '/name' && operation.op !== 'remove' ? operation.value : undefined;
      if (typeof name === 'string' && name && !isLogicalName(name)) throw new InvalidError(`Cannot update allocation with invalid name '${name}'`);
    }
    const before = { name: allocation.name, extra: allocation.extra ?? {} };
    const after = applyPatch(before, rootChecked(operations, before));
    const patched = validateAllocationBody({ name: after.name ?? null, extra: after.extra ?? null }, 'patch');
    const changes: { name?: string | null; extra?: Record<string, unknown> } = {};
    if (patched.name !== before.name) changes.name = patched.name ?? null;
    const extra = patched.extra ?? {};
    if (JSON.stringify(extra) !== JSON.stringify(before.extra)) changes.extra = extra;
    const updated = Object.keys(changes).length ? await this.allocations.updateAttributes(allocation.id, changes) : allocation;
    return this.reads.view(updated, context, undefined);
  }

  async delete(identText: string, context: AllocationRequestContext): Promise<void> {
    checkWritable(context.minor, 'DELETE');
    const allocation = await this.reads.find(parseUuidOrName('allocation_ident', identText), identText);
    await this.destroy(allocation);
  }

  /** `DELETE /v1/nodes/{node}/allocation`. */
  async deleteForNode(nodeText: string, context: AllocationRequestContext): Promise<void> {
    // The node's sub-resource is missing altogether before 1.52, whatever the method.
    if (context.minor < ALLOCATIONS_MIN_MINOR) throw new NotFoundError();
    const node = await this.reads.node(parseUuidOrName('node', nodeText));
    if (!node) throw new NodeNotFoundError({ node: nodeText });
    const allocation = await this.allocations.findByNodeId(node.id);
    if (!allocation) throw allocationForNodeNotFound(nodeText);
    await this.destroy(allocation);
  }

  private async destroy(allocation: AllocationEntity): Promise<void> {
    await this.rpc.call(await this.router.anyConductor(), allocationDestroy, { uuid: allocation.uuid });
  }

  /** The node of a backfill (1.58): named by uuid or name; a missing one is a bad request. */
  private async backfillNode(ident: string, minor: number): Promise<NodeEntity> {
    if (minor < ALLOCATION_BACKFILL_MIN_MINOR) throw new InvalidError('Cannot set node when creating an allocation in this API version');
    const node = await this.reads.node(parseLookupIdent(ident));
    if (!node) throw new InvalidParameterValueError(new NodeNotFoundError({ node: ident }).message);
    return node;
  }

  /** Candidate nodes by uuid or name, as UUIDs in the order given (Ironic's check_node_list). */
  private async candidateUuids(idents: string[]): Promise<string[]> {
    const unique = [...new Set(idents)];
    const uuids = unique.filter(isUuid);
    const names = unique.filter((ident) => !isUuid(ident) && isLogicalName(ident));
    // Idents that can be neither cannot name a node: refused before any lookup, as in Ironic.
    let missing = unique.filter((ident) => !uuids.includes(ident) && !names.includes(ident));
    if (!missing.length) {
      const mapping = await this.allocations.nodeUuidsOf({ uuids: uuids.map(canonicalUuid), names });
      const resolve = (ident: string) => mapping.get(isUuid(ident) ? canonicalUuid(ident) : ident);
      missing = unique.filter((ident) => resolve(ident) === undefined);
      if (!missing.length) return idents.map((ident) => resolve(ident) as string);
    }
    throw new InvalidParameterValueError(`Nodes cannot be found: ${missing.join(', ')}`);
  }
}

/** Before 1.52 the collection does not exist: writes answer 405, as Ironic's router does. */
function checkWritable(minor: number, method: string): void {
  if (minor < ALLOCATIONS_MIN_MINOR) throw new MethodNotAllowedError({ method });
}

function checkPatchable(operations: PatchOperation[]): void {
  for (const { path } of operations) {
    if (!PATCHABLE.includes(path.split('/')[1])) throw new InvalidParameterValueError(`Cannot patch ${path}. Only the following can be updated: ${PATCHABLE.join(', ')}`);
  }
}

/** Ironic refuses to add a root field the resource does not have (the allowed ones always exist). */
function rootChecked(operations: PatchOperation[], document: Record<string, unknown>): PatchOperation[] {
  for (const operation of operations) {
    const segments = operation.path.split('/');
    if (operation.op === 'add' && segments.length === 2 && !(segments[1] in document)) {
      throw new InvalidParameterValueError(`Adding a new attribute (${operation.path}) to the root of the resource is not allowed`);
    }
  }
  return operations;
}
