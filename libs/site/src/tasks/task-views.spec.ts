import { aTask, T0, T1 } from './__fixtures__/site-task.fixture';
import { addTaskMessage } from './task-result';
import { taskResultView, taskView } from './task-views';

describe('task views', () => {
  const nodeFilter = { filter_set_type: 'intersection' as const, filter_set: [{ filter_type: 'union' as const, node_names: ['n1', 'n2'] }] };
  const task = addTaskMessage(
    addTaskMessage(
      aTask({
        id: 'b7f8c1de-0000-4000-8000-000000000001',
        parentId: 'b7f8c1de-0000-4000-8000-000000000000',
        action: 'prepare_nodes',
        designRef: { designId: 'd3516d0a-0000-4000-8000-000000000000', version: 3 },
        nodeFilter,
        status: 'terminating',
        retry: 1,
        subtaskIds: ['s1', 's2'],
        createdBy: 'ops',
        updatedAt: T1,
        terminate: true,
        terminatedAt: T1,
        terminatedBy: 'admin',
        result: { status: 'partial_success', message: 'Some nodes failed.', reason: 'n2 unreachable', successes: ['n1'], failures: ['n2'], links: { builddata: ['https://a/1', 'https://a/2'], log: ['https://b'] } },
      }),
      { message: 'Node n2 did not answer.', error: true, contextType: 'node', context: 'n2', extra: { attempt: 2 } },
      T0,
    ),
    { message: 'Retrying task for failed entities.', error: false, contextType: 'NA', context: 'NA' },
    T1,
  );

  it("renders Drydock's task object", () => {
    expect(taskView(task)).toEqual({
      kind: 'Task',
      apiVersion: 'v1',
      task_id: 'b7f8c1de-0000-4000-8000-000000000001',
      action: 'prepare_nodes',
      parent_task_id: 'b7f8c1de-0000-4000-8000-000000000000',
      design_ref: 'design://d3516d0a-0000-4000-8000-000000000000/3',
      status: 'terminating',
      result: taskResultView(task.result),
      node_filter: nodeFilter,
      subtask_id_list: ['s1', 's2'],
      created: '2030-01-02T03:04:05.000Z',
      created_by: 'ops',
      updated: '2030-01-02T03:05:00.000Z',
      terminated: '2030-01-02T03:05:00.000Z',
      terminated_by: 'admin',
      terminate: true,
      retry: 1,
    });
  });

  it("renders Drydock's status object, links flattened and messages counted", () => {
    expect(taskResultView(task.result)).toEqual({
      kind: 'Status',
      apiVersion: 'v1.0',
      metadata: {},
      message: 'Some nodes failed.',
      reason: 'n2 unreachable',
      status: 'partial_success',
      successes: ['n1'],
      failures: ['n2'],
      links: [
        { rel: 'builddata', href: 'https://a/1' },
        { rel: 'builddata', href: 'https://a/2' },
        { rel: 'log', href: 'https://b' },
      ],
      details: {
        errorCount: 1,
        messageList: [
          { message: 'Node n2 did not answer.', error: true, context_type: 'node', context: 'n2', ts: '2030-01-02T03:04:05.000Z', extra: { attempt: 2 } },
          { message: 'Retrying task for failed entities.', error: false, context_type: 'NA', context: 'NA', ts: '2030-01-02T03:05:00.000Z', extra: {} },
        ],
      },
    });
  });

  it('renders a fresh task with nulls where nothing happened yet, as JSON', () => {
    const view = taskView(aTask());
    expect(view).toMatchObject({ parent_task_id: null, design_ref: null, node_filter: null, updated: null, terminated: null, terminated_by: null, terminate: false, retry: 0, subtask_id_list: [] });
    expect(view.result).toMatchObject({ status: 'incomplete', message: null, reason: null, links: [], details: { errorCount: 0, messageList: [] } });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
