import { OrchestratorApiError, OrchestratorClient } from './orchestrator-client';

// Small tests: requests the client makes and how it reads answers, over a fake fetch.
describe('OrchestratorClient', () => {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const answering = (status: number, body: unknown) =>
    (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    }) as unknown as typeof fetch;
  beforeEach(() => (requests.length = 0));

  it('sends a file\'s YAML as the body, with the name in the query and Basic credentials', async () => {
    const client = new OrchestratorClient('http://orch:9000', { user: 'ops:secret', fetch: answering(201, { design_id: 'd1' }) });
    expect(await client.createDesign('my lab', { yaml: 'schema: x' })).toEqual({ design_id: 'd1' });
    expect(requests[0].url).toBe('http://orch:9000/api/v1.0/designs?name=my%20lab');
    expect(requests[0].init).toMatchObject({ method: 'POST', body: 'schema: x', headers: { 'content-type': 'application/x-yaml', authorization: `Basic ${Buffer.from('ops:secret').toString('base64')}` } });
  });

  it('takes a 400 validation status as an answer, not an error', async () => {
    const status = { kind: 'Status', code: 400, details: { errorCount: 1, messageList: [] } };
    expect(await new OrchestratorClient('http://o', { fetch: answering(400, status) }).validate({ href: '/site.yaml' })).toEqual(status);
    expect(JSON.parse(requests[0].init.body as string)).toEqual({ href: '/site.yaml' });
  });

  it.each([
    [400, { type: 'error', message: 'Design lab not found.', retry: false }, 'GET /nodes?design_ref=lab: HTTP 400: Design lab not found.'],
    [404, { error_message: JSON.stringify({ faultstring: 'Not Found', faultcode: 'Client' }) }, 'GET /nodes?design_ref=lab: HTTP 404: Not Found'],
    [502, '<html>bad gateway</html>', 'GET /nodes?design_ref=lab: HTTP 502 with a body that is not JSON: <html>bad gateway</html>'],
  ])('turns an answer %d into an error with its message', async (status, body, message) => {
    const answer = new OrchestratorClient('http://o', { fetch: answering(status, body) }).nodes('lab');
    await expect(answer).rejects.toThrow(OrchestratorApiError);
    await expect(answer).rejects.toThrow(message);
  });

  it('says when the orchestrator cannot be reached', async () => {
    const refused = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as unknown as typeof fetch;
    await expect(new OrchestratorClient('http://127.0.0.1:6385', { fetch: refused }).listDesigns()).rejects.toThrow('cannot reach the orchestrator at http://127.0.0.1:6385: connection refused');
  });
});
