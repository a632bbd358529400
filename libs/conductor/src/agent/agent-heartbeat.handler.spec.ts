import type { NodeEntity, NodeRepository } from '@slipway/db';
import { InvalidParameterValueError, NodeLockedError, NodeNotFoundError } from '@slipway/errors';
import { strict } from '../management/testing/fake-node-tasks';
import type { LockOptions, NodeLock, NodeLockService } from '../locks/node-lock.service';
import { AgentHeartbeatHandler, pythonUtcIsoformat } from './agent-heartbeat.handler';
import { isAgentTokenValid } from './agent-token';

const NODE = '1be26c0b-03f2-4d2d-ae87-c02d7f33c123';
const NOW = new Date('2026-11-21T13:00:50.811Z');

function setup(initial: Partial<NodeEntity>, options: { lockedBy?: string } = {}) {
  let node = { id: 7, uuid: NODE, provisionState: 'wait call-back', driverInternalInfo: {}, ...initial } as NodeEntity;
  const lockCalls: Array<{ purpose: string; options?: LockOptions }> = [];
  const nodes = strict<NodeRepository>('nodes', {
    findByUuid: async (uuid: string) => (uuid === NODE ? structuredClone(node) : null),
    update: async (_id: number, changes: Partial<NodeEntity>) => {
      node = { ...node, ...changes };
      return node;
    },
  });
  const locks = strict<NodeLockService>('locks', {
    withLock: async <T>(uuid: string, purpose: string, work: (lock: NodeLock) => Promise<T>, lockOptions?: LockOptions) => {
      lockCalls.push({ purpose, options: lockOptions });
      if (options.lockedBy) throw new NodeLockedError({ node: uuid, host: options.lockedBy });
      return work({ node: structuredClone(node), purpose, release: async () => {} });
    },
  });
  const handler = new AgentHeartbeatHandler(nodes, locks, { now: () => NOW });
  return { handler, lockCalls, node: () => node };
}

const beat = (token: string, extra: Record<string, unknown> = {}) => ({ uuid: NODE, callbackUrl: 'http://10.0.0.5:9999', agentToken: token, agentVersion: '9.5.0', ...extra });

describe('AgentHeartbeatHandler', () => {
  it('generates a token once under the lock; later requests get it masked', async () => {
    const { handler, node, lockCalls } = setup({ driverInternalInfo: { deploy_steps: [] } });
    const { token } = await handler.getWithToken({ uuid: NODE });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(node().driverInternalInfo).toEqual({ deploy_steps: [], agent_secret_token: token });
    expect(await handler.getWithToken({ uuid: NODE })).toEqual({ token: '******' });
    expect(lockCalls.map((call) => call.purpose)).toEqual(['generate_token']);
    await expect(handler.getWithToken({ uuid: '00000000-0000-0000-0000-000000000000' })).rejects.toBeInstanceOf(NodeNotFoundError);
  });

  it('records a heartbeat with the right token, taking the lock without retries', async () => {
    const { handler, node, lockCalls } = setup({ driverInternalInfo: { agent_secret_token: 'tok' } });
    await handler.heartbeat(beat('tok', { agentVerifyCa: 'PEM', agentStatus: 'start', agentStatusMessage: 'booted' }));
    expect(node().driverInternalInfo).toEqual({
      agent_secret_token: 'tok',
      agent_url: 'http://10.0.0.5:9999',
      agent_version: '9.5.0',
      agent_last_heartbeat: '2026-11-21T13:00:50.811000',
      agent_verify_ca: 'PEM',
      agent_status: 'start',
      agent_status_message: 'booted',
    });
    expect(lockCalls).toEqual([{ purpose: 'heartbeat', options: { attempts: 1 } }]);
  });

  it('refuses a wrong or missing token and a missing agent version, with Ironic messages', async () => {
    const { handler, node } = setup({ driverInternalInfo: { agent_secret_token: 'tok' } });
    await expect(handler.heartbeat(beat('wrong'))).rejects.toThrow(new InvalidParameterValueError('Invalid or missing agent token received.'));
    await expect(handler.heartbeat({ uuid: NODE, callbackUrl: 'http://x', agentToken: 'tok' })).rejects.toThrow(/Agent did not transmit a version/);
    const tokenless = setup({});
    await expect(tokenless.handler.heartbeat(beat('anything'))).rejects.toThrow('Invalid or missing agent token received.');
    expect(node().driverInternalInfo).toEqual({ agent_secret_token: 'tok' });
  });

  it('ignores a heartbeat in a state that takes none, and fails fast on a locked node', async () => {
    const idle = setup({ provisionState: 'active', driverInternalInfo: { agent_secret_token: 'tok' } });
    await expect(idle.handler.heartbeat(beat('tok'))).resolves.toEqual({});
    expect(idle.lockCalls).toEqual([]);
    expect(idle.node().driverInternalInfo).toEqual({ agent_secret_token: 'tok' });
    const busy = setup({ driverInternalInfo: { agent_secret_token: 'tok' } }, { lockedBy: 'c2' });
    await expect(busy.handler.heartbeat(beat('tok'))).rejects.toBeInstanceOf(NodeLockedError);
  });

  it('compares tokens exactly and writes timestamps like Python', () => {
    expect(isAgentTokenValid({ agent_secret_token: 'abc' }, 'abc')).toBe(true);
    expect(isAgentTokenValid({ agent_secret_token: 'abc' }, 'abcd')).toBe(false);
    expect(isAgentTokenValid({}, '')).toBe(false);
    expect(pythonUtcIsoformat(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05');
  });
});
