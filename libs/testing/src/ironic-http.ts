/** One answer of the REST API: status, parsed JSON body ({} when empty) and headers. */
export interface IronicResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A small client for Slipway's Ironic REST API, for cross-process tests and benchmarks: JSON in
 * and out, one microversion for every request unless a call names another.
 */
export class IronicHttp {
  constructor(
    readonly base: string,
    private readonly version = '1.82',
  ) {}

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, version = this.version): Promise<IronicResponse<T>> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-openstack-ironic-api-version': version },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  /** Like request(), but any status other than `expected` throws with the answer in the message. */
  async expect<T = Record<string, unknown>>(expected: number, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status !== expected) throw new Error(`${method} ${path} answered ${answer.status}, not ${expected}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Every page of a node list (`/v1/nodes?...`), following `next` links. */
  async allNodes(query = ''): Promise<Record<string, unknown>[]> {
    const nodes: Record<string, unknown>[] = [];
    let path: string | undefined = `/v1/nodes?limit=1000${query ? `&${query}` : ''}`;
    while (path !== undefined) {
      const page: { nodes: Record<string, unknown>[]; next?: string } = await this.expect(200, 'GET', path);
      nodes.push(...page.nodes);
      path = page.next === undefined ? undefined : page.next.slice(page.next.indexOf('/v1/'));
    }
    return nodes;
  }

  /** The faultstring of an Ironic error body. */
  static faultOf(body: Record<string, unknown>): string {
    return (JSON.parse(body.error_message as string) as { faultstring: string }).faultstring;
  }
}
