import { compare } from 'bcryptjs';
import { createHash } from 'node:crypto';

// An Apache htpasswd file of bcrypt entries (`htpasswd -B`), as Ironic's http_basic reads it.
// Other hash schemes (MD5 `$apr1$`, SHA, crypt) are refused at start: Ironic accepts bcrypt only.

const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

export class HtpasswdError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'HtpasswdError';
  }
}

export class Htpasswd {
  /** sha256(user:password) of credentials already verified: bcrypt is slow on purpose. */
  private readonly verified = new Set<string>();
  private static readonly VERIFIED_CACHE_SIZE = 1024;

  private constructor(private readonly hashes: ReadonlyMap<string, string>) {}

  /** Parses the file's text; every bad line is reported (by number), never a hash. */
  static parse(text: string, fileName: string): Htpasswd {
    const hashes = new Map<string, string>();
    const problems: string[] = [];
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const separator = line.indexOf(':');
      const user = line.slice(0, separator);
      const hash = line.slice(separator + 1);
      if (separator <= 0) problems.push(`${fileName}:${index + 1}: expected "user:bcrypt-hash"`);
      else if (!BCRYPT.test(hash)) problems.push(`${fileName}:${index + 1}: the entry of "${user}" is not a bcrypt hash (create it with htpasswd -B)`);
      else if (hashes.has(user)) problems.push(`${fileName}:${index + 1}: "${user}" appears twice`);
      else hashes.set(user, hash);
    });
    if (!problems.length && hashes.size === 0) problems.push(`${fileName}: no users`);
    if (problems.length) throw new HtpasswdError(problems);
    return new Htpasswd(hashes);
  }

  async verify(user: string, password: string): Promise<boolean> {
    const hash = this.hashes.get(user);
    if (!hash) return false;
    const key = createHash('sha256').update(`${user}\0${password}\0${hash}`).digest('hex');
    if (this.verified.has(key)) return true;
    if (!(await compare(password, hash))) return false;
    if (this.verified.size >= Htpasswd.VERIFIED_CACHE_SIZE) this.verified.clear();
    this.verified.add(key);
    return true;
  }
}
