import { httpError, RedfishAccessError, RedfishSessionLimitError, redfishMessages } from './redfish-errors';
import type { RawResponse } from './redfish-transport';

/** `redfish_auth_type`: sessions, basic auth, or sessions falling back to basic (Ironic's default). */
export type AuthType = 'session' | 'basic' | 'auto';

export interface Credentials {
  username: string;
  password: string;
}

/** How the connection sends a request without authentication (session login, logout). */
export type BareSend = (method: string, url: string, headers: Record<string, string>, body?: unknown) => Promise<RawResponse>;

/**
 * The authentication of one connection (sushy's auth modes). Sessions: POST the credentials to
 * the Sessions collection, send the X-Auth-Token after, log in again once on a 401, DELETE the
 * session on close. Auto: sessions, but basic auth when the BMC refuses to open one and no
 * session ever worked.
 */
export class RedfishAuth {
  private token?: string;
  private sessionUrl?: string;
  private basic: boolean;
  private sessionsWorked = false;
  /** The login in progress: concurrent first requests share it instead of each opening a session. */
  private loggingIn?: Promise<void>;

  constructor(
    private readonly type: AuthType,
    private readonly credentials: Credentials | undefined,
    private readonly send: BareSend,
    /** Where the Sessions collection is (from the service root); resolved when first needed. */
    private readonly sessionsUrl: () => Promise<string>,
  ) {
    this.basic = type === 'basic';
  }

  /** Headers that authenticate the next request (logging in first if a session is due). */
  async headers(): Promise<Record<string, string>> {
    if (!this.credentials) return {};
    if (!this.basic && !this.token) await this.loginOnce();
    return this.basic ? { authorization: basicHeader(this.credentials) } : { 'x-auth-token': this.token as string };
  }

  /**
   * After a 401/403 on a request sent with `rejected` headers: true when a new session is open, so
   * the request is worth replaying. Several requests may hit the expiry together: the first one
   * logs in, the others reuse that session.
   */
  async refresh(rejected: Record<string, string> = {}): Promise<boolean> {
    if (!this.credentials || this.basic) return false;
    if (this.token && this.token !== rejected['x-auth-token']) return true;
    if (!this.loggingIn) this.token = undefined;
    try {
      await this.loginOnce();
    } catch (error) {
      // The request's own 401 is the clearer answer for the caller.
      if (error instanceof RedfishAccessError) return false;
      throw error;
    }
    return this.token !== undefined;
  }

  /** Ends the session, if one is open (errors ignored: the BMC expires it anyway). */
  async close(): Promise<void> {
    const { sessionUrl, token } = this;
    this.token = this.sessionUrl = undefined;
    if (sessionUrl && token) await this.send('DELETE', sessionUrl, { 'x-auth-token': token }).catch(() => undefined);
  }

  private loginOnce(): Promise<void> {
    this.loggingIn ??= this.login().finally(() => (this.loggingIn = undefined));
    return this.loggingIn;
  }

  private async login(): Promise<void> {
    const credentials = this.credentials as Credentials;
    const url = await this.sessionsUrl();
    const answer = await this.send('POST', url, {}, { UserName: credentials.username, Password: credentials.password });
    const token = answer.headers['x-auth-token'];
    if (answer.status < 300 && token) {
      this.token = token;
      this.sessionUrl = answer.headers['location'] ? new URL(answer.headers['location'], url).toString() : undefined;
      this.sessionsWorked = true;
      return;
    }
    // A full session table is the BMC's problem to report, not a reason to switch to basic auth:
    // the sessions someone left open are what needs fixing (and basic auth may be off as well).
    const refusal = answer.status >= 400 ? httpError('POST', url, answer.status, answer.body) : undefined;
    if (refusal instanceof RedfishSessionLimitError) throw refusal;
    // Auto mode: a BMC without (working) sessions gets basic auth, unless sessions worked before,
    // in which case a refused login means the credentials changed and basic auth would not help.
    if (this.type === 'auto' && !this.sessionsWorked) {
      this.basic = true;
      return;
    }
    throw new RedfishAccessError('POST', url, answer.status, answer.status < 300 ? ['The BMC opened no session: its answer had no X-Auth-Token.'] : redfishMessages(answer.body));
  }
}

function basicHeader({ username, password }: Credentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
