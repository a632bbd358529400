import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { VolumeTargetEntity, VolumeTargetSortKey } from '@slipway/db';
import { VolumeTargetRepository } from '@slipway/db';
import { OperationNotPermittedError, VolumeTargetNotFoundError } from '@slipway/errors';
import { volumeTargetDestroy, volumeTargetUpdate } from '@slipway/rpc';
import { applyPatch, parsePatch } from '../common/json-patch';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { NodesService, RequestContext } from '../nodes/nodes.service';
import { expectUuid } from '../ports/arg-values';
import type { RawQuery } from '../ports/collection-query';
import { requireVolumeApi } from './volume-api';
import { parseShowFields, parseVolumeListQuery, refuseUnexpected, volumeNextLink, VolumeListSpec } from './volume-list-query';
import { VolumeNodes } from './volume-nodes';
import { volumeTargetView, VOLUME_TARGET_FIELDS } from './volume-target.view';
import { checkVolumePatch, schemaKeysOf, TARGET_PATCHABLE_FIELDS, TargetFields, validateTarget } from './volume-write.validation';

const LIST: VolumeListSpec<VolumeTargetSortKey> = {
  fieldNames: VOLUME_TARGET_FIELDS,
  defaultFields: ['uuid', 'node_uuid', 'volume_type', 'boot_index', 'volume_id'],
  sortColumns: {
    id: 'id', uuid: 'uuid', node_id: 'nodeId', volume_type: 'volumeType', volume_id: 'volumeId', boot_index: 'bootIndex', created_at: 'createdAt', updated_at: 'updatedAt',
  },
  unsortable: ['extra', 'properties'],
};

type TargetChanges = Partial<Pick<TargetFields, 'bootIndex' | 'volumeId' | 'volumeType' | 'properties' | 'extra'>>;

/**
 * `/v1/volume/targets` and a node's `/v1/nodes/{node}/volume/targets` (`parent`): reads and
 * creates here, as Ironic does; updates and deletes by the node's conductor under its lock. Below
 * a node only lists are allowed (Ironic's OperationNotPermitted otherwise).
 */
@Injectable()
export class VolumeTargetsService {
  constructor(
    private readonly targets: VolumeTargetRepository,
    private readonly nodes: NodesService,
    private readonly volumeNodes: VolumeNodes,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async list(raw: RawQuery, context: RequestContext, parent?: string): Promise<{ targets: Record<string, unknown>[]; next?: string }> {
    requireVolumeApi(context.minor);
    const query = parseVolumeListQuery(raw, LIST);
    const marker = query.marker === undefined ? undefined : await this.find(query.marker);
    const nodeIdent = parent ?? query.node;
    const node = nodeIdent === undefined ? undefined : await this.nodes.find(nodeIdent, context.minor);
    const rows = await this.targets.list({ nodeId: node?.id }, { sortKey: query.sortKey, sortDir: query.sortDir, limit: query.limit, marker });
    const body: { targets: Record<string, unknown>[]; next?: string } = { targets: rows.map((row) => volumeTargetView(row, context.baseUrl, query.fields)) };
    if (rows.length > 0 && rows.length === query.limit) {
      const resource = parent === undefined ? 'volume/targets' : `nodes/${parent}/volume/targets`;
      body.next = volumeNextLink(context.baseUrl, resource, query, rows[rows.length - 1].uuid);
    }
    return body;
  }

  async show(ident: string, raw: RawQuery, context: RequestContext, parent?: string): Promise<Record<string, unknown>> {
    requireVolumeApi(context.minor);
    refuseUnexpected(raw, ['fields']);
    const target = await this.find(expectUuid('target_uuid', ident));
    if (parent !== undefined) throw new OperationNotPermittedError();
    const fields = parseShowFields(typeof raw.fields === 'string' ? raw.fields : undefined, VOLUME_TARGET_FIELDS);
    return volumeTargetView(target, context.baseUrl, fields);
  }

  async create(body: unknown, context: RequestContext, parent?: string): Promise<{ uuid: string; view: Record<string, unknown> }> {
    requireVolumeApi(context.minor);
    const fields = validateTarget(body);
    const node = await this.volumeNodes.forCreate(fields.nodeUuid);
    if (parent !== undefined) throw new OperationNotPermittedError();
    const created = await this.targets.insert({
      uuid: fields.uuid ?? randomUUID(),
      nodeId: node.id,
      bootIndex: fields.bootIndex,
      volumeId: fields.volumeId,
      volumeType: fields.volumeType,
      properties: fields.properties,
      extra: fields.extra,
    });
    return { uuid: created.uuid, view: volumeTargetView(created, context.baseUrl) };
  }

  async update(ident: string, body: unknown, context: RequestContext, parent?: string): Promise<Record<string, unknown>> {
    requireVolumeApi(context.minor);
    const target = await this.find(expectUuid('target_uuid', ident));
    if (parent !== undefined) throw new OperationNotPermittedError();
    const operations = parsePatch(body);
    checkVolumePatch(operations, TARGET_PATCHABLE_FIELDS);
    const before = {
      uuid: target.uuid,
      boot_index: target.bootIndex,
      extra: target.extra,
      node_uuid: target.node?.uuid,
      properties: target.properties,
      volume_id: target.volumeId,
      volume_type: target.volumeType,
    };
    const after = validateTarget(schemaKeysOf(applyPatch(before, operations), Object.keys(before)), 'patch');
    const node = await this.volumeNodes.forPatch(after.nodeUuid);
    const changes: TargetChanges = {};
    if (after.bootIndex !== target.bootIndex) changes.bootIndex = after.bootIndex;
    if (after.volumeId !== target.volumeId) changes.volumeId = after.volumeId;
    if (after.volumeType !== target.volumeType) changes.volumeType = after.volumeType;
    if (JSON.stringify(after.properties) !== JSON.stringify(target.properties)) changes.properties = after.properties;
    if (JSON.stringify(after.extra) !== JSON.stringify(target.extra)) changes.extra = after.extra;
    await this.owner.call(node, volumeTargetUpdate, { targetUuid: target.uuid, nodeUuid: node.uuid, changes });
    return volumeTargetView(await this.find(target.uuid), context.baseUrl);
  }

  async delete(ident: string, context: RequestContext, parent?: string): Promise<void> {
    requireVolumeApi(context.minor);
    const target = await this.find(expectUuid('target_uuid', ident));
    if (parent !== undefined) throw new OperationNotPermittedError();
    const node = await this.nodes.find(target.node?.uuid as string, context.minor);
    await this.owner.call(node, volumeTargetDestroy, { targetUuid: target.uuid, nodeUuid: node.uuid });
  }

  private async find(uuid: string): Promise<VolumeTargetEntity> {
    const target = await this.targets.findByUuid(uuid);
    if (!target) throw new VolumeTargetNotFoundError({ target: uuid });
    return target;
  }
}
