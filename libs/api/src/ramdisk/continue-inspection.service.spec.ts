import type { NodeEntity, NodeRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { strictFake } from '@slipway/testing';
import type { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import { ContinueInspectionService } from './continue-inspection.service';
import type { InspectionLookup, InspectionLookupKeys } from './inspection-lookup';

const UUID = '5ccb250d-aa4e-4c6e-9b91-f6e6354d8194';
const BODY = { inventory: { interfaces: [{ mac_address: '52:54:00:AA:BB:C1' }], bmc_address: '10.0.0.9' }, logs: 'abc' };

function setup() {
  let row = { id: 7, uuid: UUID, provisionState: 'inspect wait', properties: {}, instanceInfo: {}, driverInternalInfo: {} } as unknown as NodeEntity;
  const lookups: InspectionLookupKeys[] = [];
  const calls: Array<{ name: string; request: unknown }> = [];
  const lookup = strictFake<InspectionLookup>('lookup', { find: async (keys: InspectionLookupKeys) => (lookups.push(keys), row) });
  const nodes = strictFake<NodeRepository>('nodes', { findByUuid: async () => row });
  const owner = strictFake<NodeOwnerRpcService>('owner', {
    call: (async (_node: unknown, contract: { name: string }, request: unknown) => {
      calls.push({ name: contract.name, request });
      if (contract.name !== 'conductor.node.get-with-token') return {};
      row = { ...row, driverInternalInfo: { agent_secret_token: 'secret' } };
      return { token: 'secret' };
    }) as NodeOwnerRpcService['call'],
  });
  return { service: new ContinueInspectionService(lookup, nodes, owner), lookups, calls };
}

const context = (minor: number) => ({ baseUrl: 'http://h', minor });

describe('ContinueInspectionService', () => {
  it('at 1.84 hands out the agent token first, then the data, and answers like a lookup', async () => {
    const { service, lookups, calls } = setup();
    const answer = await service.continueInspection(BODY, {}, context(84));
    expect(lookups).toEqual([{ nodeUuid: undefined, macs: ['52:54:00:aa:bb:c1'], bmcAddresses: ['10.0.0.9'] }]);
    expect(calls).toEqual([
      { name: 'conductor.node.get-with-token', request: { uuid: UUID } },
      { name: 'conductor.node.continue-inspection', request: { uuid: UUID, inventory: BODY.inventory, pluginData: { logs: 'abc' } } },
    ]);
    expect(answer).toMatchObject({ node: { uuid: UUID, driver_internal_info: { agent_secret_token: '******' } }, config: { agent_token: 'secret', agent_token_required: true } });
  });

  it("at 1.1 (ironic-inspector's drop-in) answers {uuid} and hands out no token", async () => {
    const { service, calls } = setup();
    expect(await service.continueInspection(BODY, {}, context(1))).toEqual({ uuid: UUID });
    expect(calls.map((call) => call.name)).toEqual(['conductor.node.continue-inspection']);
  });

  it('takes the node uuid from 1.84 only; other versions get 404 after the body is checked', async () => {
    const { service, lookups } = setup();
    await service.continueInspection(BODY, { node_uuid: UUID.toUpperCase() }, context(87));
    expect(lookups[0].nodeUuid).toBe(UUID);
    const tooOld = new NotFoundError('API version 1.84 or newer is required');
    await expect(service.continueInspection(BODY, { node_uuid: UUID }, context(1))).rejects.toThrow(tooOld);
    await expect(service.continueInspection(BODY, {}, context(83))).rejects.toThrow(tooOld);
    await expect(service.continueInspection({}, {}, context(83))).rejects.toThrow("Schema error for data: 'inventory' is a required property");
    await expect(service.continueInspection(BODY, { node_uuid: 'x' }, context(84))).rejects.toThrow('Expected UUID for node_uuid: x');
    await expect(service.continueInspection(BODY, { other: 'x' }, context(84))).rejects.toThrow('Unexpected arguments: other');
  });

  it('refuses a body with nothing to look the node up with', async () => {
    const { service } = setup();
    await expect(service.continueInspection({ inventory: { interfaces: [{ mac_address: 'junk' }] } }, {}, context(84))).rejects.toThrow('No lookup information provided');
  });
});
