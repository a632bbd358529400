import { addTaskMessage, createSiteTask, type SiteTask } from '@slipway/site';
import { taskTreeView } from './task-tree.view';

// Small test: Drydock's layered task dict and its subtask_errors, on a tree root → a → a1, root → b.
describe('taskTreeView', () => {
  const at = new Date('2030-01-01T00:00:00Z');
  const task = (id: string, parentId: string | null, subtaskIds: string[]): SiteTask => ({ ...createSiteTask({ id, action: `act-${id}`, at, parentId }), subtaskIds });
  const failing = (base: SiteTask) => addTaskMessage(addTaskMessage(base, { message: `${base.id} failed`, error: true, contextType: 'node', context: 'n1' }, at), { message: 'fine', error: false, contextType: 'NA', context: 'NA' }, at);
  const root = failing(task('root', null, ['a', 'b']));
  const tasks = new Map([root, task('a', 'root', ['a1']), task('b', 'root', []), failing(task('a1', 'a', []))].map((t) => [t.id, t]));

  it.each([
    [1, ['init_task_id', 'root']],
    [2, ['init_task_id', 'root', 'a', 'b']],
    [3, ['init_task_id', 'root', 'a', 'b', 'a1']],
    [-1, ['init_task_id', 'root', 'a', 'b', 'a1']],
  ])('layers=%d shows the task and the layers below it', (layers, keys) => {
    expect(Object.keys(taskTreeView(root, tasks, { layers, subtaskErrors: false }))).toEqual(keys);
  });

  it('reports the errors of subtasks at any depth, not those of the task itself', () => {
    const view = taskTreeView(root, tasks, { layers: 0, subtaskErrors: true });
    expect(Object.keys(view)).toEqual(['init_task_id', 'root', 'subtask_errors']);
    expect(view['subtask_errors']).toEqual({ a1: { details: { errorCount: 1, messageList: [expect.objectContaining({ message: 'a1 failed', error: true, context: 'n1' })] } } });
  });

  it('passes over subtask ids it was not given', () => {
    expect(Object.keys(taskTreeView(root, new Map([[root.id, root]]), { layers: -1, subtaskErrors: true }))).toEqual(['init_task_id', 'root', 'subtask_errors']);
  });
});
