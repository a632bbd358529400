import { NotFoundError } from '@slipway/errors';

/** Volume connectors and targets appeared in API 1.32; older requests do not see the endpoints. */
export const VOLUME_MIN_MINOR = 32;

export function requireVolumeApi(minor: number): void {
  if (minor < VOLUME_MIN_MINOR) throw new NotFoundError();
}
