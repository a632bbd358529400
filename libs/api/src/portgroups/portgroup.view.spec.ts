import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortgroupEntity } from '@slipway/db';
import { portgroupView } from './portgroup.view';

// The real Ironic 2023.1's answer (tools/capture-ironic-fixtures.py) is the expected output.
const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));
const created = exchanges['portgroup.create'].response.body as Record<string, unknown>;

const portgroup = {
  uuid: created.uuid,
  createdAt: new Date('2026-11-21T12:39:42.613Z'),
  updatedAt: null,
  address: created.address,
  extra: {},
  internalInfo: {},
  mode: 'active-backup',
  name: 'cap-pg',
  properties: {},
  standalonePortsSupported: true,
  node: { uuid: created.node_uuid },
} as unknown as PortgroupEntity;
const context = { portgroup, baseUrl: 'http://127.0.0.1:6385' };

describe('portgroupView', () => {
  it('shows a portgroup exactly as Ironic does: fields, order, values, links', () => {
    const ours = portgroupView(context, 82);
    expect(Object.keys(ours)).toEqual(Object.keys(created));
    // Ironic keeps microseconds we do not; the rest is identical.
    expect({ ...ours, created_at: undefined }).toEqual({ ...created, created_at: undefined });
  });

  it('shows the list form and the fields asked for, in the representation order', () => {
    expect(Object.keys(portgroupView(context, 82, ['uuid', 'address', 'name']))).toEqual(['uuid', 'address', 'name', 'links']);
    expect(Object.keys(portgroupView(context, 82, ['ports', 'mode']))).toEqual(['mode', 'links', 'ports']);
  });

  it('shows mode and properties before 1.26, as Ironic does', () => {
    expect(portgroupView(context, 23)).toMatchObject({ mode: 'active-backup', properties: {} });
  });
});
