import { Injectable } from '@nestjs/common';
import type { PortgroupEntity } from '@slipway/db';
import { PortgroupRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { expectUuidOrName } from '../ports/arg-values';
import { collectionNextLink, parseShowFields, RawQuery } from '../ports/collection-query';
import { parsePortgroupListQuery } from './portgroup-list-query';
import { findPortgroup } from './portgroup-lookup';
import { PORTGROUP_FIELDS, portgroupView } from './portgroup.view';

/** Reads of the portgroups API (1.23; absent before, as in Ironic). */
@Injectable()
export class PortgroupsService {
  constructor(
    private readonly portgroups: PortgroupRepository,
    private readonly nodes: NodesService,
  ) {}

  async list(raw: RawQuery, context: RequestContext, detailPath: boolean, parentNode?: string): Promise<{ portgroups: Record<string, unknown>[]; next?: string }> {
    requirePortgroups(context.minor, parentNode === undefined ? 23 : 24);
    const query = parsePortgroupListQuery(raw, context.minor, detailPath, parentNode);
    const { page } = query;
    const marker = page.marker === undefined ? undefined : await this.find(page.marker);
    const keyset = { sortKey: page.sortKey, sortDir: page.sortDir, limit: page.limit, marker };
    let rows: PortgroupEntity[];
    if (query.node !== undefined) {
      const node = await this.nodes.find(query.node, context.minor);
      rows = await this.portgroups.list({ nodeId: node.id }, keyset);
    } else if (query.address !== undefined) {
      const portgroup = await this.portgroups.findByAddress(query.address);
      rows = portgroup ? [portgroup] : [];
    } else {
      rows = await this.portgroups.list({}, keyset);
    }
    const body: { portgroups: Record<string, unknown>[]; next?: string } = {
      portgroups: rows.map((portgroup) => portgroupView({ portgroup, baseUrl: context.baseUrl }, context.minor, page.fields)),
    };
    if (rows.length > 0 && rows.length === page.limit) {
      body.next = collectionNextLink(context.baseUrl, detailPath ? 'portgroups/detail' : 'portgroups', page, query.echoed, rows[rows.length - 1].uuid);
    }
    return body;
  }

  async show(ident: string, rawFields: string | undefined, context: RequestContext): Promise<Record<string, unknown>> {
    requirePortgroups(context.minor, 23);
    const portgroup = await this.find(ident);
    const fields = parseShowFields(rawFields, context.minor, PORTGROUP_FIELDS);
    return portgroupView({ portgroup, baseUrl: context.baseUrl }, context.minor, fields);
  }

  /** The portgroup `{portgroup}` names (UUID or name), or PortgroupNotFound naming it as given. */
  find(ident: string): Promise<PortgroupEntity> {
    return findPortgroup(this.portgroups, expectUuidOrName('portgroup', ident));
  }
}

/** Portgroup endpoints do not exist before 1.23 (and under a node before 1.24): 404, as Ironic answers. */
export function requirePortgroups(minor: number, since: number): void {
  if (minor < since) throw new NotFoundError();
}
