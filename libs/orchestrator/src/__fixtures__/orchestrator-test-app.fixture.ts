import { DynamicModule, Global, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createMigratedTestDatabase, type DataSource, type MigratedTestDatabase } from '@slipway/db';
import { CLOCK, type Clock, DATA_SOURCE, READINESS_CHECKS, RepositoriesModule, useJsonBodyParser } from '@slipway/runtime';
import type { PlatformCatalog } from '@slipway/site';
import { DESIGN_SOURCE_LIMITS, DEFAULT_DESIGN_SOURCE_LIMITS, type DesignSourceLimits } from '../designs/design-source.service';
import { OrchestratorModule } from '../orchestrator.module';
import { SITE_TASK_QUEUE, type SiteTaskQueue } from '../tasks/site-task-queue.port';
import { SITE_PLATFORM_CATALOG } from '../validation/site-platform-catalog';

/** The catalog docs/examples/valid-site.yaml is valid with (docs/validation.md). */
export const EXAMPLE_PLATFORMS: PlatformCatalog = { jammy: ['ga-22.04', 'hwe-22.04'], noble: ['ga-24.04'] };

/** A fake of the engine's port that records what the API asked of it. */
export class RecordingSiteTaskQueue implements SiteTaskQueue {
  readonly calls: Array<{ call: 'enqueue' | 'terminate'; taskId: string }> = [];

  async enqueue(taskId: string): Promise<void> {
    this.calls.push({ call: 'enqueue', taskId });
  }

  async terminate(taskId: string): Promise<void> {
    this.calls.push({ call: 'terminate', taskId });
  }
}

export interface OrchestratorResponse {
  status: number;
  headers: Record<string, unknown>;
  /** The parsed JSON body (undefined when empty). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface OrchestratorTestApp {
  dataSource: DataSource;
  queue: RecordingSiteTaskQueue;
  /** JSON in (an object body), or text with a content type (`{yaml}`), JSON out. */
  request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, contentType?: string): Promise<OrchestratorResponse>;
  /** Any request, with its headers; the body comes back as bytes (a tarball). */
  raw(method: 'GET' | 'POST', path: string, headers?: Record<string, string>, body?: unknown): Promise<{ status: number; headers: Record<string, unknown>; payload: Buffer }>;
  close(): Promise<void>;
}

export interface OrchestratorTestAppOptions {
  /** The database server's admin URL (the spec reads SLIPWAY_TEST_DATABASE_URL). */
  adminUrl?: string;
  platforms?: PlatformCatalog;
  limits?: Partial<DesignSourceLimits>;
  clock?: Clock;
}

/**
 * The orchestrator's API in a Nest testing module on a database of its own (migrated), with the
 * runtime's body parsers, and a recording fake of the task engine's port. Requests go through
 * Fastify's inject: no port is opened.
 */
export async function startOrchestratorTestApp(options: OrchestratorTestAppOptions = {}): Promise<OrchestratorTestApp> {
  const database: MigratedTestDatabase = await createMigratedTestDatabase(options.adminUrl);
  const queue = new RecordingSiteTaskQueue();
  const providers = [
    { provide: DATA_SOURCE, useValue: database.dataSource },
    { provide: CLOCK, useValue: options.clock ?? { now: () => new Date() } },
    { provide: READINESS_CHECKS, useValue: [] },
    { provide: SITE_PLATFORM_CATALOG, useValue: options.platforms },
    { provide: SITE_TASK_QUEUE, useValue: queue },
  ];
  @Global()
  @Module({})
  class TestInfrastructureModule {}
  const infrastructure: DynamicModule = { module: TestInfrastructureModule, providers, exports: providers.map((provider) => provider.provide) };
  const moduleRef = await Test.createTestingModule({ imports: [infrastructure, RepositoriesModule, OrchestratorModule] })
    // The engine's own provider, once the module has one, gives way to the fake.
    .overrideProvider(SITE_TASK_QUEUE)
    .useValue(queue)
    .overrideProvider(DESIGN_SOURCE_LIMITS)
    .useValue({ ...DEFAULT_DESIGN_SOURCE_LIMITS, ...options.limits })
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { bodyParser: false, logger: false });
  useJsonBodyParser(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    dataSource: database.dataSource,
    queue,
    async request(method, path, body, contentType) {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const headers = text === undefined ? {} : { 'content-type': contentType ?? 'application/json' };
      const response = await app.inject({ method, url: path, payload: text, headers });
      return { status: response.statusCode, headers: response.headers, body: response.body === '' ? undefined : JSON.parse(response.body) };
    },
    async raw(method, path, headers = {}, body) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const response = await app.inject({ method, url: path, payload, headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers } });
      return { status: response.statusCode, headers: response.headers, payload: response.rawPayload };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
