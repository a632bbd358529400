import { Inject, Injectable } from '@nestjs/common';
import type { NodeEntity } from '@slipway/db';
import { NodeRepository } from '@slipway/db';
import { NodeNotFoundError } from '@slipway/errors';
import { nextLink } from '../common/pagination';
import { single } from '../common/query-values';
import { CONDUCTOR_ROUTER, ConductorRouter } from '../routing/conductor-router';
import { parseNodeIdent } from './node-ident';
import { NodeListQuery, parseNodeListQuery, RawQuery } from './node-list-query';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { parseFields } from '../common/fields';
import { NODE_SELECTABLE_FIELDS } from './node-fields';
import { nodeView } from './node.view';

export interface RequestContext {
  baseUrl: string;
  minor: number;
}

/** Reads of the nodes API: lists with Ironic's filters, pages and fields, and single nodes. */
@Injectable()
export class NodesService {
  constructor(
    private readonly nodes: NodeRepository,
    @Inject(CONDUCTOR_ROUTER) private readonly conductors: ConductorRouter,
  ) {}

  async list(raw: RawQuery, context: RequestContext, detailPath: boolean): Promise<{ nodes: Record<string, unknown>[]; next?: string }> {
    const query = parseNodeListQuery(raw, context.minor, detailPath);
    query.filter.parentNode = await this.parentFilter(query.children, context.minor);
    const marker = query.marker === undefined ? undefined : await this.find(query.marker, context.minor);
    const withTraits = query.detail || (query.fields?.includes('traits') ?? false);
    let page = await this.nodes.list(query.filter, { sortKey: query.sortKey, sortDir: query.sortDir, limit: query.limit, marker }, { withTraits });
    const owners = await this.ownersOf(page, context.minor >= 49 && (query.detail || query.fields?.includes('conductor') || query.conductor !== undefined));
    if (query.conductor !== undefined) page = page.filter((node) => owners.get(node.id) === query.conductor);
    const nodes = page.map((node) =>
      nodeView(this.viewContext(node, context, node.traits ?? [], owners.get(node.id) ?? null), { fields: query.fields, listForm: !query.detail && !query.fields }),
    );
    const body: { nodes: Record<string, unknown>[]; next?: string } = { nodes };
    if (page.length === query.limit && page.length > 0) {
      const resource = detailPath ? 'nodes/detail' : 'nodes';
      const echoed = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, single(value)]));
      body.next = nextLink(context.baseUrl, resource, { ...echoed, sort_key: query.sortKeyName, sort_dir: query.sortDir }, query.limit, page[page.length - 1].uuid);
    }
    return body;
  }

  async show(ident: string, rawFields: string | undefined, context: RequestContext): Promise<Record<string, unknown>> {
    const fields = parseFields(rawFields, NODE_SELECTABLE_FIELDS, context.minor);
    const node = await this.find(ident, context.minor);
    // Single-node reads load the traits with the node; other reads fetch them.
    const [traits, owners] = await Promise.all([node.traits ?? this.nodes.traitsOf([node.id]).then((all) => all.get(node.id) ?? []), this.ownersOf([node], context.minor >= 49)]);
    return nodeView(this.viewContext(node, context, traits, owners.get(node.id) ?? null), { fields });
  }

  /** The node named by `{node}` (UUID or name), or NodeNotFound naming it as given. */
  async find(ident: string, minor: number): Promise<NodeEntity> {
    const parsed = parseNodeIdent(ident, minor);
    const node = 'uuid' in parsed ? await this.nodes.findByUuid(parsed.uuid) : await this.nodes.findByName(parsed.name);
    if (!node) throw new NodeNotFoundError({ node: ident });
    return node;
  }

  /**
   * Ironic hides child nodes from lists, whatever the version, unless `include_children` is true
   * (then `parent_node` is ignored) or `parent_node` asks for the children of one node.
   */
  private async parentFilter(children: NodeListQuery['children'], minor: number): Promise<string | null | undefined> {
    if (children.include) return undefined;
    if (children.parent === undefined) return null;
    return isUuid(children.parent) ? canonicalUuid(children.parent) : (await this.find(children.parent, minor)).uuid;
  }

  private async ownersOf(nodes: NodeEntity[], wanted: boolean): Promise<Map<number, string | null>> {
    if (!wanted) return new Map();
    return new Map(await Promise.all(nodes.map(async (node) => [node.id, await this.conductors.ownerOf(node)] as const)));
  }

  private viewContext(node: NodeEntity, context: RequestContext, traits: string[], conductor: string | null) {
    return {
      node,
      baseUrl: context.baseUrl,
      minor: context.minor,
      traits,
      conductor,
      chassisUuid: node.chassis?.uuid ?? null,
      allocationUuid: node.allocation?.uuid ?? null,
    };
  }
}
