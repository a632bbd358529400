import { RedfishErrors } from '../redfish-error';
import { SESSIONS_PATH } from '../sessions';
import { Handlers, noContent, resource, ServiceHandler } from './replies';

const listSessions: ServiceHandler = (_request, ctx) => {
  const members = ctx.sessions.ids().map((id) => ({ '@odata.id': `${SESSIONS_PATH}/${id}` }));
  const template = ctx.tree.get(SESSIONS_PATH) ?? {};
  return resource({
    '@odata.type': '#SessionCollection.SessionCollection',
    Name: 'Session Collection',
    ...template,
    '@odata.id': SESSIONS_PATH,
    Members: members,
    'Members@odata.count': members.length,
  });
};

const login: ServiceHandler = (request, ctx) => {
  const { session, token, location } = ctx.sessions.login(request.body);
  return { status: 201, body: session, headers: { 'X-Auth-Token': token, Location: location } };
};

export const sessionCollectionRoutes: Handlers<ServiceHandler> = { GET: listSessions, POST: login };

export function sessionRoutes(id: string): Handlers<ServiceHandler> {
  return {
    GET: (request, ctx) => {
      const session = ctx.sessions.get(id);
      if (!session) throw RedfishErrors.notFound(request.path);
      return resource(session);
    },
    DELETE: (request, ctx) => {
      if (!ctx.sessions.delete(id)) throw RedfishErrors.notFound(request.path);
      return noContent();
    },
  };
}
