import type { ChassisEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { field, renderResource, ResourceField } from '../ports/resource-fields';

export interface ChassisViewContext {
  chassis: ChassisEntity;
  baseUrl: string;
}

/**
 * A chassis' fields in Ironic 2023.1's order. Its `nodes` is the pair of links wrapped in one more
 * list: Ironic builds a tuple there by accident, and clients have long read it that way.
 */
export const CHASSIS_FIELDS: readonly ResourceField<ChassisViewContext>[] = [
  field('uuid', (c) => c.chassis.uuid),
  field('created_at', (c) => ironicTimestamp(c.chassis.createdAt)),
  field('updated_at', (c) => ironicTimestamp(c.chassis.updatedAt)),
  field('description', (c) => c.chassis.description ?? null),
  field('extra', (c) => c.chassis.extra ?? {}),
  field('links', (c) => resourceLinks(c.baseUrl, `chassis/${c.chassis.uuid}`)),
  field('nodes', (c) => [resourceLinks(c.baseUrl, `chassis/${c.chassis.uuid}/nodes`)]),
];

export const CHASSIS_LIST_FIELDS = ['uuid', 'description'] as const;

export function chassisView(context: ChassisViewContext, minor: number, fields?: readonly string[]): Record<string, unknown> {
  return renderResource(CHASSIS_FIELDS, context, minor, fields);
}
