import { Injectable } from '@nestjs/common';
import type { NodeHistoryEntity } from '@slipway/db';
import { NodeHistoryRepository } from '@slipway/db';
import { NodeHistoryNotFoundError, NotFoundError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { parseLimit } from '../common/pagination';
import { parseBoolean, single } from '../common/query-values';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { expectUuid } from '../ports/arg-values';
import type { RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';
import { nodeHistoryView } from './node-history.view';

/** The node event journal appeared in 1.78. */
const HISTORY_MIN_MINOR = 78;

/** `GET /v1/nodes/{node}/history[/{uuid}]`: the node's event journal, oldest first. */
@Injectable()
export class NodeHistoryService {
  constructor(
    private readonly nodes: NodesService,
    private readonly history: NodeHistoryRepository,
  ) {}

  async list(ident: string, raw: RawQuery, context: RequestContext): Promise<{ history: Record<string, unknown>[]; next?: string }> {
    if (context.minor < HISTORY_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, ['detail', 'marker', 'limit']);
    const detail = parseBoolean('detail', single(raw.detail)) ?? false;
    const rawMarker = single(raw.marker);
    const markerUuid = rawMarker === undefined ? undefined : expectUuid('marker', rawMarker);
    const node = await this.nodes.find(ident, context.minor);
    const marker = markerUuid === undefined ? undefined : await this.find(markerUuid);
    const limit = parseLimit(single(raw.limit));
    const entries = await this.history.listByNodeId(node.id, { limit, marker });
    const body: { history: Record<string, unknown>[]; next?: string } = {
      history: entries.map((entry) => nodeHistoryView(entry, context.baseUrl, node.uuid, detail)),
    };
    // Ironic's own next link repeats `marker` and embeds the marker object; this one is usable.
    if (entries.length > 0 && entries.length === limit) {
      body.next = `${context.baseUrl}/v1/nodes/${ident}/history?${detail ? 'detail=True&' : ''}limit=${limit}&marker=${entries[entries.length - 1].uuid}`;
    }
    return body;
  }

  async show(ident: string, uuid: string, raw: RawQuery, context: RequestContext): Promise<Record<string, unknown>> {
    if (context.minor < HISTORY_MIN_MINOR) throw new NotFoundError();
    refuseUnexpected(raw, []);
    const node = await this.nodes.find(ident, context.minor);
    const entry = isUuid(uuid) ? await this.history.findByUuid(canonicalUuid(uuid)) : null;
    // Ironic finds an entry of any node here; an entry belongs to its node's journal only.
    if (!entry || entry.nodeId !== node.id) throw new NodeHistoryNotFoundError({ history: uuid });
    return nodeHistoryView(entry, context.baseUrl, node.uuid, true);
  }

  private async find(uuid: string): Promise<NodeHistoryEntity> {
    const entry = await this.history.findByUuid(uuid);
    if (!entry) throw new NodeHistoryNotFoundError({ history: uuid });
    return entry;
  }
}
