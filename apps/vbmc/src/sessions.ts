import { randomBytes, timingSafeEqual } from 'node:crypto';
import { JsonObject } from './json';
import { RedfishErrors } from './redfish-error';
import { bodyObject } from './request-body';

export const SESSIONS_PATH = '/redfish/v1/SessionService/Sessions';

export interface Credentials {
  username: string;
  password: string;
}

interface Session {
  id: string;
  token: string;
  userName: string;
  lastUsed: number;
}

/**
 * Redfish sessions: login returns a token (X-Auth-Token) and the session's URI (Location);
 * sessions idle longer than the timeout lapse, and past the limit a login gets 503
 * SessionLimitExceeded, which is what leaking clients hit on real BMCs.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly byToken = new Map<string, Session>();

  constructor(
    private readonly credentials: Credentials | undefined,
    readonly limit: number,
    readonly timeoutSeconds: number,
    private readonly now: () => number,
  ) {}

  get count(): number {
    this.expire();
    return this.sessions.size;
  }

  /** Without configured credentials any login succeeds (the vbmc has no auth then). */
  login(body: unknown): { session: JsonObject; token: string; location: string } {
    const { UserName, Password } = bodyObject(body);
    if (typeof UserName !== 'string') throw RedfishErrors.propertyMissing('UserName');
    if (typeof Password !== 'string') throw RedfishErrors.propertyMissing('Password');
    if (this.credentials && !matches(this.credentials, UserName, Password)) {
      throw RedfishErrors.unauthorized('AccessDenied', 'The user name or password supplied is not valid.');
    }
    this.expire();
    if (this.sessions.size >= this.limit) throw RedfishErrors.sessionLimitExceeded();
    const session: Session = { id: randomBytes(8).toString('hex'), token: randomBytes(16).toString('hex'), userName: UserName, lastUsed: this.now() };
    this.sessions.set(session.id, session);
    this.byToken.set(session.token, session);
    return { session: present(session), token: session.token, location: `${SESSIONS_PATH}/${session.id}` };
  }

  /** True (and the session's idle clock restarted) when the token belongs to a live session. */
  touch(token: string): boolean {
    const session = this.byToken.get(token);
    if (!session || this.expired(session)) return false;
    session.lastUsed = this.now();
    return true;
  }

  get(id: string): JsonObject | undefined {
    this.expire();
    const session = this.sessions.get(id);
    return session && present(session);
  }

  delete(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.sessions.delete(id);
    this.byToken.delete(session.token);
    return true;
  }

  ids(): string[] {
    this.expire();
    return [...this.sessions.keys()];
  }

  private expired(session: Session): boolean {
    return this.now() - session.lastUsed > this.timeoutSeconds * 1000;
  }

  private expire(): void {
    for (const session of this.sessions.values()) if (this.expired(session)) this.delete(session.id);
  }
}

/** Constant-time comparison: the vbmc is a test tool, but it should not teach timing leaks. */
export function matches(credentials: Credentials, username: string, password: string): boolean {
  const same = (a: string, b: string) => {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  };
  return same(credentials.username, username) && same(credentials.password, password);
}

function present(session: Session): JsonObject {
  return {
    '@odata.id': `${SESSIONS_PATH}/${session.id}`,
    '@odata.type': '#Session.v1_5_0.Session',
    Id: session.id,
    Name: 'User Session',
    UserName: session.userName,
    Password: null,
  };
}
