import type { NodeHistoryEntity } from '@slipway/db';
import { nodeHistoryView } from './node-history.view';

const entry = {
  uuid: '11111111-2222-3333-4444-555555555555',
  createdAt: new Date('2026-11-21T13:01:27.969Z'),
  severity: 'ERROR',
  eventType: 'provisioning',
  event: 'Something failed',
  conductor: 'c1',
  user: null,
} as NodeHistoryEntity;

describe('nodeHistoryView', () => {
  it("shows Ironic's list and detail forms with a self link only", () => {
    const links = [{ href: 'http://h/v1/nodes/n-uuid/history/11111111-2222-3333-4444-555555555555', rel: 'self' }];
    expect(nodeHistoryView(entry, 'http://h', 'n-uuid', false)).toEqual({ uuid: entry.uuid, created_at: '2026-11-21T13:01:27.969000+00:00', severity: 'ERROR', event: 'Something failed', links });
    expect(Object.keys(nodeHistoryView(entry, 'http://h', 'n-uuid', true))).toEqual(['uuid', 'created_at', 'severity', 'event_type', 'event', 'conductor', 'user', 'links']);
  });
});
