import { newDriverNode, type DriverTask, type PeriodicContext } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import { AwaitedWork, STILL_WAITING, WORK_DONE, workFailed, type AwaitedCheck } from './awaited-work';

const START = Date.parse('2030-01-01T00:00:00Z');

describe('AwaitedWork', () => {
  let now: number;
  const work = () => new AwaitedWork<{ volumes: string[] }>('test_awaited', 'raid', 'RAID configuration', { stepTimeoutSeconds: 60, now: () => now });
  const task = (provisionState = 'cleaning'): DriverTask => ({
    node: newDriverNode({ uuid: 'n1', driver: 'redfish', provisionState, cleanStep: { interface: 'raid', step: 'create_configuration' } }),
    shared: false,
    ports: [],
    driver: {} as DriverTask['driver'],
    log: getLogger('awaited-work-test'),
  });
  /** One periodic run over `visited`: what resumeSteps was called with. */
  async function poll(awaited: AwaitedWork<{ volumes: string[] }>, visited: DriverTask, check: () => Promise<AwaitedCheck>): Promise<Array<string | undefined>> {
    const resumed: Array<string | undefined> = [];
    const context: PeriodicContext = {
      signal: new AbortController().signal,
      hostname: 'c1',
      forEachNode: async (visit, options) => (options?.provisionStates?.includes(visited.node.provisionState) ? (await visit(visited), 1) : 0),
      resumeSteps: (_task, error) => void resumed.push(error),
    };
    await awaited.poll(context, check);
    return resumed;
  }

  beforeEach(() => {
    now = START;
  });

  it('stamps the memo with its start and the running step; updates keep both', () => {
    const awaited = work();
    const running = task();
    awaited.start(running, { volumes: ['a'] });
    now += 5000;
    awaited.update(running, { volumes: ['b'] });
    expect(running.node.driverInternalInfo['test_awaited']).toEqual({ volumes: ['b'], started_at: '2030-01-01T00:00:00.000Z', step: 'raid.create_configuration' });
    awaited.clear(running);
    expect(running.node.driverInternalInfo).toEqual({});
  });

  it('resumes when the check says done, fails with its error, and waits otherwise', async () => {
    const awaited = work();
    const waiting = task();
    awaited.start(waiting, { volumes: [] });
    waiting.node.provisionState = 'clean wait';
    expect(await poll(awaited, waiting, async () => STILL_WAITING)).toEqual([]);
    expect(await poll(awaited, waiting, async () => WORK_DONE)).toEqual([undefined]);
    expect(await poll(awaited, waiting, async () => WORK_DONE)).toEqual([]);
    awaited.start(waiting, { volumes: [] });
    expect(await poll(awaited, waiting, async () => workFailed('broken'))).toEqual(['broken']);
    expect(waiting.node.driverInternalInfo).toEqual({});
  });

  it('takes a failing check for a passing trouble until the timeout', async () => {
    const awaited = work();
    const waiting = task();
    awaited.start(waiting, { volumes: [] });
    waiting.node.provisionState = 'clean wait';
    const unreachable = async (): Promise<AwaitedCheck> => {
      throw new Error('connection refused');
    };
    expect(await poll(awaited, waiting, unreachable)).toEqual([]);
    now += 60_000;
    expect(await poll(awaited, waiting, unreachable)).toEqual(['Redfish RAID configuration for node n1 failed: connection refused']);
  });
});
