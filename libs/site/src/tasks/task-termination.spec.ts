import type { SiteTaskStatus } from './site-task';
import { aTask, T0, T1 } from './__fixtures__/site-task.fixture';
import { registerSubtask, terminateTask, terminateTree } from './task-termination';

const byOps = { at: T0, by: 'ops' };

describe('task termination', () => {
  describe('terminateTask', () => {
    it.each<[SiteTaskStatus, SiteTaskStatus]>([
      ['requested', 'terminated'],
      ['queued', 'terminated'],
      ['running', 'terminating'],
      ['terminating', 'terminating'],
    ])('marks a %s task and makes it %s', (status, expected) => {
      expect(terminateTask(aTask({ status }), byOps)).toMatchObject({ status: expected, terminate: true, terminatedAt: T0, terminatedBy: 'ops' });
    });

    it.each<SiteTaskStatus>(['complete', 'terminated'])('leaves a %s task as it is', (status) => {
      const task = aTask({ status });
      expect(terminateTask(task, byOps)).toBe(task);
    });

    it('keeps the first request when asked again', () => {
      const once = terminateTask(aTask({ status: 'running' }), byOps);
      expect(terminateTask(once, { at: T1, by: 'someone-else' })).toMatchObject({ status: 'terminating', terminatedAt: T0, terminatedBy: 'ops' });
    });
  });

  describe('terminateTree', () => {
    it('terminates the root and every task below it, whatever their order, and nothing else', () => {
      const tasks = [
        aTask({ id: 'grandchild', parentId: 'child', status: 'queued' }),
        aTask({ id: 'root', status: 'running' }),
        aTask({ id: 'child', parentId: 'root', status: 'running' }),
        aTask({ id: 'done-child', parentId: 'root', status: 'complete' }),
        aTask({ id: 'other-root', status: 'running' }),
        aTask({ id: 'other-child', parentId: 'other-root', status: 'requested' }),
      ];
      const after = terminateTree(tasks, 'child', byOps).concat(terminateTree(tasks, 'root', byOps));
      const fromChild = after.slice(0, tasks.length);
      const fromRoot = after.slice(tasks.length);
      expect(fromRoot.map((t) => [t.id, t.status, t.terminate])).toEqual([
        ['grandchild', 'terminated', true],
        ['root', 'terminating', true],
        ['child', 'terminating', true],
        ['done-child', 'complete', false],
        ['other-root', 'running', false],
        ['other-child', 'requested', false],
      ]);
      expect(fromChild.filter((t) => t.terminate).map((t) => t.id)).toEqual(['grandchild', 'child']);
      expect(terminateTree(tasks, 'missing', byOps)).toEqual(tasks);
    });
  });

  describe('registerSubtask', () => {
    const child = aTask({ id: 'child', action: 'identify_node' });

    it('lists the subtask under its parent, notes it, and points it at the parent', () => {
      const outcome = registerSubtask(aTask({ id: 'parent', status: 'running' }), child, T1);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.parent.subtaskIds).toEqual(['child']);
      expect(outcome.parent.result.messages).toEqual([{ message: 'Started subtask child for action identify_node', error: false, contextType: 'task', context: 'parent', ts: T1, extra: {} }]);
      expect(outcome.subtask.parentId).toBe('parent');

      const again = registerSubtask(outcome.parent, child, T1);
      expect(again).toEqual({ ok: true, parent: outcome.parent, subtask: outcome.subtask });
    });

    it.each([
      ['marked for termination', aTask({ id: 'parent', status: 'running', terminate: true })],
      ['terminating', aTask({ id: 'parent', status: 'terminating' })],
      ['terminated', aTask({ id: 'parent', status: 'terminated' })],
      ['terminated through terminateTask', terminateTask(aTask({ id: 'parent', status: 'queued' }), byOps)],
    ])('refuses a subtask under a parent %s', (_, parent) => {
      expect(registerSubtask(parent, child, T1)).toEqual({ ok: false, reason: 'parent_terminating', parent });
    });
  });
});
