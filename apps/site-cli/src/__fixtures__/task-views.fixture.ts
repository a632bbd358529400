import { addTaskMessage, createSiteTask, recordFailure, recordSuccess, taskView, type SiteTask, type SiteTaskStatus, type TaskView } from '@slipway/site';
import type { TaskTree } from '../orchestrator-client';

const at = new Date('2030-01-01T00:00:00Z');
export const ROOT_ID = '11111111-1111-4111-8111-111111111111';
export const NET_ID = '22222222-2222-4222-8222-222222222222';
export const DEPLOY_ID = '33333333-3333-4333-8333-333333333333';

function task(id: string, action: string, status: SiteTaskStatus, parentId: string | null, subtaskIds: string[], change: (task: SiteTask) => SiteTask = (t) => t): TaskView {
  const base = createSiteTask({ id, action, at, parentId, designRef: parentId ? null : { designId: '44444444-4444-4444-8444-444444444444', version: 2 } });
  return taskView(change({ ...base, status, subtaskIds }));
}

/** A deploy_nodes task: networking done on n1 and n2, deploy_node running and failed on n2. */
export function deployTree(rootStatus: SiteTaskStatus = 'running', finished = false): TaskTree {
  const root = task(ROOT_ID, 'deploy_nodes', rootStatus, null, [NET_ID, DEPLOY_ID], (t) => (finished ? recordFailure(recordSuccess(t, 'n1'), 'n2') : t));
  const net = task(NET_ID, 'apply_node_networking', 'complete', ROOT_ID, [], (t) => recordSuccess(recordSuccess(t, 'n1'), 'n2'));
  const deploy = task(DEPLOY_ID, 'deploy_node', finished ? 'complete' : 'running', ROOT_ID, [], (t) =>
    addTaskMessage(recordFailure(recordSuccess(t, 'n1'), 'n2'), { message: 'image not found', error: true, contextType: 'node', context: 'n2' }, new Date('2030-01-01T00:00:05Z')),
  );
  return { init_task_id: ROOT_ID, [ROOT_ID]: root, [NET_ID]: net, [DEPLOY_ID]: deploy };
}
