import { sushySample } from './__fixtures__/mockup-server.fixture';
import { TestBmc } from './__fixtures__/test-bmc.fixture';
import { RedfishTaskError, RedfishTimeoutError } from './redfish-errors';
import { TaskMonitor } from './task-monitor';

// Task monitors (202 + Location) polled with an injected sleep and clock: no real waiting.
describe('TaskMonitor', () => {
  let bmc: TestBmc;
  beforeAll(async () => (bmc = await TestBmc.start()));
  afterAll(() => bmc.close());
  beforeEach(() => bmc.reset());

  /** A sleep that records and advances a fake clock. */
  function fakeTime() {
    const state = { now: 0, sleeps: [] as number[] };
    return { state, sleep: async (ms: number) => void (state.sleeps.push(ms), (state.now += ms)), now: () => state.now };
  }
  const running = (extra: Record<string, string> = {}) => ({ status: 202, body: { TaskState: 'Running', PercentComplete: 50 }, headers: extra });
  const accepted = (body: unknown, headers: Record<string, string>) => ({ status: 202, body, headers });

  it('comes from a 202: Location, unless the body names the task (@odata.id wins); Retry-After kept', async () => {
    bmc.on('POST', '/redfish/v1/a', accepted(null, { location: '/redfish/v1/TaskService/TaskMonitors/7', 'retry-after': '5' }));
    bmc.on('POST', '/redfish/v1/b', accepted({ '@odata.id': '/redfish/v1/TaskService/Tasks/7' }, { location: '/redfish/v1/TaskService/TaskMonitors/7' }));
    bmc.on('POST', '/redfish/v1/c', accepted(null, { location: `${bmc.address}/redfish/v1/TaskService/Tasks/8` }));
    bmc.on('POST', '/redfish/v1/d', { status: 200, body: {} });
    const connection = bmc.connect();
    const a = TaskMonitor.fromResponse(connection, await connection.post('/redfish/v1/a', {}));
    const b = TaskMonitor.fromResponse(connection, await connection.post('/redfish/v1/b', {}));
    const c = TaskMonitor.fromResponse(connection, await connection.post('/redfish/v1/c', {}));
    expect([a?.path, a?.initialRetryAfterMs, b?.path, b?.initialRetryAfterMs, c?.path]).toEqual(['/redfish/v1/TaskService/TaskMonitors/7', 5000, '/redfish/v1/TaskService/Tasks/7', 1000, '/redfish/v1/TaskService/Tasks/8']);
    expect(TaskMonitor.fromResponse(connection, await connection.post('/redfish/v1/d', {}))).toBeUndefined();
    await connection.close();
  });

  it('polls while 202, honouring Retry-After (1 s without), and resolves to the completed Task', async () => {
    bmc.on('GET', '/redfish/v1/TaskService/Tasks/545', running({ 'retry-after': '3' }), running(), running({ 'retry-after': '2' }), { body: sushySample('task.json') });
    const connection = bmc.connect();
    const time = fakeTime();
    const task = await new TaskMonitor(connection, '/redfish/v1/TaskService/Tasks/545').wait({ timeoutMs: 60_000, sleep: time.sleep, now: time.now });
    expect(time.state.sleeps).toEqual([3000, 1000, 2000]);
    expect([task.id, task.taskState, task.taskStatus, task.percentComplete, task.succeeded]).toEqual(['545', 'Completed', 'OK', 100, true]);
    expect(task.messages).toEqual([{ messageId: 'Base.1.0.PropertyNotWriteable', message: 'Property %1 is read only.', severity: 'Warning', messageArgs: ['SKU'], relatedProperties: ['SKU'] }]);
    expect(bmc.requests).toHaveLength(4);
    await connection.close();
  });

  it('keeps polling a Task that answers 200 while still running (monitor pointing at the Task)', async () => {
    bmc.on('GET', '/redfish/v1/TaskService/Tasks/1', { body: { TaskState: 'Running' } }, { body: { TaskState: 'Running' } }, { body: { TaskState: 'Completed', TaskStatus: 'Warning' } });
    const connection = bmc.connect();
    const time = fakeTime();
    const first = await new TaskMonitor(connection, '/redfish/v1/TaskService/Tasks/1').poll();
    expect([first.done, first.retryAfterMs, first.task?.taskState]).toEqual([false, 1000, 'Running']);
    const task = await new TaskMonitor(connection, '/redfish/v1/TaskService/Tasks/1').wait({ timeoutMs: 10_000, sleep: time.sleep, now: time.now });
    expect([task.taskStatus, task.succeeded, time.state.sleeps]).toEqual(['Warning', true, [1000]]);
    await connection.close();
  });

  it('fails with RedfishTaskError listing the messages when the task did not succeed', async () => {
    const failed = { Id: '9', TaskState: 'Exception', TaskStatus: 'Critical', Messages: [{ MessageId: 'Update.1.0.ApplyFailed', Message: 'The image could not be applied.' }, { MessageId: 'Base.1.8.InternalError' }] };
    bmc.on('GET', '/redfish/v1/TaskService/Tasks/9', running(), { body: failed });
    const connection = bmc.connect();
    const time = fakeTime();
    const waiting = new TaskMonitor(connection, '/redfish/v1/TaskService/Tasks/9').wait({ timeoutMs: 10_000, sleep: time.sleep, now: time.now });
    await expect(waiting).rejects.toBeInstanceOf(RedfishTaskError);
    await expect(waiting).rejects.toThrow(`The BMC task ${bmc.address}/redfish/v1/TaskService/Tasks/9 ended Exception with status Critical: The image could not be applied. Base.1.8.InternalError.`);
    await connection.close();
  });

  it('takes a 204 (or any result without a Task) as success, reading the Task seen while polling', async () => {
    bmc.on('GET', '/redfish/v1/TaskService/TaskMonitors/3', { status: 202, body: { '@odata.id': '/redfish/v1/TaskService/Tasks/3', TaskState: 'Running' } }, { status: 204 });
    bmc.on('GET', '/redfish/v1/TaskService/Tasks/3', { body: { '@odata.id': '/redfish/v1/TaskService/Tasks/3', Id: '3', TaskState: 'Completed', TaskStatus: 'OK' } });
    bmc.on('GET', '/redfish/v1/TaskService/TaskMonitors/4', { status: 204 });
    const connection = bmc.connect();
    const time = fakeTime();
    expect((await new TaskMonitor(connection, '/redfish/v1/TaskService/TaskMonitors/3').wait({ timeoutMs: 10_000, sleep: time.sleep, now: time.now })).id).toBe('3');
    const bare = await new TaskMonitor(connection, '/redfish/v1/TaskService/TaskMonitors/4').poll();
    expect([bare.done, bare.task?.taskState, bare.task?.taskStatus, bare.task?.succeeded]).toEqual([true, 'Completed', 'OK', true]);
    await connection.close();
  });

  it('gives up after the timeout, having slept no longer than the time left', async () => {
    bmc.on('GET', '/redfish/v1/TaskService/Tasks/5', running({ 'retry-after': '4' }));
    const connection = bmc.connect();
    const time = fakeTime();
    const waiting = new TaskMonitor(connection, '/redfish/v1/TaskService/Tasks/5').wait({ timeoutMs: 10_000, sleep: time.sleep, now: time.now });
    await expect(waiting).rejects.toBeInstanceOf(RedfishTimeoutError);
    expect(time.state.sleeps).toEqual([4000, 4000, 2000]);
    await connection.close();
  });

  it('reads sushy\'s task monitor sample (a Task body without @odata.id)', async () => {
    bmc.on('GET', '/taskmon/545', { body: sushySample('task_monitor.json') });
    const connection = bmc.connect();
    const result = await new TaskMonitor(connection, '/taskmon/545').poll();
    expect([result.done, result.task?.taskMonitor, result.task?.startTime, result.task?.endTime]).toEqual([true, '/taskmon/545', '2012-03-07T14:44+06:00', '2012-03-07T14:45+06:00']);
    await connection.close();
  });
});
