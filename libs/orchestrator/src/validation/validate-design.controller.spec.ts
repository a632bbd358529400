import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_YAML, DANGLING_REFERENCE, EXAMPLES_DIR, SMALL_SITE, VALID_SITE_PATH, validSiteYaml } from '../__fixtures__/design-yaml.fixture';
import { EXAMPLE_PLATFORMS, startOrchestratorTestApp, type OrchestratorTestApp } from '../__fixtures__/orchestrator-test-app.fixture';

// Controller test: Drydock's synchronous validation on the documented examples, with the platform
// catalog they are written for and a fixed clock.
describe('POST /api/v1.0/validatedesign', () => {
  let api: OrchestratorTestApp;
  const at = new Date('2030-01-02T03:04:05.678Z');

  beforeAll(async () => {
    api = await startOrchestratorTestApp({ adminUrl: process.env.SLIPWAY_TEST_DATABASE_URL, platforms: EXAMPLE_PLATFORMS, clock: { now: () => at } });
  });
  afterAll(() => api.close());

  const validate = (body: unknown, contentType?: string) => api.request('POST', '/api/v1.0/validatedesign', body, contentType);
  type Message = { name: string; level: string; error: boolean; message: string; documents: unknown[]; field?: string; line?: number; file?: string };
  const messagesOf = (body: { details: { messageList: Message[] } }) => body.details.messageList;

  it('answers 200 and Infos only for docs/examples/valid-site.yaml, by href', async () => {
    const answer = await validate({ href: VALID_SITE_PATH });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ kind: 'Status', apiVersion: 'v1.0', status: 'Success', message: 'Site design passed validation', reason: null, code: 200, details: { errorCount: 0 } });
    expect(messagesOf(answer.body).every((message) => message.level === 'Info' && message.message.endsWith('Validation successful.'))).toBe(true);
    expect(messagesOf(answer.body)[0]).toMatchObject({ kind: 'ValidationMessage', name: 'DD1001', ts: '2030-01-02 03:04:05.678000+00:00' });
  });

  it('takes the YAML as the body, or as {yaml}; Shipyard\'s rel and type beside href are accepted', async () => {
    expect((await validate(validSiteYaml(), 'application/x-yaml')).status).toBe(200);
    expect((await validate({ yaml: validSiteYaml() })).status).toBe(200);
    expect((await validate({ rel: 'design', href: `file://${VALID_SITE_PATH}`, type: 'application/x-yaml' })).status).toBe(200);
  });

  const invalid = readdirSync(join(EXAMPLES_DIR, 'invalid')).sort();
  it.each(invalid)('invalid/%s: the status names the rule the file breaks, and nothing else', async (file) => {
    const path = join(EXAMPLES_DIR, 'invalid', file);
    const [, count, level, ruleId] = /# Expected: (\d+) (Error|Warning)s? of (DD\d+)/.exec(readFileSync(path, 'utf8')) ?? [];
    const answer = await validate({ href: path });
    const reported = messagesOf(answer.body).filter((message) => message.level !== 'Info');
    expect(reported.map((message) => `${message.name} ${message.level}`)).toEqual(Array<string>(Number(count)).fill(`${ruleId} ${level}`));
    if (level === 'Error') {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'Failure', message: 'Site design failed validation.', reason: 'See detail messages.', code: 400, details: { errorCount: Number(count) } });
    } else {
      // A warning does not fail a design, as in Drydock.
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: 'Success', code: 200 });
    }
  });

  it('answers 400 with every ingestion problem as an error message with its document, field and line', async () => {
    const answer = await validate({ yaml: DANGLING_REFERENCE });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 'Failure', code: 400, details: { errorCount: 1 } });
    const [problem, ...warnings] = messagesOf(answer.body);
    expect(problem).toEqual({
      kind: 'ValidationMessage',
      name: 'DD001',
      message: expect.stringMatching(/^Design Ingestion: BaremetalNode\/n3: .*missing/),
      error: true,
      level: 'Error',
      diagnostic: expect.any(String),
      ts: expect.any(String),
      documents: [{ schema: 'drydock/BaremetalNode/v1', name: 'n3' }],
      field: 'host_profile',
      line: expect.any(Number),
    });
    // Then the compiler's warnings (racks without a Rack document); no rule ran.
    expect(warnings.map((message) => `${message.name} ${message.level}`)).toEqual(['DD001 Warning', 'DD001 Warning']);
  });

  it('reports YAML syntax errors with their line', async () => {
    const answer = await validate(BAD_YAML, 'text/plain');
    expect(answer.status).toBe(400);
    expect(messagesOf(answer.body)).toEqual([expect.objectContaining({ name: 'DD001', error: true, line: 5, documents: [] })]);
  });

  it('answers a design that passes with the compiler\'s warnings first', async () => {
    const answer = await validate({ yaml: SMALL_SITE });
    expect(messagesOf(answer.body).slice(0, 2).map((message) => `${message.name} ${message.level}`)).toEqual(['DD001 Warning', 'DD001 Warning']);
  });

  it('answers 400 naming an href it cannot read', async () => {
    const answer = await validate({ href: '/no/such/site.yaml' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 'Failure', code: 400, details: { errorCount: 1 } });
    expect(messagesOf(answer.body)).toEqual([
      expect.objectContaining({ name: 'DD000', error: true, message: 'Design Loading: Cannot read the site design at /no/such/site.yaml: no such file.' }),
    ]);
  });

  it.each([
    ['an empty body', undefined, 'Invalid validation request: the body is empty'],
    ['no href', {}, 'Invalid validation request: no design given'],
    ['a bad href type', { href: 42 }, 'href must be a string (got 42)'],
  ])('answers a malformed request (%s) with 400 and Drydock\'s error body', async (_case, body, message) => {
    const answer = await validate(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ type: 'error', message: expect.stringContaining(message), retry: false });
  });
});
