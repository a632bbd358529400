import { clonePathFor } from '../clone-rewriter';
import { StorageLayout } from '../system-template';
import { CloneHandler, noContent, taskAccepted } from './replies';

type StorageRole = { kind: 'volumes' | 'volume'; storage: StorageLayout };

/** POST to a Volumes collection: 202 and a task; the volume exists when the task completes. */
export const createVolume: CloneHandler<StorageRole> = (request, target, ctx, role) => {
  const planned = ctx.volumes.plan(target.clone, role.storage, request.body);
  const location = clonePathFor(target.clone, planned.path);
  const started = ctx.tasks.start({
    name: 'Volume creation',
    payload: { TargetUri: request.path, HttpOperation: 'POST', JsonBody: JSON.stringify(request.body ?? {}) },
    complete: () => {
      planned.commit();
      return [location];
    },
  });
  return taskAccepted(started, ctx.tasks.retryAfterSeconds);
};

export const deleteVolume: CloneHandler<StorageRole> = (request, target, ctx, role) => {
  ctx.volumes.delete(target.clone, role.storage, target.key, request.path, request.body);
  return noContent();
};
