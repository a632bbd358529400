import { Injectable } from '@nestjs/common';
import type { AllocationEntity, NodeEntity } from '@slipway/db';
import { AllocationRepository, NodeRepository } from '@slipway/db';
import { AllocationNotFoundError, errorFromWire, InvalidParameterValueError, NodeNotFoundError, NotAcceptableError, NotFoundError } from '@slipway/errors';
import { nextLink } from '../common/pagination';
import { single } from '../common/query-values';
import { checkFieldsExist, keepFields, parseStringList } from '../common/string-list-fields';
import { Ident, parseUuidOrName } from './allocation-idents';
import { parseAllocationListQuery, RawQuery } from './allocation-list-query';
import { ALLOCATION_OWNER_MIN_MINOR, ALLOCATIONS_MIN_MINOR, allocationFullView, hideNewerFields } from './allocation.view';

export interface AllocationRequestContext {
  baseUrl: string;
  minor: number;
}

/** Reads of the allocations API: lists with Ironic's filters and pages, single allocations, a node's allocation. */
@Injectable()
export class AllocationsService {
  constructor(
    private readonly allocations: AllocationRepository,
    private readonly nodes: NodeRepository,
  ) {}

  async list(raw: RawQuery, context: AllocationRequestContext): Promise<{ allocations: Record<string, unknown>[]; next?: string }> {
    checkAllocationsVisible(context.minor);
    const query = parseAllocationListQuery(raw, context.minor);
    const marker = query.marker === undefined ? undefined : await this.find({ uuid: query.marker }, query.marker);
    // A node filter that names no node is a bad request, not a missing resource (Ironic's 400).
    const node = query.node === undefined ? undefined : await this.nodeForFilter(query.node, query.nodeText as string);
    const rows = await this.allocations.list(
      { nodeId: node?.id, resourceClass: query.resourceClass, state: query.state, owner: query.owner },
      { sortKey: query.sortKey, sortDir: query.sortDir, limit: query.limit, marker },
    );
    const body: { allocations: Record<string, unknown>[]; next?: string } = { allocations: rows.map((row) => this.view(row, context, query.fields)) };
    if (rows.length === query.limit && rows.length > 0) {
      // Ironic's next link keeps only the sort and the fields; the filters are kept here too, or
      // the next page would list other allocations.
      const echoed: Record<string, string | undefined> = {
        node: query.nodeText, resource_class: query.resourceClass, state: query.state, owner: query.owner,
        sort_key: query.sortKeyName, sort_dir: query.sortDir, fields: query.fields?.length ? query.fields.join(',') : undefined,
      };
      body.next = nextLink(context.baseUrl, 'allocations', echoed, query.limit, rows[rows.length - 1].uuid);
    }
    return body;
  }

  async show(identText: string, rawFields: string | string[] | undefined, context: AllocationRequestContext): Promise<Record<string, unknown>> {
    checkAllocationsVisible(context.minor);
    const ident = parseUuidOrName('allocation_ident', identText);
    const fields = parseStringList(single(rawFields));
    const allocation = await this.find(ident, identText);
    if (context.minor < ALLOCATION_OWNER_MIN_MINOR && fields?.includes('owner')) throw new NotAcceptableError('Request not acceptable.');
    return this.view(allocation, context, fields);
  }

  /** `GET /v1/nodes/{node}/allocation`. */
  async showForNode(nodeText: string, rawFields: string | string[] | undefined, context: AllocationRequestContext): Promise<Record<string, unknown>> {
    if (context.minor < ALLOCATIONS_MIN_MINOR) throw new NotFoundError();
    const node = await this.nodeForFilter(parseUuidOrName('node', nodeText), nodeText);
    const fields = parseStringList(single(rawFields));
    const allocation = await this.allocations.findByNodeId(node.id);
    if (!allocation) throw allocationForNodeNotFound(nodeText);
    return this.view(allocation, context, fields);
  }

  /** The allocation named by uuid or name, or AllocationNotFound naming it as given. */
  async find(ident: Ident, text: string): Promise<AllocationEntity> {
    const allocation = 'uuid' in ident ? await this.allocations.findByUuid(ident.uuid) : await this.allocations.findByName(ident.name);
    if (!allocation) throw new AllocationNotFoundError({ allocation: text });
    return allocation;
  }

  /** The node named by uuid or name, or undefined. */
  async node(ident: Ident): Promise<NodeEntity | null> {
    return 'uuid' in ident ? this.nodes.findByUuid(ident.uuid) : this.nodes.findByName(ident.name);
  }

  view(allocation: AllocationEntity, context: AllocationRequestContext, fields: string[] | undefined): Record<string, unknown> {
    const full = allocationFullView(allocation, context.baseUrl);
    checkFieldsExist(full, fields);
    return keepFields(hideNewerFields(full, context.minor), fields);
  }

  private async nodeForFilter(ident: Ident, text: string): Promise<NodeEntity> {
    const node = await this.node(ident);
    if (!node) throw new InvalidParameterValueError(new NodeNotFoundError({ node: text }).message);
    return node;
  }
}

/** Allocations are found from 1.52; before, GET answers 404 as if the resource did not exist. */
export function checkAllocationsVisible(minor: number): void {
  if (minor < ALLOCATIONS_MIN_MINOR) throw new NotFoundError('The API version does not allow allocations');
}

/** Ironic's AllocationNotFound with its own wording for a node without allocation. */
export function allocationForNodeNotFound(node: string): AllocationNotFoundError {
  return errorFromWire({ type: AllocationNotFoundError.code, message: `Allocation for node ${node} was not found`, details: { allocation: node } }) as AllocationNotFoundError;
}
