// Conductor host names become routing keys and queue names, so they are restricted to characters
// that mean nothing to a topic exchange (no `*`, `#`, spaces).
const HOST_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function assertRpcHost(host: string): void {
  if (typeof host !== 'string' || !HOST_PATTERN.test(host)) {
    throw new TypeError(`invalid conductor host name ${JSON.stringify(host)}: letters, digits, ".", "_" and "-" only`);
  }
}
