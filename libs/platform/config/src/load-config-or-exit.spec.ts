import { apiSettings, defineSetting, EXIT_CONFIG, loadConfigOrExit, settingValue } from './index';

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`exit(${code})`);
  }
}

function harness() {
  const written: string[] = [];
  return {
    written,
    stderr: { write: (text: string) => written.push(text) },
    exit: (code: number): never => {
      throw new ExitCalled(code);
    },
  };
}

describe('loadConfigOrExit', () => {
  it('returns the config when it is valid, writing nothing', () => {
    const h = harness();
    const config = loadConfigOrExit(apiSettings, 'slipway-api', { env: { SLIPWAY_API_PORT: '7000' }, exit: h.exit, stderr: h.stderr });
    expect(config.api.port).toBe(7000);
    expect(h.written).toEqual([]);
  });

  it('prints the app name and one line per problem, then exits with 78', () => {
    const h = harness();
    let exitCode: number | undefined;
    try {
      loadConfigOrExit(apiSettings, 'slipway-api', {
        env: { SLIPWAY_API_PORT: 'x', SLIPWAY_DATABASE_URL: 'mysql://u:pw@db/x' },
        exit: h.exit,
        stderr: h.stderr,
      });
    } catch (err) {
      if (!(err instanceof ExitCalled)) throw err;
      exitCode = err.code;
    }
    expect(exitCode).toBe(78);
    expect(EXIT_CONFIG).toBe(78);
    expect(h.written.join('')).toBe(
      [
        'slipway-api: invalid configuration',
        '  - SLIPWAY_DATABASE_URL (config key database.url) from the environment: got "mysql://u:***@db/x"; expected a postgres:// or postgresql:// URL',
        '  - SLIPWAY_API_PORT (config key api.port) from the environment: got "x"; expected an integer from 1 to 65535',
        '',
      ].join('\n'),
    );
  });

  it('lets errors other than configuration errors through', () => {
    const h = harness();
    const broken = defineSetting({
      key: 'broken',
      env: 'SLIPWAY_BROKEN',
      schema: settingValue.integer({ min: 0 }),
      default: () => {
        throw new Error('bug in a default');
      },
      description: 'test only',
    });
    expect(() => loadConfigOrExit([broken], 'app', { env: {}, exit: h.exit, stderr: h.stderr })).toThrow('bug in a default');
    expect(h.written).toEqual([]);
  });
});
