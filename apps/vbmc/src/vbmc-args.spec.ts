import { parseVbmcArgs, VBMC_USAGE } from './vbmc-args';
import { VbmcInputError } from './vbmc-input.error';

describe('vbmc command line', () => {
  it('has defaults that serve one system of the DMTF mockup on 127.0.0.1:8000 without auth', () => {
    expect(parseVbmcArgs([])).toEqual({
      mockup: 'dmtf-public-rackmount1',
      systems: 1,
      host: '127.0.0.1',
      port: 8000,
      username: undefined,
      password: undefined,
      tls: false,
      tlsCert: undefined,
      tlsKey: undefined,
      powerDelayMs: 0,
      sessionLimit: 16,
      latencyMs: 0,
      taskDurationMs: 200,
      help: false,
    });
  });

  it('reads every flag', () => {
    const args = parseVbmcArgs([
      '--mockup', 'intel-s2600bpb', '--systems', '5000', '--port', '8123', '--host', '0.0.0.0',
      '--username', 'admin', '--password', 'pw', '--tls', '--tls-cert', 'c.pem', '--tls-key', 'k.pem',
      '--power-delay-ms', '2500', '--session-limit', '4', '--latency-ms', '20', '--task-duration-ms', '50',
    ]);
    expect(args).toMatchObject({ mockup: 'intel-s2600bpb', systems: 5000, port: 8123, host: '0.0.0.0', username: 'admin', password: 'pw', tls: true, tlsCert: 'c.pem', tlsKey: 'k.pem', powerDelayMs: 2500, sessionLimit: 4, latencyMs: 20, taskDurationMs: 50 });
  });

  it.each([
    [['--port', 'x'], '--port must be a whole number from 0 to 65535, got "x"'],
    [['--port', '70000'], '--port must be a whole number'],
    [['--systems', '0'], '--systems must be a whole number from 1 to 100000'],
    [['--systems', '2.5'], '--systems must be a whole number'],
    [['--power-delay-ms=-1'], '--power-delay-ms must be a whole number'],
    [['--power-delay-ms', '-1'], "Option '--power-delay-ms' argument is ambiguous"],
    [['--session-limit', '0'], '--session-limit must be a whole number from 1'],
    [['--latency-ms', 'soon'], '--latency-ms must be a whole number'],
    [['--username', 'admin'], '--username and --password go together'],
    [['--tls-cert', 'c.pem'], '--tls-cert and --tls-key go together'],
    [['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], '--tls-cert/--tls-key need --tls'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port'], "Option '--port <value>' argument missing"],
    [['stray'], 'stray'],
  ])('refuses %j with a clear message and the usage', (argv, message) => {
    let thrown: unknown;
    try {
      parseVbmcArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VbmcInputError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).toContain(VBMC_USAGE);
  });

  it('reports every problem at once', () => {
    expect(() => parseVbmcArgs(['--port', 'x', '--systems', 'y', '--password', 'p'])).toThrow(/--systems[\s\S]*--port[\s\S]*--username and --password/);
  });
});
