import { Injectable } from '@nestjs/common';
import type { ChassisEntity, ChassisSortKey } from '@slipway/db';
import { ChassisRepository } from '@slipway/db';
import { ChassisNotFoundError } from '@slipway/errors';
import { isUuid } from '../common/identifiers';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { expectUuid } from '../ports/arg-values';
import { collectionNextLink, parseCollectionQuery, parseShowFields, RawQuery } from '../ports/collection-query';
import { CHASSIS_FIELDS, CHASSIS_LIST_FIELDS, chassisView } from './chassis.view';

const SORT_COLUMNS: Record<string, ChassisSortKey> = { id: 'id', uuid: 'uuid', description: 'description', created_at: 'createdAt', updated_at: 'updatedAt' };

/** Reads of the chassis API, and the nodes of a chassis. */
@Injectable()
export class ChassisService {
  constructor(
    private readonly chassis: ChassisRepository,
    private readonly nodes: NodesService,
  ) {}

  async list(raw: RawQuery, context: RequestContext, detailPath: boolean): Promise<{ chassis: Record<string, unknown>[]; next?: string }> {
    const page = parseCollectionQuery(raw, context.minor, detailPath, {
      table: CHASSIS_FIELDS,
      defaultFields: CHASSIS_LIST_FIELDS,
      sortColumns: SORT_COLUMNS,
      unsortable: ['extra'],
      filters: [],
    });
    const marker = page.marker === undefined ? undefined : await this.find(page.marker);
    const rows = await this.chassis.list({ sortKey: page.sortKey, sortDir: page.sortDir, limit: page.limit, marker });
    const body: { chassis: Record<string, unknown>[]; next?: string } = {
      chassis: rows.map((chassis) => chassisView({ chassis, baseUrl: context.baseUrl }, context.minor, page.fields)),
    };
    if (rows.length > 0 && rows.length === page.limit) {
      body.next = collectionNextLink(context.baseUrl, detailPath ? 'chassis/detail' : 'chassis', page, {}, rows[rows.length - 1].uuid);
    }
    return body;
  }

  async show(ident: string, rawFields: string | undefined, context: RequestContext): Promise<Record<string, unknown>> {
    const chassis = await this.find(expectUuid('chassis_uuid', ident));
    const fields = parseShowFields(rawFields, context.minor, CHASSIS_FIELDS);
    return chassisView({ chassis, baseUrl: context.baseUrl }, context.minor, fields);
  }

  /** `/v1/chassis/{uuid}/nodes[/detail]`: the node list, narrowed to the chassis (which must exist). */
  async nodesOf(ident: string, raw: RawQuery, context: RequestContext, detailPath: boolean): Promise<unknown> {
    const chassis = await this.find(expectUuid('chassis_uuid', ident));
    return this.nodes.list({ ...raw, chassis_uuid: chassis.uuid }, context, detailPath);
  }

  /** The chassis with this UUID, or ChassisNotFound naming it as given. */
  async find(ident: string): Promise<ChassisEntity> {
    const chassis = isUuid(ident) ? await this.chassis.findByUuid(ident.toLowerCase()) : null;
    if (!chassis) throw new ChassisNotFoundError({ chassis: ident });
    return chassis;
  }
}
