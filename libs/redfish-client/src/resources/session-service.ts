import { ResourceCollection } from './collection';
import { bool, link, num, str } from './fields';
import { Resource, withFields } from './resource';

/** An open Redfish session (as listed; the token is never shown). */
export class Session extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  userName: str('UserName'),
}) {}

/** The SessionService: whether sessions are on, their timeout, and the open ones. */
export class SessionService extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  serviceEnabled: bool('ServiceEnabled'),
  /** Seconds of inactivity before the BMC ends a session. */
  sessionTimeout: num('SessionTimeout'),
  sessionsPath: link('Sessions'),
}) {
  sessions(): Promise<ResourceCollection<Session> | undefined> {
    return this.follow(this.sessionsPath, ResourceCollection.of((init) => new Session(init)));
  }
}
