import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { parseBoolean, single } from '../common/query-values';
import { parseStringList } from '../conductors/field-selection';

export type RawQuery = Record<string, string | string[] | undefined>;

/** `type`, `detail` (1.30) and `fields` (1.77) of `GET /v1/drivers`, after Ironic's checks. */
export interface DriverListQuery {
  /** `classic` drivers are gone since Rocky: asking for them lists nothing. */
  classicOnly: boolean;
  detail: boolean;
  fields?: string[];
}

const DYNAMIC_DRIVERS_MINOR = 30;
const DRIVER_FIELDS_MINOR = 77;

const tooOldForDynamicDrivers = () => new NotAcceptableError(`Request not acceptable. The minimal required API version should be 1.${DYNAMIC_DRIVERS_MINOR}`);

/** `fields` of the drivers endpoints: from 1.77 (406 before, the generic message). */
export function parseDriverFields(raw: string | string[] | undefined, minor: number): string[] | undefined {
  const fields = parseStringList(single(raw));
  if (fields !== undefined && minor < DRIVER_FIELDS_MINOR) throw new NotAcceptableError('Request not acceptable.');
  return fields;
}

/** Checks in Ironic's order: argument types, combination, versions, then the `type` value. */
export function parseDriverListQuery(raw: RawQuery, minor: number): DriverListQuery {
  const type = single(raw['type']);
  const detail = parseBoolean('detail', single(raw['detail']));
  const fieldsText = single(raw['fields']);
  // An empty `fields` list does not clash with detail here (Python's truthiness), but still needs 1.77.
  if (parseStringList(fieldsText)?.length && detail === true) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');
  if (detail !== undefined && minor < DYNAMIC_DRIVERS_MINOR) throw tooOldForDynamicDrivers();
  if (type !== undefined && minor < DYNAMIC_DRIVERS_MINOR) throw tooOldForDynamicDrivers();
  const fields = parseDriverFields(fieldsText, minor);
  if (type !== undefined && type !== 'classic' && type !== 'dynamic') {
    throw new InvalidParameterValueError('"type" filter must be one of "classic" or "dynamic", if specified.');
  }
  return { classicOnly: type === 'classic', detail: detail === true, fields };
}
