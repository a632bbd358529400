import type { NodeHistoryEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';

export const HISTORY_FIELDS = ['uuid', 'created_at', 'severity', 'event'] as const;
export const HISTORY_DETAIL_FIELDS = ['uuid', 'created_at', 'severity', 'event_type', 'event', 'conductor', 'user'] as const;

/** A journal entry as Ironic shows it: the fields of the list or detail form, and a self link only. */
export function nodeHistoryView(entry: NodeHistoryEntity, baseUrl: string, nodeUuid: string, detail: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {
    uuid: entry.uuid,
    created_at: ironicTimestamp(entry.createdAt),
    severity: entry.severity,
    event_type: entry.eventType,
    event: entry.event,
    conductor: entry.conductor,
    user: entry.user,
  };
  const view: Record<string, unknown> = {};
  for (const name of detail ? HISTORY_DETAIL_FIELDS : HISTORY_FIELDS) view[name] = values[name];
  view.links = [{ href: `${baseUrl}/v1/nodes/${nodeUuid}/history/${entry.uuid}`, rel: 'self' }];
  return view;
}
