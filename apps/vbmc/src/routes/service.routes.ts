import { SESSIONS_PATH } from '../sessions';
import { MONITORS_PATH, TASKS_PATH } from '../tasks';
import { VbmcContext } from '../vbmc-context';
import { Handlers, resource, ServiceHandler } from './replies';
import { sessionCollectionRoutes, sessionRoutes } from './session.routes';
import { simpleUpdateRoutes, taskCollectionRoutes, taskRoutes } from './task.routes';

const SESSIONS = SESSIONS_PATH.toLowerCase();
const TASKS = TASKS_PATH.toLowerCase();
const MONITORS = MONITORS_PATH.toLowerCase();

/** Service-level routes (not inside a clone): entry points, collections, sessions, tasks, updates. */
export function serviceRoutes(key: string, ctx: VbmcContext): Handlers<ServiceHandler> | undefined {
  if (key === '/redfish') return { GET: () => resource({ v1: '/redfish/v1/' }) };
  const collection = ctx.collections.get(key);
  if (collection) return { GET: () => resource(collection) };
  if (key === SESSIONS) return sessionCollectionRoutes;
  if (key.startsWith(`${SESSIONS}/`)) return sessionRoutes(key.slice(SESSIONS.length + 1));
  if (key === TASKS) return taskCollectionRoutes;
  if (key.startsWith(`${TASKS}/`)) return taskRoutes(ctx, key.slice(TASKS.length + 1));
  if (key.startsWith(`${MONITORS}/`)) return taskRoutes(ctx, key.slice(MONITORS.length + 1));
  if (ctx.simpleUpdateKeys.has(key)) return simpleUpdateRoutes;
  return undefined;
}

/** Resources of the mockup that no clone owns (service root, registries, shared chassis): read-only. */
export function sharedRoutes(key: string, ctx: VbmcContext): Handlers<ServiceHandler> | undefined {
  if (ctx.clones.isTemplatePath(key)) return undefined;
  const doc = ctx.tree.entry(key)?.doc;
  return doc && { GET: () => resource(doc) };
}
