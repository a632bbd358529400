import { applyUpdate, planUpdate } from '../firmware-update';
import { linkTargets } from '../json';
import { RedfishErrors } from '../redfish-error';
import { TASKS_PATH } from '../tasks';
import { VbmcContext } from '../vbmc-context';
import { Handlers, RedfishReply, resource, ServiceHandler, taskAccepted } from './replies';

const listTasks: ServiceHandler = (_request, ctx) => {
  const ours = ctx.tasks.ids().map((id) => `${TASKS_PATH}/${id}`);
  const template = ctx.tree.get(TASKS_PATH) ?? {};
  // The mockup's captured tasks stay listed (and readable) unless one of ours has the same id.
  const captured = linkTargets(template.Members).filter((path) => !ours.some((own) => own.toLowerCase() === path.toLowerCase()));
  const members = [...ours, ...captured].map((path) => ({ '@odata.id': path }));
  return resource({ '@odata.type': '#TaskCollection.TaskCollection', Name: 'Task Collection', ...template, '@odata.id': TASKS_PATH, Members: members, 'Members@odata.count': members.length });
};

export const taskCollectionRoutes: Handlers<ServiceHandler> = { GET: listTasks };

/**
 * GET of a task monitor, and of the Task itself: 202 with Retry-After while running, 200 with
 * the Task when done. The Task answers like its monitor (as iDRAC's do) because sushy follows
 * the `@odata.id` of a 202 body instead of Location, and must not see "done" too early.
 */
export function taskRoutes(ctx: VbmcContext, id: string): Handlers<ServiceHandler> | undefined {
  if (!ctx.tasks.get(id)) return undefined;
  return {
    GET: (request) => {
      const found = ctx.tasks.get(id);
      if (!found) throw RedfishErrors.notFound(request.path);
      const reply: RedfishReply = { status: found.running ? 202 : 200, body: found.task };
      if (found.running) reply.headers = { 'Retry-After': String(ctx.tasks.retryAfterSeconds) };
      return reply;
    },
  };
}

const simpleUpdate: ServiceHandler = (request, ctx) => {
  const plan = planUpdate(ctx.clones, ctx.tree.get('/redfish/v1/UpdateService'), request.body);
  const started = ctx.tasks.start({
    name: 'Firmware update',
    payload: { TargetUri: request.path, HttpOperation: 'POST', JsonBody: JSON.stringify(request.body ?? {}) },
    complete: () => {
      for (const target of plan.targets) {
        const template = ctx.tree.entry(target.root.key)?.doc;
        applyUpdate(target, target.root.kind === 'system' ? template?.BiosVersion : template?.FirmwareVersion);
      }
    },
  });
  return taskAccepted(started, ctx.tasks.retryAfterSeconds);
};

export const simpleUpdateRoutes: Handlers<ServiceHandler> = { POST: simpleUpdate };
