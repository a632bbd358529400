import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_CERT_DIR } from './bundled-files';
import { VbmcInputError } from './vbmc-input.error';
import { TlsFiles } from './vbmc-server';

/**
 * The certificate and key to serve HTTPS with: the given files, or the bundled self-signed one
 * (CN=localhost, SAN localhost and 127.0.0.1; apps/vbmc/certs/README.md says how it was made).
 */
export function loadTls(certFile?: string, keyFile?: string): TlsFiles {
  const cert = certFile ?? join(DEV_CERT_DIR, 'dev-cert.pem');
  const key = keyFile ?? join(DEV_CERT_DIR, 'dev-key.pem');
  return { cert: read(cert, 'certificate'), key: read(key, 'key') };
}

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new VbmcInputError(`cannot read the TLS ${what} ${file}: ${(error as Error).message}`);
  }
}
