import type { NodeEntity, NodeRepository, PortEntity, PortRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { strictFake } from '@slipway/testing';
import { InspectionLookup } from './inspection-lookup';

const node = (id: number, fields: Partial<NodeEntity> = {}) =>
  ({ id, uuid: `00000000-0000-4000-8000-00000000000${id}`, provisionState: 'inspect wait', driverInfo: {}, driverInternalInfo: {}, ...fields }) as NodeEntity;

/** Nodes 1..n; `ports` maps a MAC to its node id. */
function lookup(rows: NodeEntity[], ports: Record<string, number> = {}) {
  const nodes = strictFake<NodeRepository>('nodes', {
    findByUuid: async (uuid: string) => rows.find((row) => row.uuid === uuid) ?? null,
    findById: async (id: number) => rows.find((row) => row.id === id) ?? null,
    listInProvisionState: async (state: string) => rows.filter((row) => row.provisionState === state),
  });
  const portRepository = strictFake<PortRepository>('ports', { findByAddress: async (mac: string) => (mac in ports ? ({ nodeId: ports[mac] } as PortEntity) : null) });
  return new InspectionLookup(nodes, portRepository);
}

const MAC = '52:54:00:00:00:01';
const keys = (fields: { nodeUuid?: string; macs?: string[]; bmcAddresses?: string[] }) => ({ macs: [], bmcAddresses: [], ...fields });
const miss = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(new NotFoundError());

describe('InspectionLookup', () => {
  it('finds the waiting node by the owner of its ports, by its BMC address, or by the uuid given', async () => {
    const rows = [node(1), node(2, { driverInfo: { redfish_address: 'https://10.0.0.2' } })];
    expect((await lookup(rows, { [MAC]: 1 }).find(keys({ macs: [MAC] }))).id).toBe(1);
    expect((await lookup(rows).find(keys({ bmcAddresses: ['10.0.0.2'] }))).id).toBe(2);
    expect((await lookup(rows).find(keys({ nodeUuid: rows[0].uuid }))).id).toBe(1);
    // MACs without ports fall back to the BMC address.
    expect((await lookup(rows).find(keys({ macs: [MAC], bmcAddresses: ['10.0.0.2'] }))).id).toBe(2);
    // Keys that agree are fine.
    expect((await lookup(rows, { [MAC]: 2 }).find(keys({ nodeUuid: rows[1].uuid, macs: [MAC], bmcAddresses: ['10.0.0.2'] }))).id).toBe(2);
  });

  it('answers the same bare 404 for a node that is not waiting, unknown or ambiguous keys, and keys that disagree', async () => {
    const rows = [node(1, { driverInfo: { ipmi_address: '10.0.0.1' } }), node(2, { driverInfo: { ipmi_address: '10.0.0.1' } }), node(3, { provisionState: 'manageable' })];
    await miss(lookup(rows, { [MAC]: 3 }).find(keys({ macs: [MAC] })));
    await miss(lookup(rows).find(keys({ nodeUuid: '00000000-0000-4000-8000-000000000009' })));
    await miss(lookup(rows).find(keys({ macs: [MAC] })));
    await miss(lookup(rows, { [MAC]: 1, '52:54:00:00:00:02': 2 }).find(keys({ macs: [MAC, '52:54:00:00:00:02'] })));
    await miss(lookup(rows).find(keys({ bmcAddresses: ['10.0.0.1'] })));
    await miss(lookup(rows, { [MAC]: 1 }).find(keys({ nodeUuid: rows[1].uuid, macs: [MAC] })));
    await miss(lookup([node(1), node(2, { driverInfo: { ipmi_address: '10.0.0.2' } })], { [MAC]: 1 }).find(keys({ macs: [MAC], bmcAddresses: ['10.0.0.2'] })));
  });
});
