// Secret masking in responses (Ironic §1.7): values of keys that look secret become "******",
// recursively; instance_info also hides `configdrive` and `image_url`.

export const MASK = '******';

const SECRET_KEY_PARTS = [
  'adminpass', 'admin_pass', 'password', 'admin_password', 'auth_token', 'new_pass', 'auth_password', 'secret_uuid', 'secret', 'sys_pswd',
  'token', 'configdrive', 'chappassword', 'encrypted_key', 'private_key', 'fernetkey', 'sslkey', 'passphrase',
];
const SNMP_KEYS = ['snmp_auth_key', 'snmp_priv_key'];

export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_KEY_PARTS.some((part) => lower.includes(part));
}

export function maskSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key) || (SNMP_KEYS.includes(key) && item)) masked[key] = MASK;
    else if (item && typeof item === 'object' && !Array.isArray(item)) masked[key] = maskSecrets(item as Record<string, unknown>);
    else masked[key] = item;
  }
  return masked;
}

export function maskInstanceInfo(value: Record<string, unknown>): Record<string, unknown> {
  const masked = maskSecrets(value);
  for (const key of ['configdrive', 'image_url']) if (key in masked && masked[key]) masked[key] = MASK;
  return masked;
}
