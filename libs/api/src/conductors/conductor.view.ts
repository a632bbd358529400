import type { ConductorDetail } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { selectFields } from './field-selection';

/** What `GET /v1/conductors` shows without `detail` or `fields`. */
export const CONDUCTOR_LIST_FIELDS: readonly string[] = ['hostname', 'conductor_group', 'alive'];

/**
 * A conductor as Ironic shows it: every field in Ironic's order, or only `fields` (and links).
 * `alive` is the database's judgement (online and a heartbeat within the timeout).
 */
export function conductorView(conductor: ConductorDetail, baseUrl: string, fields?: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    created_at: ironicTimestamp(conductor.createdAt),
    updated_at: ironicTimestamp(conductor.updatedAt),
    hostname: conductor.hostname,
    conductor_group: conductor.conductorGroup,
    drivers: conductor.drivers,
    links: resourceLinks(baseUrl, `conductors/${conductor.hostname}`),
    alive: conductor.alive,
  };
  return selectFields(view, fields);
}
