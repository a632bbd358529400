import type { NodeEntity } from '@slipway/db';
import { nodeView } from '../nodes/node.view';
import type { RequestContext } from '../nodes/nodes.service';
import { lookupConfig } from './lookup-config';

/** The node fields a ramdisk gets back from a lookup (secrets masked as everywhere). */
const LOOKUP_FIELDS = ['uuid', 'properties', 'instance_info', 'driver_internal_info'];

/** Ironic's answer to a ramdisk that found its node (lookup, continue_inspection from 1.84). */
export function lookupAnswer(node: NodeEntity, token: string | null, context: RequestContext): { node: Record<string, unknown>; config: Record<string, unknown> } {
  const view = nodeView({ node, baseUrl: context.baseUrl, minor: context.minor, traits: [], conductor: null, chassisUuid: null, allocationUuid: null }, { fields: LOOKUP_FIELDS });
  return { node: view, config: lookupConfig(token) };
}
