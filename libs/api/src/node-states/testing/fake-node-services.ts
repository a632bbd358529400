import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeEntity } from '@slipway/db';
import { NodeNotFoundError } from '@slipway/errors';
import type { AnyRpcContract, RpcCallContract } from '@slipway/rpc';
import type { NodesService } from '../../nodes/nodes.service';
import type { NodeOwnerRpcService } from '../node-owner-rpc.service';

// Strict fakes of what the node sub-resource services use: the node lookup and the owner RPC.

export const NODE_UUID = 'c5fef79b-6420-4e8c-aa82-6e676c15b76d';

export function fakeNode(fields: Partial<NodeEntity> = {}): NodeEntity {
  return {
    id: 3, uuid: NODE_UUID, name: 'node-1', driver: 'fake-hardware', conductorGroup: '', powerState: null, targetPowerState: null, provisionState: 'enroll',
    targetProvisionState: null, provisionUpdatedAt: null, lastError: null, consoleEnabled: false, raidConfig: {}, targetRaidConfig: {}, bootMode: null,
    secureBoot: null, maintenance: false, reservation: null, ...fields,
  } as NodeEntity;
}

/** Finds only `node`, by uuid or name; any other ident is NodeNotFound, as the real service says. */
export function fakeNodes(node: NodeEntity): NodesService {
  return { find: async (ident: string) => (ident === node.uuid || ident === node.name ? node : Promise.reject(new NodeNotFoundError({ node: ident }))) } as unknown as NodesService;
}

/** Records each call to the owner; answers with the response planned for the contract, else fails. */
export class FakeOwner {
  readonly calls: Array<{ method: string; request: unknown }> = [];
  private readonly answers = new Map<string, unknown>();

  answer(contract: AnyRpcContract, response: unknown): this {
    this.answers.set(contract.name, response);
    return this;
  }

  asService(): NodeOwnerRpcService {
    return {
      call: async <Req, Res>(_node: unknown, contract: RpcCallContract<Req, Res>, request: Req): Promise<Res> => {
        this.calls.push({ method: contract.name, request });
        if (!this.answers.has(contract.name)) throw new Error(`unplanned RPC ${contract.name}`);
        const answer = this.answers.get(contract.name);
        if (answer instanceof Error) throw answer;
        return answer as Res;
      },
    } as NodeOwnerRpcService;
  }
}

interface Exchange {
  request: { path: string; version: string; body: unknown };
  response: { status: number; body: unknown };
}

/** An exchange answered by the real Ironic 2023.1 (test/fixtures), with its faultstring if any. */
export function ironicExchange(name: string): Exchange & { faultstring?: string; minor: number } {
  const all = JSON.parse(readFileSync(join(__dirname, '../../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8')) as Record<string, Exchange>;
  const exchange = all[name];
  const message = (exchange.response.body as { error_message?: string } | null)?.error_message;
  return { ...exchange, faultstring: message ? (JSON.parse(message) as { faultstring: string }).faultstring : undefined, minor: Number(exchange.request.version.split('.')[1]) };
}

/** The status and message an async call rejected with (or `resolved`). */
export async function outcome(promise: Promise<unknown>): Promise<{ status?: number; message?: string } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    const { httpStatus, message } = error as { httpStatus?: number; message?: string };
    return { status: httpStatus, message };
  }
}
