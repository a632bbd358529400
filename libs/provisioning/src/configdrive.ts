import { InvalidParameterValueError, type DomainError } from '@slipway/errors';
import { isGiven, isJsonObject } from './json-values';
import type { ProvisionVerb } from './provision-verbs';

const MINOR_REBUILD_CONFIGDRIVE = 35;
const MINOR_BUILD_CONFIGDRIVE = 56;
const MINOR_CONFIGDRIVE_VENDOR_DATA = 59;

const OBJECT_KEYS = new Set(['meta_data', 'network_data', 'user_data', 'vendor_data']);
/** Base64 plus the whitespace that wrapped base64 text commonly contains. */
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]*$/;

/**
 * Checks the `configdrive` of a provision request: only for deploys, and either a URL, a base64
 * image, or (from 1.56) the JSON pieces the conductor builds an image from.
 */
export function checkConfigdrive(verb: ProvisionVerb, configdrive: unknown, apiMinor: number): DomainError | undefined {
  if (!isGiven(configdrive)) return undefined;

  const allowed: ProvisionVerb[] = ['active', 'deploy'];
  if (apiMinor >= MINOR_REBUILD_CONFIGDRIVE) allowed.push('rebuild');
  if (!allowed.includes(verb)) {
    return new InvalidParameterValueError(
      `A config drive can only be given when setting the provision state to ${allowed.join(', ')}.`,
    );
  }

  if (typeof configdrive === 'string') return checkConfigdriveText(configdrive);
  if (isJsonObject(configdrive)) return checkConfigdriveObject(configdrive, apiMinor);
  return new InvalidParameterValueError('Invalid configdrive format: expected a string or a JSON object.');
}

function checkConfigdriveText(text: string): DomainError | undefined {
  // `:` is not a base64 character, so a URL cannot be mistaken for an image.
  if (text.includes('://')) return undefined;
  if (!BASE64_TEXT.test(text)) {
    return new InvalidParameterValueError('Invalid configdrive format: it is neither a JSON object, a URL nor a base64 string.');
  }
  return undefined;
}

function checkConfigdriveObject(drive: Record<string, unknown>, apiMinor: number): DomainError | undefined {
  const extra = Object.keys(drive).filter((key) => !OBJECT_KEYS.has(key));
  if (extra.length > 0) {
    return new InvalidParameterValueError(`Invalid configdrive format: unexpected key(s) ${extra.join(', ')}.`);
  }
  for (const key of ['meta_data', 'network_data', 'vendor_data'] as const) {
    if (key in drive && !isJsonObject(drive[key])) {
      return new InvalidParameterValueError(`Invalid configdrive format: ${key} must be a JSON object.`);
    }
  }
  const userData = drive['user_data'];
  if (userData !== undefined && userData !== null && typeof userData !== 'string' && typeof userData !== 'object') {
    return new InvalidParameterValueError('Invalid configdrive format: user_data must be an object, an array or a string.');
  }
  if (apiMinor < MINOR_BUILD_CONFIGDRIVE) {
    return new InvalidParameterValueError(
      `A JSON object for configdrive is only accepted from API version 1.${MINOR_BUILD_CONFIGDRIVE}.`,
    );
  }
  if ('vendor_data' in drive && apiMinor < MINOR_CONFIGDRIVE_VENDOR_DATA) {
    return new InvalidParameterValueError(
      `vendor_data in configdrive is only accepted from API version 1.${MINOR_CONFIGDRIVE_VENDOR_DATA}.`,
    );
  }
  return undefined;
}
