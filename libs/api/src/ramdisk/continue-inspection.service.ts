import { Injectable } from '@nestjs/common';
import { NodeRepository } from '@slipway/db';
import { InvalidError, NotFoundError } from '@slipway/errors';
import { nodeContinueInspection, nodeGetWithToken } from '@slipway/rpc';
import { single } from '../common/query-values';
import { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import type { RequestContext } from '../nodes/nodes.service';
import { expectUuid } from '../ports/arg-values';
import type { RawQuery } from '../ports/collection-query';
import { refuseUnexpected } from '../volume/volume-list-query';
import { parseInspectionData } from './inspection-data';
import { InspectionLookup } from './inspection-lookup';
import { lookupAnswer } from './lookup-answer';

/** The endpoint came with 1.84; 1.1 (no version header) takes it too, as ironic-inspector's drop-in. */
const MINOR_CONTINUE_INSPECTION = 84;

/**
 * `POST /v1/continue_inspection`, the inspection ramdisk's callback: finds the node waiting for
 * inspection data and hands the data to the conductor that owns it. From 1.84 the ramdisk gets
 * a lookup answer with its agent token (created before the data is processed, which takes the
 * node lock); at 1.1 it gets ironic-inspector's `{uuid}`.
 */
@Injectable()
export class ContinueInspectionService {
  constructor(
    private readonly lookup: InspectionLookup,
    private readonly nodes: NodeRepository,
    private readonly owner: NodeOwnerRpcService,
  ) {}

  async continueInspection(body: unknown, raw: RawQuery, context: RequestContext): Promise<Record<string, unknown>> {
    refuseUnexpected(raw, ['node_uuid']);
    const data = parseInspectionData(body);
    const nodeUuid = raw.node_uuid === undefined ? undefined : expectUuid('node_uuid', single(raw.node_uuid));
    const current = context.minor >= MINOR_CONTINUE_INSPECTION;
    if (!(current || context.minor === 1) || (nodeUuid !== undefined && !current)) {
      throw new NotFoundError(`API version 1.${MINOR_CONTINUE_INSPECTION} or newer is required`);
    }
    if (!data.macs.length && !data.bmcAddresses.length && nodeUuid === undefined) throw new InvalidError('No lookup information provided');
    let node = await this.lookup.find({ nodeUuid, macs: data.macs, bmcAddresses: data.bmcAddresses });
    let token: string | null = null;
    if (current) {
      token = (await this.owner.call(node, nodeGetWithToken, { uuid: node.uuid })).token;
      node = (await this.nodes.findByUuid(node.uuid)) ?? node;
    }
    await this.owner.call(node, nodeContinueInspection, { uuid: node.uuid, inventory: data.inventory, pluginData: data.pluginData });
    return current ? lookupAnswer(node, token, context) : { uuid: node.uuid };
  }
}
