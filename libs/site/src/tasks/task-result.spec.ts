import type { SiteTaskResultStatus } from './site-task';
import { SITE_TASK_RESULT_STATUSES } from './site-task';
import { aSubtask, aTask, T0, T1 } from './__fixtures__/site-task.fixture';
import { addTaskMessage, alignResult, bubbleResults, recordFailure, recordSuccess, retryTask, taskErrorCount } from './task-result';

// Drydock's Task.success/failure, written out by hand: [before, after success, after failure].
const TRANSITIONS: Array<[SiteTaskResultStatus, SiteTaskResultStatus, SiteTaskResultStatus]> = [
  ['incomplete', 'success', 'failure'],
  ['success', 'success', 'partial_success'],
  ['partial_success', 'partial_success', 'partial_success'],
  ['failure', 'partial_success', 'failure'],
  ['unreported', 'success', 'failure'],
];

describe('task result', () => {
  describe('success and failure', () => {
    it('covers every result status', () => {
      expect(TRANSITIONS.map(([before]) => before).sort()).toEqual([...SITE_TASK_RESULT_STATUSES].sort());
    });

    it.each(TRANSITIONS)('from %s: success gives %s, failure gives %s', (before, afterSuccess, afterFailure) => {
      const task = aTask({ result: { status: before } });
      expect(recordSuccess(task).result.status).toBe(afterSuccess);
      expect(recordFailure(task).result.status).toBe(afterFailure);
    });

    it('adds the focus once to successes or failures, and nothing without a focus', () => {
      const task = aTask({ result: { successes: ['n1'], failures: ['n9'] } });
      expect(recordSuccess(recordSuccess(task, 'n2'), 'n1').result).toMatchObject({ successes: ['n1', 'n2'], failures: ['n9'] });
      expect(recordFailure(recordFailure(task, 'n3'), 'n9').result).toMatchObject({ successes: ['n1'], failures: ['n9', 'n3'] });
      expect(recordSuccess(task).result).toMatchObject({ successes: ['n1'], failures: ['n9'] });
      expect(recordFailure(task).result).toMatchObject({ successes: ['n1'], failures: ['n9'] });
      // The frozen input is untouched: a mutation would have thrown.
      expect(task.result).toMatchObject({ status: 'incomplete', successes: ['n1'], failures: ['n9'] });
    });
  });

  describe('messages', () => {
    it('appends messages stamped with the given time and counts the errors', () => {
      const one = addTaskMessage(aTask(), { message: 'Node n1 not found.', error: true, contextType: 'node', context: 'n1', extra: { code: 'X' } }, T0);
      const two = addTaskMessage(one, { message: 'x'.repeat(5000), error: false, contextType: 'task', context: 'task-1' }, T1);
      expect(two.result.messages).toEqual([
        { message: 'Node n1 not found.', error: true, contextType: 'node', context: 'n1', ts: T0, extra: { code: 'X' } },
        { message: 'x'.repeat(5000), error: false, contextType: 'task', context: 'task-1', ts: T1, extra: {} },
      ]);
      expect(taskErrorCount(two.result)).toBe(1);
      expect(taskErrorCount(aTask().result)).toBe(0);
    });
  });

  describe('bubbleResults', () => {
    const parent = aTask({ id: 'p', result: { successes: ['old'], failures: ['old'] } });

    it("replaces the task's entities with those of its completed subtasks, each once", () => {
      const subtasks = [
        aSubtask(parent, 's1', { successes: ['n1', 'n2'], failures: ['n3'] }),
        aSubtask(parent, 's2', { successes: ['n2'], failures: ['n3', 'n4'] }),
        aSubtask(parent, 's3', { successes: ['n5'], failures: ['n6'] }, { status: 'running' }),
        aSubtask(aTask({ id: 'other' }), 's4', { successes: ['n7'], failures: ['n8'] }),
      ];
      expect(bubbleResults(parent, subtasks).result).toMatchObject({ successes: ['n1', 'n2'], failures: ['n3', 'n4'] });
      expect(bubbleResults(parent, []).result).toMatchObject({ successes: [], failures: [] });
    });

    it('takes successes only from subtasks of the action filter, failures from all', () => {
      const subtasks = [
        aSubtask(parent, 's1', { successes: ['n1'], failures: ['n2'] }, { action: 'identify_node' }),
        aSubtask(parent, 's2', { successes: ['n3'], failures: ['n4'] }, { action: 'configure_hardware' }),
      ];
      expect(bubbleResults(parent, subtasks, 'configure_hardware').result).toMatchObject({ successes: ['n3'], failures: ['n2', 'n4'] });
    });

    it('on a retry takes failures only from subtasks of the same retry sequence, successes from all', () => {
      const retried = aTask({ id: 'p', retry: 1 });
      const subtasks = [
        aSubtask(retried, 's0', { successes: ['n1'], failures: ['n2', 'n3'] }, { retry: 0 }),
        aSubtask(retried, 's1', { successes: ['n2'], failures: ['n3'] }, { retry: 1 }),
      ];
      expect(bubbleResults(retried, subtasks).result).toMatchObject({ successes: ['n1', 'n2'], failures: ['n3'] });
    });
  });

  describe('alignResult', () => {
    const parent = aTask({ id: 'p', result: { status: 'failure' } });
    const child = (id: string, status: SiteTaskResultStatus, changes = {}) => aSubtask(parent, id, { status }, changes);

    it('is a success without any subtask, incomplete while none has completed', () => {
      expect(alignResult(parent, []).result.status).toBe('success');
      expect(alignResult(parent, [aSubtask(aTask({ id: 'other' }), 'x', { status: 'failure' })]).result.status).toBe('success');
      expect(alignResult(parent, [child('s1', 'success', { status: 'running' })]).result.status).toBe('incomplete');
    });

    it.each<[SiteTaskResultStatus[], SiteTaskResultStatus]>([
      [['success'], 'success'],
      [['success', 'success'], 'success'],
      [['failure'], 'failure'],
      [['success', 'failure'], 'partial_success'],
      [['partial_success'], 'partial_success'],
      [['incomplete'], 'incomplete'],
      [['unreported', 'success'], 'success'],
    ])('folds completed subtasks %j into %s', (statuses, expected) => {
      expect(alignResult(parent, statuses.map((status, i) => child(`s${i}`, status))).result.status).toBe(expected);
    });

    it('counts only subtasks of the action filter', () => {
      const subtasks = [child('s1', 'success', { action: 'deploy_node' }), child('s2', 'failure', { action: 'apply_node_storage' })];
      expect(alignResult(parent, subtasks, 'deploy_node').result.status).toBe('success');
      expect(alignResult(parent, subtasks, 'apply_node_storage').result.status).toBe('failure');
      expect(alignResult(parent, subtasks, 'relabel_node').result.status).toBe('incomplete');
    });

    it('on a retry counts failures only of the same retry sequence', () => {
      const retried = aTask({ id: 'p', retry: 1 });
      const old = (status: SiteTaskResultStatus) => aSubtask(retried, 'old', { status }, { retry: 0 });
      const current = aSubtask(retried, 'new', { status: 'success' }, { retry: 1 });
      expect(alignResult(retried, [old('failure'), current]).result.status).toBe('success');
      expect(alignResult(retried, [old('partial_success'), current]).result.status).toBe('success');
      expect(alignResult(retried, [old('failure')]).result.status).toBe('incomplete');
      expect(alignResult(retried, [aSubtask(retried, 'new', { status: 'failure' }, { retry: 1 })]).result.status).toBe('failure');
    });
  });

  describe('retryTask', () => {
    const failed = (changes: Parameters<typeof aTask>[0] = {}) => aTask({ ...changes, result: { status: 'partial_success', successes: ['n1'], failures: ['n2'], ...changes.result } });

    it('is not needed after a success, or when no entity failed', () => {
      for (const task of [failed({ result: { status: 'success' } }), failed({ result: { status: 'failure', failures: [] } })]) {
        expect(retryTask(task, T1, 3)).toEqual({ outcome: 'not_needed', task });
      }
    });

    it('with attempts left, counts the retry, notes it and reopens the result', () => {
      const retried = retryTask(failed({ retry: 1 }), T1, 3);
      expect(retried.outcome).toBe('retry');
      expect(retried.task.retry).toBe(2);
      expect(retried.task.result).toMatchObject({ status: 'success', successes: ['n1'], failures: ['n2'] });
      expect(retried.task.result.messages).toEqual([{ message: 'Retrying task for failed entities.', error: false, contextType: 'NA', context: 'NA', ts: T1, extra: {} }]);
      expect(retryTask(failed({ result: { status: 'failure', successes: [] } }), T1, 3).task.result.status).toBe('incomplete');
    });

    it('without a limit retries every time', () => {
      expect(retryTask(failed({ retry: 50 }), T1).outcome).toBe('retry');
    });

    it('out of attempts reports max_retries_reached, notes it and leaves the rest', () => {
      for (const [retry, max] of [[3, 3], [0, 0]]) {
        const { outcome, task } = retryTask(failed({ retry }), T1, max);
        expect(outcome).toBe('max_retries_reached');
        expect(task.retry).toBe(retry);
        expect(task.result).toMatchObject({ status: 'partial_success', failures: ['n2'] });
        expect(task.result.messages.map((m) => m.message)).toEqual(['Retry requested, out of attempts.']);
      }
    });

    it('a retry that fixes the failed node leaves the parent a success', () => {
      // First run: n1 deployed, n2 failed.
      let parent = aTask({ id: 'p', status: 'running' });
      const first = aSubtask(parent, 's0', { status: 'partial_success', successes: ['n1'], failures: ['n2'] });
      parent = alignResult(bubbleResults(parent, [first]), [first]);
      expect(parent.result).toMatchObject({ status: 'partial_success', successes: ['n1'], failures: ['n2'] });

      const retry = retryTask(parent, T1, 3);
      expect(retry.outcome).toBe('retry');
      parent = retry.task;
      // Second run, on the failures only: n2 deployed.
      const second = aSubtask(parent, 's1', { status: 'success', successes: ['n2'] }, { retry: parent.retry });
      parent = alignResult(bubbleResults(parent, [first, second]), [first, second]);
      expect(parent.result).toMatchObject({ status: 'success', successes: ['n1', 'n2'], failures: [] });
      expect(retryTask(parent, T1, 3).outcome).toBe('not_needed');
    });
  });
});
