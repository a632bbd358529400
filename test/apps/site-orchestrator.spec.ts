import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

const run = promisify(execFile);
const root = join(__dirname, '../..');
const examples = join(root, 'docs/examples');

// The orchestrator's design API in a standalone process, driven as curl would (YAML and JSON
// bodies), and the `site` CLI (compiled, as `npm run site` runs it) against it.
describe('site orchestrator in standalone mode (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-site-'));
    const port = await freePort();
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: join(dir, 'data'), SLIPWAY_API_PORT: String(port) });
    [, url] = await app.waitFor(/orchestrator at (http:\/\/\S+)\/api\/v1\.0/, 30_000);
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (path: string, body: string, contentType: string) => {
    const response = await fetch(`${url}/api/v1.0${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const site = (args: string[]) =>
    run(process.execPath, [join(root, 'dist/apps/site-cli/src/main.js'), '--url', url, ...args], { cwd: root }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, stdout: failed.stdout, stderr: failed.stderr }),
    );

  it('stores a design from a YAML body and from {name, href}, as consecutive versions', async () => {
    const first = await post('/designs?name=lab', readFileSync(join(examples, 'valid-site.yaml'), 'utf8'), 'application/x-yaml');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'lab', version: 1, source_ref: 'inline', document_count: 34 });
    const second = await post('/designs', JSON.stringify({ name: 'lab', href: join(examples, 'valid-site.yaml') }), 'application/json');
    expect(second.body).toMatchObject({ name: 'lab', version: 2, source_ref: join(examples, 'valid-site.yaml') });
    const listed = (await (await fetch(`${url}/api/v1.0/designs`)).json()) as Array<{ version: number }>;
    expect(listed.map((design) => design.version)).toEqual([1, 2]);
  });

  it('refuses a design with problems in Drydock\'s error body, and stores nothing', async () => {
    const refused = await post('/designs', JSON.stringify({ name: 'broken', yaml: 'schema: drydock/Widget/v1\nmetadata:\n  name: w\ndata: {}\n' }), 'application/json');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ type: 'error', retry: false, problems: [{ document: 'Widget/w', line: 1 }] });
    const listed = (await (await fetch(`${url}/api/v1.0/designs`)).json()) as Array<{ name: string }>;
    expect(listed.some((design) => design.name === 'broken')).toBe(false);
  });

  it('validates by href: 200 for the valid example, 400 naming the rule for an invalid one', async () => {
    const valid = await post('/validatedesign', JSON.stringify({ href: join(examples, 'valid-site.yaml') }), 'application/json');
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ kind: 'Status', status: 'Success', code: 200 });
    const invalid = await post('/validatedesign', JSON.stringify({ href: join(examples, 'invalid/DD2005-duplicate-address.yaml') }), 'application/json');
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.messageList.filter((message: { error: boolean }) => message.error).map((message: { name: string }) => message.name)).toEqual(['DD2005']);
  });

  it('site validate prints each message and exits 0 for a valid design, 1 for an invalid one', async () => {
    const valid = await site(['validate', '--file', join(examples, 'valid-site.yaml')]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('Info    DD1001 Rational Boot Storage: Validation successful.');
    expect(valid.stdout.trimEnd().split('\n').at(-1)).toBe(`${join(examples, 'valid-site.yaml')}: Site design passed validation`);

    const file = join(examples, 'invalid', readdirSync(join(examples, 'invalid')).find((name) => name.startsWith('DD1001')) as string);
    const invalid = await site(['validate', '--file', file]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/^Error {3}DD1001 Rational Boot Storage: BaremetalNode node01/m);
    expect(invalid.stdout).toContain('Site design failed validation. (20 errors)');

    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'schema: drydock/Region/v1\nmetadata:\n  name: [x\n');
    const unreadable = await site(['validate', '--file', broken]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toMatch(/^Error {3}DD001 {2}Design Ingestion: YAML syntax error/m);
  });

  it('site exits 2 with its usage for bad usage', async () => {
    const bad = await site(['validate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('site: give the design with --file F or --href H');
    expect(bad.stderr).toContain('usage: npm run site --');
  });
});
