import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeEntity } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { nodeView } from './node.view';

// The real Ironic 2023.1's answers (tools/capture-ironic-fixtures.py) are the expected output.
const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));
const shown = (name: string) => exchanges[name].response.body as Record<string, unknown>;
const ironic = shown('node.show@1.82');
const baseUrl = 'http://127.0.0.1:6385';

/** The row behind Ironic's answer (masked values are masked again, which changes nothing). */
function entityFrom(body: Record<string, unknown>): NodeEntity {
  const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const node: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) node[camel(key)] = value;
  node.createdAt = new Date(body.created_at as string);
  node.updatedAt = body.updated_at ? new Date(body.updated_at as string) : null;
  return node as unknown as NodeEntity;
}

const node = entityFrom(ironic);
const context = (minor: number) => ({ node, baseUrl, minor, traits: ironic.traits as string[], chassisUuid: null, allocationUuid: null, conductor: 'localhost' });
// Timestamps are compared separately: Ironic prints microseconds we do not keep.
const withoutTimes = (view: Record<string, unknown>) => ({ ...view, created_at: undefined, updated_at: undefined });

describe('nodeView', () => {
  it.each(['1.1', '1.5', '1.40', '1.82'])('shows the fields Ironic shows at %s, in the same order and with the same values', (version) => {
    const minor = Number(version.split('.')[1]);
    const expected = shown(`node.show@${version}`);
    const ours = nodeView(context(minor));
    expect(Object.keys(ours)).toEqual(Object.keys(expected));
    expect(withoutTimes(ours)).toEqual(withoutTimes(expected));
  });

  it('adds parent_node at 1.83, firmware_interface at 1.86 and service_step at 1.87, each in its alphabetical place', () => {
    const later = { ...node, parentNode: '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0001', firmwareInterface: 'no-firmware', serviceStep: {} } as NodeEntity;
    const keys = (minor: number) => Object.keys(nodeView({ ...context(minor), node: later }));
    const before = Object.keys(shown('node.show@1.82'));
    const inserted = (after: string, name: string, list: string[]) => [...list.slice(0, list.indexOf(after) + 1), name, ...list.slice(list.indexOf(after) + 1)];
    const at83 = inserted('owner', 'parent_node', before);
    const at86 = inserted('fault', 'firmware_interface', at83);
    expect(keys(83)).toEqual(at83);
    expect(keys(86)).toEqual(at86);
    expect(keys(87)).toEqual(inserted('secure_boot', 'service_step', at86));
    expect(nodeView({ ...context(87), node: later })).toMatchObject({ parent_node: later.parentNode, firmware_interface: 'no-firmware', service_step: {} });
  });

  it('masks secrets in driver_info and instance_info like Ironic', () => {
    const unmasked = { ...node, driverInfo: { ipmi_password: 'secret', fake_x: 'y', nested: { token: 't' } }, instanceInfo: { image_url: 'http://x/y.img', configdrive: 'abc', foo: 'bar' } };
    const view = nodeView({ ...context(82), node: unmasked as NodeEntity });
    expect(view.driver_info).toEqual(ironic.driver_info);
    expect(view.instance_info).toEqual(ironic.instance_info);
  });

  it('shows only the asked fields plus links, and the list form', () => {
    expect(Object.keys(nodeView(context(82), { fields: ['uuid', 'name', 'driver'] }))).toEqual(Object.keys(shown('node.show.fields')));
    const listItem = (exchanges['nodes.list'].response.body.nodes as Array<Record<string, unknown>>)[0];
    expect(Object.keys(nodeView(context(82), { listForm: true }))).toEqual(Object.keys(listItem));
    const oldListItem = (exchanges['nodes.list@1.1'].response.body.nodes as Array<Record<string, unknown>>)[0];
    expect(Object.keys(nodeView(context(1), { listForm: true }))).toEqual(Object.keys(oldListItem));
  });

  it('prints timestamps as Ironic does', () => {
    expect(ironicTimestamp(new Date('2026-11-21T10:33:53.983Z'))).toBe('2026-11-21T10:33:53.983000+00:00');
    expect(ironicTimestamp(new Date('2026-11-21T10:33:53.000Z'))).toBe('2026-11-21T10:33:53+00:00');
    expect(ironicTimestamp(null)).toBeNull();
  });
});
