import { DriverOperationError } from '@slipway/errors';
import { ExecFileCommandRunner } from './command-runner';

describe('ExecFileCommandRunner', () => {
  const runner = new ExecFileCommandRunner({ driverName: 'linux-bridge' });

  it('passes arguments as they are, without a shell, and returns the output', async () => {
    expect(await runner.run(['printf', '%s|', 'a b', '$HOME', ';', '*'])).toEqual({ exitCode: 0, stdout: 'a b|$HOME|;|*|', stderr: '' });
  });

  it('returns a non-zero exit as a result, with stderr in the C locale', async () => {
    expect(await runner.run(['ip', 'link', 'show', 'dev', 'no-such-if0'])).toEqual({ exitCode: 1, stdout: '', stderr: 'Device "no-such-if0" does not exist.\n' });
  });

  it('runs with a fixed environment', async () => {
    expect((await runner.run(['env'])).stdout.trim().split('\n').sort()).toEqual(['LC_ALL=C', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  });

  it('rejects with DriverOperationError when the program cannot run or runs out of time', async () => {
    await expect(runner.run(['no-such-program-xyz'])).rejects.toThrow(new DriverOperationError({ driver: 'linux-bridge', reason: '"no-such-program-xyz" could not be run (ENOENT)' }));
    await expect(new ExecFileCommandRunner({ timeoutMs: 100 }).run(['sleep', '5'])).rejects.toThrow('Runtime failure in driver switch: "sleep 5" timed out after 100 ms');
  });
});
