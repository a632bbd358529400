import { SITE_TASK_STATUSES } from './site-task';
import { aTask } from './__fixtures__/site-task.fixture';
import { SITE_TASK_EVENTS, STATUS_AFTER_TERMINATE, applyTaskEvent, nextTaskStatus } from './task-status';

// An independent copy of the life cycle, as text, so that a typo in the table is not copied here.
const REFERENCE = `
requested | queue → queued; start → running; terminate → terminated
queued | start → running; terminate → terminated
running | finish → complete; terminate → terminating
terminating | finish → terminated; terminate → terminating
terminated |
complete |
`;

const expected = new Map<string, string>();
for (const line of REFERENCE.trim().split('\n')) {
  const [from, rest] = line.split('|').map((part) => part.trim());
  for (const pair of rest ? rest.split(';') : []) {
    const [event, to] = pair.split('→').map((part) => part.trim());
    expected.set(`${from} ${event}`, to);
  }
}

describe('task life cycle', () => {
  const pairs = SITE_TASK_STATUSES.flatMap((status) => SITE_TASK_EVENTS.map((event) => [status, event] as const));

  it.each(pairs)('%s + %s', (status, event) => {
    expect(nextTaskStatus(status, event)).toBe(expected.get(`${status} ${event}`));
  });

  it('moves a task through an allowed event and refuses any other, leaving it as it was', () => {
    const queued = aTask({ status: 'queued' });
    expect(applyTaskEvent(queued, 'start')).toEqual({ ok: true, task: { ...queued, status: 'running' } });
    expect(applyTaskEvent(queued, 'finish')).toEqual({ ok: false, reason: 'not_allowed', status: 'queued', event: 'finish' });
    expect(queued.status).toBe('queued');
  });

  it('lists where termination takes each status that is not final', () => {
    expect(STATUS_AFTER_TERMINATE).toEqual({ requested: 'terminated', queued: 'terminated', running: 'terminating', terminating: 'terminating' });
  });
});
