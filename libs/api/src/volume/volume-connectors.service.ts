import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { VolumeConnectorEntity, VolumeConnectorSortKey } from '@slipway/db';
import { VolumeConnectorRepository } from '@slipway/db';
import { OperationNotPermittedError, VolumeConnectorNotFoundError } from '@slipway/errors';
import { volumeConnectorDestroy, volumeConnectorUpdate } from '@slipway/rpc';
import { applyPatch, parsePatch } from '../common/json-patch';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { expectUuid } from '../ports/arg-values';
import type { RawQuery } from '../ports/collection-query';
import { requireVolumeApi } from './volume-api';
import { volumeConnectorView, VOLUME_CONNECTOR_FIELDS } from './volume-connector.view';
import { parseShowFields, parseVolumeListQuery, refuseUnexpected, volumeNextLink, VolumeListSpec } from './volume-list-query';
import { VolumeNodes } from './volume-nodes';
import { checkVolumePatch, CONNECTOR_PATCHABLE_FIELDS, schemaKeysOf, validateConnector } from './volume-write.validation';

const LIST: VolumeListSpec<VolumeConnectorSortKey> = {
  fieldNames: VOLUME_CONNECTOR_FIELDS,
  defaultFields: ['uuid', 'node_uuid', 'type', 'connector_id'],
  sortColumns: { id: 'id', uuid: 'uuid', node_id: 'nodeId', type: 'type', connector_id: 'connectorId', created_at: 'createdAt', updated_at: 'updatedAt' },
  unsortable: ['extra'],
};

/**
 * `/v1/volume/connectors` and a node's `/v1/nodes/{node}/volume/connectors` (`parent`): reads and
 * creates here, as Ironic does; updates and deletes by the node's conductor under its lock. Below
 * a node only lists are allowed (Ironic's OperationNotPermitted otherwise).
 */
@Injectable()
export class VolumeConnectorsService {
  constructor(
    private readonly connectors: VolumeConnectorRepository,
    private readonly nodes: NodesService,
    private readonly volumeNodes: VolumeNodes,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async list(raw: RawQuery, context: RequestContext, parent?: string): Promise<{ connectors: Record<string, unknown>[]; next?: string }> {
    requireVolumeApi(context.minor);
    const query = parseVolumeListQuery(raw, LIST);
    const marker = query.marker === undefined ? undefined : await this.find(query.marker);
    const nodeIdent = parent ?? query.node;
    const node = nodeIdent === undefined ? undefined : await this.nodes.find(nodeIdent, context.minor);
    const rows = await this.connectors.list({ nodeId: node?.id }, { sortKey: query.sortKey, sortDir: query.sortDir, limit: query.limit, marker });
    const body: { connectors: Record<string, unknown>[]; next?: string } = { connectors: rows.map((row) => volumeConnectorView(row, context.baseUrl, query.fields)) };
    if (rows.length > 0 && rows.length === query.limit) {
      const resource = parent === undefined ? 'volume/connectors' : `nodes/${parent}/volume/connectors`;
      body.next = volumeNextLink(context.baseUrl, resource, query, rows[rows.length - 1].uuid);
    }
    return body;
  }

  async show(ident: string, raw: RawQuery, context: RequestContext, parent?: string): Promise<Record<string, unknown>> {
    requireVolumeApi(context.minor);
    refuseUnexpected(raw, ['fields']);
    const connector = await this.find(expectUuid('connector_uuid', ident));
    if (parent !== undefined) throw new OperationNotPermittedError();
    const fields = parseShowFields(typeof raw.fields === 'string' ? raw.fields : undefined, VOLUME_CONNECTOR_FIELDS);
    return volumeConnectorView(connector, context.baseUrl, fields);
  }

  async create(body: unknown, context: RequestContext, parent?: string): Promise<{ uuid: string; view: Record<string, unknown> }> {
    requireVolumeApi(context.minor);
    const fields = validateConnector(body);
    const node = await this.volumeNodes.forCreate(fields.nodeUuid);
    if (parent !== undefined) throw new OperationNotPermittedError();
    const created = await this.connectors.insert({ uuid: fields.uuid ?? randomUUID(), nodeId: node.id, type: fields.type, connectorId: fields.connectorId, extra: fields.extra });
    return { uuid: created.uuid, view: volumeConnectorView(created, context.baseUrl) };
  }

  async update(ident: string, body: unknown, context: RequestContext, parent?: string): Promise<Record<string, unknown>> {
    requireVolumeApi(context.minor);
    const connector = await this.find(expectUuid('connector_uuid', ident));
    if (parent !== undefined) throw new OperationNotPermittedError();
    const operations = parsePatch(body);
    checkVolumePatch(operations, CONNECTOR_PATCHABLE_FIELDS);
    const before = { uuid: connector.uuid, connector_id: connector.connectorId, extra: connector.extra, node_uuid: connector.node?.uuid, type: connector.type };
    const after = validateConnector(schemaKeysOf(applyPatch(before, operations), Object.keys(before)), 'patch');
    const node = await this.volumeNodes.forPatch(after.nodeUuid);
    const changes: { type?: string; connectorId?: string; extra?: Record<string, unknown> } = {};
    if (after.type !== connector.type) changes.type = after.type;
    if (after.connectorId !== connector.connectorId) changes.connectorId = after.connectorId;
    if (JSON.stringify(after.extra) !== JSON.stringify(connector.extra)) changes.extra = after.extra;
    await this.owner.call(node, volumeConnectorUpdate, { connectorUuid: connector.uuid, nodeUuid: node.uuid, changes });
    return volumeConnectorView(await this.find(connector.uuid), context.baseUrl);
  }

  async delete(ident: string, context: RequestContext, parent?: string): Promise<void> {
    requireVolumeApi(context.minor);
    const connector = await this.find(expectUuid('connector_uuid', ident));
    if (parent !== undefined) throw new OperationNotPermittedError();
    const node = await this.nodes.find(connector.node?.uuid as string, context.minor);
    await this.owner.call(node, volumeConnectorDestroy, { connectorUuid: connector.uuid, nodeUuid: node.uuid });
  }

  private async find(uuid: string): Promise<VolumeConnectorEntity> {
    const connector = await this.connectors.findByUuid(uuid);
    if (!connector) throw new VolumeConnectorNotFoundError({ connector: uuid });
    return connector;
  }
}
