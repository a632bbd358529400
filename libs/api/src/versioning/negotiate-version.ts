import { API_MAX_VERSION, API_MIN_VERSION, ApiVersion, MAX_VERSION, MIN_VERSION } from './api-version';

export type VersionNegotiation = { ok: true; version: ApiVersion } | { ok: false; reason: 'unparsable' | 'out-of-range'; message: string };

/**
 * Ironic's rules: no header means the minimum (1.1), `latest` means the maximum, anything that
 * is not `1.N` inside [min, max] is refused (the caller answers 406). Both the legacy header and
 * `OpenStack-API-Version: baremetal 1.N` are read; the legacy one wins when both are present.
 */
export function negotiateVersion(legacyHeader: string | undefined, openstackHeader: string | undefined): VersionNegotiation {
  const requested = legacyHeader ?? baremetalVersionFrom(openstackHeader);
  if (requested === undefined) return { ok: true, version: MIN_VERSION };
  if (requested.trim().toLowerCase() === 'latest') return { ok: true, version: MAX_VERSION };
  const version = ApiVersion.parse(requested);
  if (!version) {
    return { ok: false, reason: 'unparsable', message: 'Invalid value for X-OpenStack-Ironic-API-Version header' };
  }
  if (version.major !== MIN_VERSION.major || version.minor < MIN_VERSION.minor || version.minor > MAX_VERSION.minor) {
    return {
      ok: false,
      reason: 'out-of-range',
      message: `Version ${version} was requested but the minor version is not supported by this service. The supported version range is: [${API_MIN_VERSION}, ${API_MAX_VERSION}].`,
    };
  }
  return { ok: true, version };
}

/** `OpenStack-API-Version: baremetal 1.50, compute 2.1` → `1.50`. */
function baremetalVersionFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const [service, version] = part.trim().split(/\s+/, 2);
    if (service?.toLowerCase() === 'baremetal' && version) return version;
  }
  return undefined;
}
