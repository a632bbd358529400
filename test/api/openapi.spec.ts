import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, SpawnedApp } from '@slipway/testing';

// OpenAPI 3 at /v1/openapi.json and Swagger UI at /docs, generated from the routes served.
describe('OpenAPI document (cross-process)', () => {
  let dir: string;
  let app: SpawnedApp;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-openapi-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp('standalone', { SLIPWAY_DATA_DIR: dir, SLIPWAY_API_PORT: String(port) });
    await app.waitFor(/Ironic API at/, 30_000);
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describes the node routes with their verbs, the version header and the create body', async () => {
    const response = await fetch(`${base}/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> } }>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths['/v1/nodes']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/v1/nodes/{node}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(document.paths['/v1/nodes/{node}/states/provision'].put).toBeDefined();
    const create = document.paths['/v1/nodes'].post;
    expect(create.parameters?.some((p) => p.in === 'header' && p.name === 'X-OpenStack-Ironic-API-Version')).toBe(true);
    const body = create.requestBody?.content['application/json'].schema;
    expect(body?.required).toContain('driver');
    expect(body?.properties).toHaveProperty('driver_info');
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await fetch(`${base}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('swagger');
  });
});
