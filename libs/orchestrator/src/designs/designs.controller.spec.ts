import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '@slipway/testing';
import { BAD_YAML, DANGLING_REFERENCE, PROFILE_CYCLE, SMALL_SITE, UNKNOWN_KIND, VALID_SITE_PATH, validSiteYaml } from '../__fixtures__/design-yaml.fixture';
import { startOrchestratorTestApp, type OrchestratorTestApp } from '../__fixtures__/orchestrator-test-app.fixture';

// Controller test: the orchestrator's design endpoints in a Nest testing module, on a database of
// their own, with a local HTTP server for hrefs.
describe('designs API (/api/v1.0/designs)', () => {
  let api: OrchestratorTestApp;
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    api = await startOrchestratorTestApp({ adminUrl: process.env.SLIPWAY_TEST_DATABASE_URL, limits: { timeoutMs: 500, maxBytes: 64 * 1024 } });
    dir = mkdtempSync(join(tmpdir(), 'slipway-designs-'));
    server = createServer((request, response) => {
      if (request.url === '/site.yaml') return void response.writeHead(200, { 'content-type': 'application/x-yaml' }).end(SMALL_SITE);
      if (request.url === '/bad.yaml') return void response.writeHead(200).end(DANGLING_REFERENCE);
      if (request.url === '/huge.yaml') return void response.writeHead(200).end(`# ${'x'.repeat(70 * 1024)}\n${SMALL_SITE}`);
      if (request.url === '/slow.yaml') return; // never answers
      response.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  const post = (body: unknown, query = '', contentType?: string) => api.request('POST', `/api/v1.0/designs${query}`, body, contentType);
  const versionsOf = async (name: string) => ((await api.request('GET', '/api/v1.0/designs')).body as Array<{ name: string; version: number }>).filter((design) => design.name === name);

  describe('creating', () => {
    it.each(['application/x-yaml', 'text/yaml', 'text/plain'])('stores a YAML body (%s) as version 1 of ?name=, and answers 201 with the version', async (contentType) => {
      const name = unique('body');
      const created = await post(SMALL_SITE, `?name=${name}`, contentType);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        design_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name,
        version: 1,
        design_ref: `design://${created.body.design_id}/1`,
        source_ref: 'inline',
        created_at: expect.stringMatching(/Z$/),
        document_count: 5,
        warnings: [expect.objectContaining({ message: expect.stringContaining('r1') }), expect.objectContaining({ message: expect.stringContaining('r2') })],
      });
      expect(created.headers.location).toBe(`/api/v1.0/designs/${created.body.design_id}`);
    });

    it('stores JSON {name, yaml}, and each store of a name is its next version', async () => {
      const name = unique('versions');
      const first = await post({ name, yaml: SMALL_SITE });
      const second = await post({ name, yaml: `${SMALL_SITE}\n# changed` });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect([first.body.version, second.body.version]).toEqual([1, 2]);
      expect(second.body.design_id).not.toBe(first.body.design_id);
      expect((await versionsOf(name)).map((design) => design.version)).toEqual([1, 2]);
    });

    it('takes the name of the Region when none is given', async () => {
      const created = await post(validSiteYaml(), '', 'application/x-yaml');
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'slipway-lab', document_count: 34, warnings: [] });
    });

    it('reads {name, href} from an http URL, a file URL and an absolute path, keeping the href as source_ref', async () => {
      const file = join(dir, 'site.yaml');
      writeFileSync(file, SMALL_SITE);
      for (const href of [`${base}/site.yaml`, pathToFileURL(file).href, file]) {
        const created = await post({ name: unique('href'), href });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ version: 1, source_ref: href, document_count: 5 });
      }
    });

    it.each([
      ['bad YAML', BAD_YAML, [{ line: 5, message: expect.stringContaining('YAML syntax error') }]],
      ['an unknown kind', UNKNOWN_KIND, [{ document: 'Widget/w1', line: expect.any(Number), message: expect.stringContaining("unknown kind 'Widget'") }]],
      ['a dangling reference', DANGLING_REFERENCE, [{ document: 'BaremetalNode/n3', field: 'host_profile', line: expect.any(Number), message: expect.stringContaining('missing') }]],
      [
        'a cycle',
        PROFILE_CYCLE,
        [{ document: 'HostProfile/a', field: 'host_profile', line: expect.any(Number), message: expect.stringContaining('makes an inheritance cycle: a → b → a') }],
      ],
    ])('refuses %s with 400 naming document, field and line, and stores nothing', async (_case, yaml, problems) => {
      const name = unique('refused');
      const refused = await post({ name, yaml });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ type: 'error', message: expect.stringContaining('nothing was stored'), retry: false, problems: expect.arrayContaining(problems.map((p) => expect.objectContaining(p))) });
      for (const problem of refused.body.problems as Array<{ message: string }>) expect(refused.body.message).toContain(problem.message);
      expect(await versionsOf(name)).toEqual([]);
    });

    it('refuses a design read from an href with problems, naming the URL as the file', async () => {
      const refused = await post({ name: unique('bad-href'), href: `${base}/bad.yaml` });
      expect(refused.status).toBe(400);
      expect(refused.body.problems[0]).toMatchObject({ document: 'BaremetalNode/n3', file: `${base}/bad.yaml` });
    });

    it.each([
      ['a missing page', '/missing.yaml', 'the server answered HTTP 404 Not Found'],
      ['a server that does not answer', '/slow.yaml', 'no answer within 0.5 s'],
      ['a body over the size limit', '/huge.yaml', 'it is larger than 65536 bytes'],
    ])('answers 400 naming the href for %s', async (_case, path, reason) => {
      const refused = await post({ name: unique('unreadable'), href: `${base}${path}` });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ type: 'error', message: `Cannot read the site design at ${base}${path}: ${reason}.`, retry: false });
    });

    it('answers 400 naming an href whose server is down', async () => {
      const href = `http://127.0.0.1:${await freePort()}/site.yaml`;
      const refused = await post({ name: unique('down'), href });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe(`Cannot read the site design at ${href}: connection refused.`);
    });

    it.each([
      ['/no/such/site.yaml', 'no such file'],
      ['relative/site.yaml', 'a path must be absolute (it is read on the orchestrator host)'],
      ['ftp://example.com/site.yaml', 'only http, https and file URLs, and absolute paths, are read'],
    ])('answers 400 for the href %s', async (href, reason) => {
      const refused = await post({ name: unique('unreadable'), href });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe(`Cannot read the site design at ${href}: ${reason}.`);
    });

    it.each([
      ['no body', undefined, 'Invalid design request: the body is empty'],
      ['neither href nor yaml', { name: 'x' }, 'Invalid design request: no design given'],
      ['both href and yaml', { name: 'x', href: '/a', yaml: 'b' }, 'give either href or yaml, not both'],
      ['an unknown field', { name: 'x', yaml: 'a', url: 'b' }, 'url is not a known field of design request'],
      ['a name that is a UUID', { name: '0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b', yaml: 'a' }, 'name must not look like a design id'],
      ['a name with a slash', { name: 'a/b', yaml: 'a' }, 'name must be 1 to 255 letters'],
      ['a yaml that is not a string', { name: 'x', yaml: 3 }, 'yaml must be a string (got 3)'],
    ])('answers 400 for %s', async (_case, body, message) => {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain(message);
    });

    it('answers 400 when the design has no name and no Region', async () => {
      const refused = await post(SMALL_SITE.replace(/---\nschema: drydock\/Region[^]*?(?=---)/, ''), '', 'text/yaml');
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('The design needs a name');
    });

    it('answers 400 for YAML without any design document', async () => {
      const refused = await post('just: a mapping\n', '?name=empty', 'application/x-yaml');
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('holds no Drydock design document');
    });
  });

  describe('reading', () => {
    let design: { design_id: string; name: string; version: number };
    beforeAll(async () => {
      design = (await post({ name: unique('read'), href: VALID_SITE_PATH })).body;
    });

    it('lists versions with their references', async () => {
      expect(await versionsOf(design.name)).toEqual([
        { design_id: design.design_id, name: design.name, version: 1, design_ref: `design://${design.design_id}/1`, source_ref: VALID_SITE_PATH, created_at: expect.any(String) },
      ]);
    });

    it('shows the documents as stored (source=designed, the default)', async () => {
      const shown = await api.request('GET', `/api/v1.0/designs/${design.design_id}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ design_id: design.design_id, source: 'designed' });
      expect(shown.body.documents).toHaveLength(34);
      expect(shown.body.documents[0]).toEqual({ kind: 'Region', name: 'slipway-lab', labels: {}, data: expect.any(Object), source: { file: VALID_SITE_PATH, index: 0, line: 10 } });
      expect((await api.request('GET', `/api/v1.0/designs/${design.design_id}?source=designed`)).body).toEqual(shown.body);
    });

    it('shows the compiled design (source=compiled), found by id, name or design reference', async () => {
      for (const ref of [design.design_id, design.name, encodeURIComponent(`design://${design.design_id}/1`)]) {
        const shown = await api.request('GET', `/api/v1.0/designs/${ref}?source=compiled`);
        expect(shown.status).toBe(200);
        expect(shown.body.source).toBe('compiled');
        expect(shown.body.design.nodes).toHaveLength(20);
        expect(shown.body.design.nodes[0]).toMatchObject({ name: 'node01', hardware_profile: 'generic-2u', primary_network: 'mgmt', metadata: { rack: 'rack01', tags: ['compute'] } });
      }
    });

    it('lists parts: the catalog, a kind, one part (Site is the Region)', async () => {
      const catalog = await api.request('GET', `/api/v1.0/designs/${design.design_id}/parts`);
      expect(catalog.body).toContainEqual({ kind: 'BaremetalNode', key: 'node20' });
      expect(catalog.body).toContainEqual({ kind: 'Region', key: 'slipway-lab' });
      const nodes = await api.request('GET', `/api/v1.0/designs/${design.design_id}/parts/BaremetalNode`);
      expect(nodes.body.map((node: { name: string }) => node.name)).toHaveLength(20);
      expect((await api.request('GET', `/api/v1.0/designs/${design.design_id}/parts/baremetalnode/node07`)).body).toMatchObject({ name: 'node07', addressing: expect.any(Array) });
      expect((await api.request('GET', `/api/v1.0/designs/${design.design_id}/parts/Site/slipway-lab`)).body).toMatchObject({ name: 'slipway-lab' });
    });

    it.each([
      ['an unknown design id', '/api/v1.0/designs/0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b', 404, 'Design 0f8a36cc-a6b1-4a8d-9e11-6e0f1d5f0b4b not found.'],
      ['an unknown design name', '/api/v1.0/designs/no-such-site', 404, 'Design no-such-site not found.'],
      ['an unknown kind', '/parts/Widget', 404, 'has no kind Widget (the kinds are Region, Rack, NetworkLink, Network, HardwareProfile, HostProfile, BaremetalNode, BootAction, and Site for the Region).'],
      ['an unknown part', '/parts/BaremetalNode/node99', 404, 'has no BaremetalNode node99.'],
      ['an unknown source', '?source=raw', 400, 'Invalid source raw: it is designed or compiled.'],
    ])('answers %s (%s)', async (_case, path, status, message) => {
      const url = path.startsWith('/api') ? path : `/api/v1.0/designs/${design.design_id}${path}`;
      const answer = await api.request('GET', url);
      expect(answer.status).toBe(status);
      expect(answer.body.type).toBe('error');
      expect(answer.body.message).toContain(message);
    });

    it('refuses a design reference whose version does not match its id', async () => {
      const answer = await api.request('GET', `/api/v1.0/designs/${encodeURIComponent(`design://${design.design_id}/7`)}`);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe(`Design reference design://${design.design_id}/7 does not match: design ${design.design_id} is version 1 of ${design.name}, not version 7.`);
    });
  });
});
