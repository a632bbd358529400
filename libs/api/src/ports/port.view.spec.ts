import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortEntity } from '@slipway/db';
import { portView } from './port.view';

// The real Ironic 2023.1's answers (tools/capture-ironic-fixtures.py) are the expected output.
const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));
const created = exchanges['port.create'].response.body as Record<string, unknown>;
const listed = (exchanges['ports.list'].response.body.ports as Array<Record<string, unknown>>)[0];
const baseUrl = 'http://127.0.0.1:6385';

const port = {
  uuid: created.uuid,
  createdAt: new Date(created.created_at as string),
  updatedAt: null,
  address: created.address,
  extra: {},
  internalInfo: {},
  isSmartnic: false,
  localLinkConnection: {},
  physicalNetwork: null,
  pxeEnabled: true,
  node: { uuid: created.node_uuid },
  portgroup: null,
} as unknown as PortEntity;
const context = { port, baseUrl };

describe('portView', () => {
  it("shows a port at 1.82 exactly as Ironic does: fields, order, values, links", () => {
    expect(portView(context, 82)).toEqual(created);
    expect(Object.keys(portView(context, 82))).toEqual(Object.keys(created));
  });

  it("shows the list form with Ironic's default fields, links last", () => {
    expect(portView(context, 82, ['uuid', 'address'])).toEqual(listed);
    // `fields` keeps the representation's order, as Ironic's sanitising does.
    expect(Object.keys(portView(context, 82, ['address', 'uuid']))).toEqual(['uuid', 'address', 'links']);
  });

  it('hides fields newer than the request', () => {
    const keys = (minor: number) => Object.keys(portView(context, minor));
    expect(keys(1)).toEqual(['uuid', 'created_at', 'updated_at', 'address', 'extra', 'node_uuid', 'links']);
    expect(keys(18)).toContain('internal_info');
    expect(keys(18)).not.toContain('pxe_enabled');
    expect(keys(19)).toEqual(expect.arrayContaining(['pxe_enabled', 'local_link_connection']));
    expect(keys(23)).not.toContain('portgroup_uuid');
    expect(keys(24)).toContain('portgroup_uuid');
    expect(keys(33)).not.toContain('physical_network');
    expect(keys(52)).not.toContain('is_smartnic');
    expect(keys(53)).toHaveLength(13);
  });

  it('shows the uuid of the portgroup the port belongs to', () => {
    const member = { ...port, portgroup: { id: 3, uuid: '56e5c90a-2f6b-4634-a1d0-aaa053968c98' } } as PortEntity;
    expect(portView({ port: member, baseUrl }, 82).portgroup_uuid).toBe('56e5c90a-2f6b-4634-a1d0-aaa053968c98');
  });
});
