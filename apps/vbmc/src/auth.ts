import { IncomingHttpHeaders } from 'node:http';
import { RedfishError, RedfishErrors } from './redfish-error';
import { Credentials, matches, SessionStore, SESSIONS_PATH } from './sessions';

/** Readable without credentials (DSP0266): clients read the service root before they log in. */
const OPEN_PATHS = new Set(['/redfish', '/redfish/v1', '/redfish/v1/odata', '/redfish/v1/$metadata']);
const LOGIN_PATH = SESSIONS_PATH.toLowerCase();

/**
 * With credentials configured, every other Redfish request needs a live X-Auth-Token or correct
 * Basic credentials; without them, nothing is checked.
 */
export class Authenticator {
  constructor(
    private readonly credentials: Credentials | undefined,
    private readonly sessions: SessionStore,
  ) {}

  get mode(): string {
    return this.credentials ? `basic or session auth as "${this.credentials.username}"` : 'no auth';
  }

  /** The error to answer with, or undefined when the request may proceed. */
  check(method: string, key: string, headers: IncomingHttpHeaders): RedfishError | undefined {
    if (!this.credentials) return undefined;
    if ((method === 'GET' || method === 'HEAD') && OPEN_PATHS.has(key)) return undefined;
    if (method === 'POST' && key === LOGIN_PATH) return undefined;
    const token = headers['x-auth-token'];
    if (typeof token === 'string' && token !== '') {
      return this.sessions.touch(token) ? undefined : RedfishErrors.unauthorized('NoValidSession', 'The session token is not valid or has expired.');
    }
    const basic = parseBasic(headers.authorization);
    if (!basic) return RedfishErrors.unauthorized('NoValidSession', 'There is no valid session established with the implementation.');
    return matches(this.credentials, basic.username, basic.password)
      ? undefined
      : RedfishErrors.unauthorized('AccessDenied', 'The user name or password supplied is not valid.');
  }
}

function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  const match = header && /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
