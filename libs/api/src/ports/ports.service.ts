import { Injectable } from '@nestjs/common';
import type { PortEntity } from '@slipway/db';
import { PortgroupRepository, PortRepository } from '@slipway/db';
import { NotFoundError, PortNotFoundError } from '@slipway/errors';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { findPortgroup } from '../portgroups/portgroup-lookup';
import { expectUuid, expectUuidOrName } from './arg-values';
import { collectionNextLink, parseShowFields, RawQuery } from './collection-query';
import { parsePortListQuery, PortParent } from './port-list-query';
import { PORT_FIELDS, portView } from './port.view';

/** Reads of the ports API: lists (all, a node's, a portgroup's) and single ports. */
@Injectable()
export class PortsService {
  constructor(
    private readonly ports: PortRepository,
    private readonly portgroups: PortgroupRepository,
    private readonly nodes: NodesService,
  ) {}

  async list(raw: RawQuery, context: RequestContext, detailPath: boolean, parent?: PortParent): Promise<{ ports: Record<string, unknown>[]; next?: string }> {
    const query = parsePortListQuery(raw, context.minor, detailPath, parent);
    const { page } = query;
    const marker = page.marker === undefined ? undefined : await this.find(page.marker);
    const keyset = { sortKey: page.sortKey, sortDir: page.sortDir, limit: page.limit, marker };
    let rows: PortEntity[];
    if (query.portgroup !== undefined) {
      const portgroup = await findPortgroup(this.portgroups, query.portgroup);
      rows = await this.ports.list({ portgroupId: portgroup.id }, keyset);
    } else if (query.node !== undefined) {
      const node = await this.nodes.find(query.node, context.minor);
      rows = await this.ports.list({ nodeId: node.id }, keyset);
    } else if (query.address !== undefined) {
      const port = await this.ports.findByAddress(query.address);
      rows = port ? [port] : [];
    } else {
      rows = await this.ports.list({ shards: query.shards }, keyset);
    }
    const body: { ports: Record<string, unknown>[]; next?: string } = {
      ports: rows.map((port) => portView({ port, baseUrl: context.baseUrl }, context.minor, page.fields)),
    };
    if (rows.length > 0 && rows.length === page.limit) {
      body.next = collectionNextLink(context.baseUrl, detailPath ? 'ports/detail' : 'ports', page, query.echoed, rows[rows.length - 1].uuid);
    }
    return body;
  }

  /** `/v1/portgroups/{portgroup}/ports` (1.24; absent before, as in Ironic). */
  async listOfPortgroup(ident: string, raw: RawQuery, context: RequestContext, detailPath: boolean): Promise<{ ports: Record<string, unknown>[]; next?: string }> {
    if (context.minor < 24) throw new NotFoundError();
    return this.list(raw, context, detailPath, { portgroup: expectUuidOrName('portgroup', ident) });
  }

  async show(ident: string, rawFields: string | undefined, context: RequestContext): Promise<Record<string, unknown>> {
    const port = await this.find(expectUuid('port_uuid', ident));
    const fields = parseShowFields(rawFields, context.minor, PORT_FIELDS);
    return portView({ port, baseUrl: context.baseUrl }, context.minor, fields);
  }

  /** The port with this UUID (with its node and portgroup), or PortNotFound. */
  async find(uuid: string): Promise<PortEntity> {
    const port = await this.ports.findByUuid(uuid);
    if (!port) throw new PortNotFoundError({ port: uuid });
    return port;
  }
}
