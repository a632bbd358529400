import type { ArgumentsHost } from '@nestjs/common';
import { ConductorUnavailableError } from '@slipway/errors';
import { configureLogging, type LogDestination } from '@slipway/logging';
import { IronicExceptionFilter } from './ironic-exception.filter';

/** Log lines kept in memory. */
class MemoryDestination implements LogDestination {
  readonly lines: Record<string, unknown>[] = [];
  write(chunk: string): void {
    this.lines.push(JSON.parse(chunk) as Record<string, unknown>);
  }
}

/** An ArgumentsHost of one HTTP request, and the answer the filter gave. */
function httpHost(): { host: ArgumentsHost; sent: { status?: number; body?: unknown } } {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    headers: () => reply,
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const request = { method: 'PUT', url: '/v1/nodes/n1/states/power', routeOptions: { url: '/v1/nodes/:node/states/power' } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('IronicExceptionFilter', () => {
  let logs: MemoryDestination;
  beforeEach(() => {
    logs = new MemoryDestination();
    configureLogging({ level: 'info', format: 'json', destination: logs });
  });
  afterAll(() => configureLogging({ level: 'silent' }));

  it('logs a retryable 503 (a conductor gone, the broker restarting) as one warning line, without a stack', () => {
    const { host, sent } = httpHost();
    new IronicExceptionFilter().catch(new ConductorUnavailableError({ conductor: 'c1', reason: 'no RPC queue or server for this host' }), host);
    expect(sent.status).toBe(503);
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({ level: 'warn', msg: 'request failed; retryable', code: 'ConductorUnavailable', method: 'PUT' });
    expect(logs.lines[0].reason).toContain('Conductor c1 is unavailable');
    expect(JSON.stringify(logs.lines[0])).not.toContain('at ');
  });

  it('logs an unexpected failure as an error with its stack', () => {
    const { host, sent } = httpHost();
    new IronicExceptionFilter().catch(new Error('boom'), host);
    expect(sent.status).toBe(500);
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({ level: 'error', msg: 'request failed' });
    expect((logs.lines[0].err as { stack: string }).stack).toContain('boom');
  });
});
