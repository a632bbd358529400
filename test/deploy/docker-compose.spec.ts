import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { settings } from '@slipway/config';
import { sharedData } from '@slipway/test-data';

// Docker cannot run on the CI machine, so the compose file is checked statically: every service
// runs a real entry point with real settings, and the topology is the one the README promises.
const root = join(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  ports?: string[];
}

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const slipwayServices = Object.entries(services).filter(([, s]) => s.build);
const knownEnv = new Set(Object.values(settings).map((s) => s.env));

describe('docker-compose.yml', () => {
  it('runs the cluster topology: postgres, rabbitmq, redis, api ×2, conductor ×3, orchestrator, vbmc', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'conductor', 'orchestrator', 'postgres', 'rabbitmq', 'redis', 'vbmc']);
    expect(services.api.deploy?.replicas).toBe(2);
    expect(services.conductor.deploy?.replicas).toBe(3);
  });

  it.each(slipwayServices)('%s builds from a Dockerfile that exists and runs a real entry point', (_name, service) => {
    expect(existsSync(join(root, service.build!.context, service.build!.dockerfile))).toBe(true);
    const [binary, entry] = service.command ?? [];
    expect(binary).toBe('node');
    // dist/apps/<app>/src/main.js is compiled from apps/<app>/src/main.ts.
    const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect(existsSync(join(root, source))).toBe(true);
  });

  it.each(slipwayServices.filter(([, s]) => s.environment))('%s sets only real settings, with valid values', (_name, service) => {
    for (const [key, value] of Object.entries(service.environment ?? {})) {
      expect(knownEnv).toContain(key);
      const setting = Object.values(settings).find((s) => s.env === key)!;
      expect(setting.schema.safeParse(value).success).toBe(true);
    }
  });

  it.each(slipwayServices.filter(([name]) => name !== 'vbmc'))('%s points at the compose postgres, rabbitmq and redis', (_name, service) => {
    const env = service.environment ?? {};
    expect(new URL(env.SLIPWAY_DATABASE_URL).hostname).toBe('postgres');
    expect(new URL(env.SLIPWAY_AMQP_URL).hostname).toBe('rabbitmq');
    expect(new URL(env.SLIPWAY_REDIS_URL).hostname).toBe('redis');
    expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['postgres', 'rabbitmq', 'redis']);
  });

  it('uses the credentials the postgres and rabbitmq services are created with', () => {
    const db = new URL(services.api.environment!.SLIPWAY_DATABASE_URL);
    expect([db.username, db.password, db.pathname.slice(1)]).toEqual([
      services.postgres.environment!.POSTGRES_USER,
      services.postgres.environment!.POSTGRES_PASSWORD,
      services.postgres.environment!.POSTGRES_DB,
    ]);
    const amqp = new URL(services.api.environment!.SLIPWAY_AMQP_URL);
    expect([amqp.username, amqp.password]).toEqual([services.rabbitmq.environment!.RABBITMQ_DEFAULT_USER, services.rabbitmq.environment!.RABBITMQ_DEFAULT_PASS]);
  });

  it('gives the vbmc a mockup that exists in the shared test data', () => {
    const command = services.vbmc.command!;
    const mockup = command[command.indexOf('--mockup') + 1];
    expect(mockup).toBe('/mockups/dmtf-public-rackmount1');
    expect(existsSync(join(sharedData('redfish-mockups'), 'dmtf-public-rackmount1/index.json'))).toBe(true);
  });

  it('builds the image with scripts package.json has', () => {
    const dockerfile = readFileSync(join(root, 'deploy/Dockerfile'), 'utf8');
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const [, script] of dockerfile.matchAll(/npm run (\S+)/g)) expect(scripts).toHaveProperty(script);
  });
});
