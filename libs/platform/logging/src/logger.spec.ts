import { configureLogging, correlation, getLogger, newCorrelationId, type LogDestination } from './index';

// Shaped like a DomainError: own fields that must reach the log line.
class NodeLockedError extends Error {
  readonly code = 'NodeLocked';
  readonly details: Record<string, string>;
  constructor(details: { node: string; host: string }) {
    super(`Node ${details.node} is locked by host ${details.host}`);
    this.name = 'NodeLockedError';
    this.details = details;
  }
}

class MemoryDestination implements LogDestination {
  readonly chunks: string[] = [];
  write(chunk: string): void {
    this.chunks.push(chunk);
  }
  entries(): Record<string, unknown>[] {
    return this.chunks.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  text(): string {
    return this.chunks.join('');
  }
}

function capture(options: { level?: 'info' | 'debug'; format?: 'json' | 'pretty' } = {}): MemoryDestination {
  const destination = new MemoryDestination();
  configureLogging({ level: options.level ?? 'info', format: options.format ?? 'json', destination });
  return destination;
}

describe('getLogger', () => {
  it('writes one JSON line per call with level label, ISO time, component and message', () => {
    const out = capture();
    getLogger('NodeService').info({ node: 'n1' }, 'node updated');
    const [entry] = out.entries();
    expect(entry).toMatchObject({ level: 'info', component: 'NodeService', node: 'n1', msg: 'node updated' });
    expect(entry?.['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(out.chunks[0]?.endsWith('\n')).toBe(true);
  });

  it('follows configureLogging even when obtained before it', () => {
    const log = getLogger('EarlyComponent');
    const first = capture({ level: 'info' });
    log.debug('hidden');
    log.info('shown');
    expect(first.entries().map((e) => e['msg'])).toEqual(['shown']);

    const second = capture({ level: 'debug' });
    log.debug('now shown');
    expect(second.entries().map((e) => e['msg'])).toEqual(['now shown']);
    expect(first.chunks).toHaveLength(1);
  });

  it('adds extra bindings given with the component', () => {
    const out = capture();
    getLogger('Heartbeat', { conductor: 'c-1' }).info('beat');
    expect(out.entries()[0]).toMatchObject({ component: 'Heartbeat', conductor: 'c-1' });
  });
});

describe('correlation', () => {
  it('adds correlation_id to every line logged inside run, across awaits', async () => {
    const out = capture();
    const log = getLogger('Api');
    log.info('before');
    await correlation.run('req-123', async () => {
      log.info('inside');
      await new Promise((resolve) => setImmediate(resolve));
      expect(correlation.id()).toBe('req-123');
      log.info('after await');
    });
    log.info('after');
    expect(out.entries().map((e) => [e['msg'], e['correlation_id']])).toEqual([
      ['before', undefined],
      ['inside', 'req-123'],
      ['after await', 'req-123'],
      ['after', undefined],
    ]);
    expect(correlation.id()).toBeUndefined();
  });

  it('makes OpenStack-style request ids', () => {
    const a = newCorrelationId();
    expect(a).toMatch(/^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCorrelationId()).not.toBe(a);
  });
});

describe('secrets', () => {
  it('writes a password given in an object as [REDACTED]', () => {
    const out = capture();
    getLogger('Driver').info({ username: 'admin', password: 'hunter2' }, 'connecting');
    expect(out.entries()[0]).toMatchObject({ username: 'admin', password: '[REDACTED]' });
    expect(out.text()).not.toContain('hunter2');
  });

  it('redacts secret-looking keys at any depth and in any case style', () => {
    const out = capture();
    getLogger('Driver').info(
      {
        driver_info: { redfish_address: 'https://10.0.0.1', redfish_password: 'p1', ipmiPassword: 'p2' },
        headers: { Authorization: 'Basic YWRtaW46cDM=' },
        agent_token: 'p4',
        nested: [{ secret: 'p5' }],
      },
      'validate',
    );
    const text = out.text();
    for (const secret of ['p1', 'p2', 'YWRtaW46cDM=', 'p4', 'p5']) expect(text).not.toContain(`"${secret}"`);
    expect(out.entries()[0]).toMatchObject({
      driver_info: { redfish_address: 'https://10.0.0.1', redfish_password: '[REDACTED]', ipmiPassword: '[REDACTED]' },
      headers: { Authorization: '[REDACTED]' },
      agent_token: '[REDACTED]',
      nested: [{ secret: '[REDACTED]' }],
    });
  });

  it('masks the password of URLs in values, messages and interpolation arguments', () => {
    const out = capture();
    const log = getLogger('Db');
    log.info({ url: 'postgres://slipway:s3cret@db:5432/slipway' }, 'connect');
    log.info('connecting to amqp://guest:guest-pw@rabbit:5672/');
    log.info('retrying %s', 'redis://:r3dis@cache:6379');
    const text = out.text();
    expect(text).not.toMatch(/s3cret|guest-pw|r3dis/);
    expect(out.entries().map((e) => e['url'] ?? e['msg'])).toEqual([
      'postgres://slipway:[REDACTED]@db:5432/slipway',
      'connecting to amqp://guest:[REDACTED]@rabbit:5672/',
      'retrying redis://:[REDACTED]@cache:6379',
    ]);
  });

  it('masks password=... pairs in messages', () => {
    const out = capture();
    getLogger('Ipmi').warn('ipmitool -U admin password=hunter2 failed');
    expect(out.entries()[0]?.['msg']).toBe('ipmitool -U admin password=[REDACTED] failed');
  });

  it('logs errors with their type, fields and stack, minus secrets', () => {
    const out = capture();
    const err = new Error('cannot reach postgres://u:pw123@db/x');
    getLogger('Db').error({ err }, 'failed');
    getLogger('Locks').warn({ err: new NodeLockedError({ node: 'n1', host: 'c-2' }) }, 'busy');
    const [plain, domain] = out.entries() as { err: Record<string, unknown> }[];
    expect(plain?.err['type']).toBe('Error');
    expect(plain?.err['message']).toBe('cannot reach postgres://u:[REDACTED]@db/x');
    expect(out.text()).not.toContain('pw123');
    expect(domain?.err).toMatchObject({ type: 'NodeLockedError', code: 'NodeLocked', details: { node: 'n1', host: 'c-2' } });
    expect(String(domain?.err['stack'])).toContain('NodeLockedError');
  });
});

describe('pretty format', () => {
  it('writes one readable line with the extra fields and correlation id', () => {
    const out = capture({ format: 'pretty' });
    correlation.run('req-1', () => getLogger('NodeService').warn({ node: 'n1', purpose: 'power on' }, 'lock taken'));
    expect(out.text()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  \[NodeService\] lock taken node=n1 purpose="power on" correlation_id=req-1\n$/);
  });

  it('prints the stack of an error under the line', () => {
    const out = capture({ format: 'pretty' });
    getLogger('Db').error({ err: new Error('boom') }, 'failed');
    const lines = out.text().split('\n');
    expect(lines[0]).toMatch(/ERROR \[Db\] failed$/);
    expect(lines[1]).toBe('    Error: boom');
    expect(lines[2]).toMatch(/^ {4}\s+at /);
  });

  it('still redacts secrets', () => {
    const out = capture({ format: 'pretty' });
    getLogger('Driver').info({ password: 'hunter2' }, 'x');
    expect(out.text()).toContain('password=[REDACTED]');
    expect(out.text()).not.toContain('hunter2');
  });
});
