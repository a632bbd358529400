import { hashSync } from 'bcryptjs';
import { Htpasswd, HtpasswdError } from './htpasswd';

describe('Htpasswd', () => {
  // Low cost keeps the test fast; `htpasswd -B` writes $2y$ hashes, which are the same algorithm.
  const aliceHash = hashSync('wonderland', 4).replace(/^\$2b\$/, '$2y$');
  const bobHash = hashSync('builder', 4);
  const file = `# users\nalice:${aliceHash}\n\nbob:${bobHash}\n`;

  it('verifies bcrypt entries, $2y$ included, and rejects wrong or unknown credentials', async () => {
    const htpasswd = Htpasswd.parse(file, 'users.htpasswd');
    await expect(htpasswd.verify('alice', 'wonderland')).resolves.toBe(true);
    await expect(htpasswd.verify('bob', 'builder')).resolves.toBe(true);
    await expect(htpasswd.verify('alice', 'builder')).resolves.toBe(false);
    await expect(htpasswd.verify('carol', 'wonderland')).resolves.toBe(false);
    await expect(htpasswd.verify('alice', '')).resolves.toBe(false);
  });

  it('still checks the password after a successful verification was cached', async () => {
    const htpasswd = Htpasswd.parse(file, 'users.htpasswd');
    await expect(htpasswd.verify('alice', 'wonderland')).resolves.toBe(true);
    await expect(htpasswd.verify('alice', 'wonderland')).resolves.toBe(true);
    await expect(htpasswd.verify('alice', 'wonderland!')).resolves.toBe(false);
  });

  it('reports every bad line by number, without printing hashes', () => {
    const bad = `alice:${aliceHash}\nnocolon\nmd5:$apr1$abc$def\nalice:${bobHash}\n`;
    let error: unknown;
    try {
      Htpasswd.parse(bad, 'users.htpasswd');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HtpasswdError);
    expect((error as HtpasswdError).problems).toEqual([
      'users.htpasswd:2: expected "user:bcrypt-hash"',
      'users.htpasswd:3: the entry of "md5" is not a bcrypt hash (create it with htpasswd -B)',
      'users.htpasswd:4: "alice" appears twice',
    ]);
    expect((error as Error).message).not.toContain(bobHash);
  });

  it('refuses a file without users', () => {
    expect(() => Htpasswd.parse('# nobody\n', 'empty.htpasswd')).toThrow('empty.htpasswd: no users');
  });
});
