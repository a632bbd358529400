import type { NodeEntity, NodeRepository, PortEntity, PortRepository } from '@slipway/db';
import { NotFoundError } from '@slipway/errors';
import { strictFake } from '@slipway/testing';
import type { NodeOwnerRpcService } from '../node-states/node-owner-rpc.service';
import type { NodesService } from '../nodes/nodes.service';
import { RamdiskService } from './ramdisk.service';

const UUID = '5ccb250d-aa4e-4c6e-9b91-f6e6354d8194';

function setup(node: Partial<NodeEntity>, ports: Record<string, number> = {}) {
  let row = { id: 7, uuid: UUID, provisionState: 'wait call-back', properties: { cpus: 2 }, instanceInfo: { image_url: 'http://i', configdrive: 'x' }, driverInternalInfo: {}, ...node } as NodeEntity;
  const rpcCalls: string[] = [];
  const nodes = strictFake<NodeRepository>('nodes', {
    findByUuid: async (uuid: string) => (uuid === UUID ? row : null),
    findById: async (id: number) => (id === row.id ? row : null),
  });
  const portRepository = strictFake<PortRepository>('ports', { findByAddress: async (mac: string) => (mac in ports ? ({ nodeId: ports[mac] } as PortEntity) : null) });
  const owner = strictFake<NodeOwnerRpcService>('owner', {
    call: (async (_node: unknown, contract: { name: string }) => {
      rpcCalls.push(contract.name);
      row = { ...row, driverInternalInfo: { ...row.driverInternalInfo, agent_secret_token: 'secret' } };
      return { token: 'secret' };
    }) as NodeOwnerRpcService['call'],
  });
  const service = new RamdiskService(nodes, portRepository, strictFake<NodesService>('nodeReads', {}), owner);
  return { service, rpcCalls };
}

const context = (minor: number) => ({ baseUrl: 'http://h', minor });

describe('RamdiskService.lookup', () => {
  it('finds a node by its ports, hands out a token and masks secrets in the node', async () => {
    const { service, rpcCalls } = setup({}, { '52:54:00:aa:bb:c1': 7 });
    const answer = await service.lookup({ addresses: '52:54:00:AA:BB:C1,not-a-mac' }, context(82));
    expect(rpcCalls).toEqual(['conductor.node.get-with-token']);
    expect(answer.node).toEqual({
      uuid: UUID,
      properties: { cpus: 2 },
      instance_info: { image_url: '******', configdrive: '******' },
      driver_internal_info: { agent_secret_token: '******' },
      links: [
        { href: `http://h/v1/nodes/${UUID}`, rel: 'self' },
        { href: `http://h/nodes/${UUID}`, rel: 'bookmark' },
      ],
    });
    expect(answer.config).toMatchObject({ agent_token: 'secret', agent_token_required: true, heartbeat_timeout: 300 });
  });

  it('never shows a stored token to a client older than 1.62', async () => {
    const { service, rpcCalls } = setup({ driverInternalInfo: { agent_secret_token: 'secret' } });
    expect((await service.lookup({ node_uuid: UUID }, context(61))).config.agent_token).toBe('******');
    expect((await setup({}).service.lookup({ node_uuid: UUID }, context(61))).config.agent_token).toBeNull();
    expect(rpcCalls).toEqual([]);
  });

  it('answers every miss alike: unknown node, ports of two nodes, a state without an agent, an old version', async () => {
    const notFound = async (service: RamdiskService, raw: Record<string, string>, minor = 82) => expect(service.lookup(raw, context(minor))).rejects.toThrow(new NotFoundError());
    await notFound(setup({}).service, { node_uuid: '00000000-0000-0000-0000-000000000000' });
    await notFound(setup({}, { '52:54:00:aa:bb:c1': 7, '52:54:00:aa:bb:c2': 8 }).service, { addresses: '52:54:00:aa:bb:c1,52:54:00:aa:bb:c2' });
    await notFound(setup({ provisionState: 'active' }).service, { node_uuid: UUID });
    await notFound(setup({}).service, { node_uuid: UUID }, 21);
    await expect(setup({}).service.lookup({ addresses: 'zz' }, context(82))).rejects.toThrow(/^At least one of 'addresses' and 'node_uuid' parameters is required$/);
  });
});
