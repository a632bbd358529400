import { InvalidParameterValueError } from '@slipway/errors';
import { pythonRepr } from './python-repr';
import { parseBoolean } from './query-values';
import { parseFieldList } from '../ports/collection-query';

export interface ReturnFieldsRules {
  /** Whether the request's version takes `detail` and `fields` at all. */
  queryAllowed: boolean;
  /** What shows without either. */
  defaults: readonly string[];
  /** What `detail=true` shows. */
  detail: readonly string[];
  /** What `fields=` may name. */
  selectable: readonly string[];
}

/**
 * Ironic's get_request_return_fields for the node sub-resources (BIOS, firmware), with its
 * messages. Unknown field names are a 400 here (Ironic: 500).
 */
export function requestReturnFields(rawDetail: string | undefined, rawFields: string | undefined, rules: ReturnFieldsRules): readonly string[] {
  const detail = parseBoolean('detail', rawDetail);
  const fields = parseFieldList(rawFields);
  if (detail !== undefined && !rules.queryAllowed) throw new InvalidParameterValueError(`Invalid query parameter ?detail=${detail ? 'True' : 'False'} received.`);
  if (fields !== undefined && !rules.queryAllowed) throw new InvalidParameterValueError(`Invalid query parameter ?fields=${pythonRepr(fields)} received.`);
  if (fields !== undefined && detail) throw new InvalidParameterValueError('Can not specify ?detail=True and fields in the same request.');
  if (detail) return rules.detail;
  if (fields === undefined) return rules.defaults;
  const unknown = fields.filter((name) => !rules.selectable.includes(name));
  if (unknown.length) throw new InvalidParameterValueError(`Field(s) "${unknown.join(', ')}" are not valid`);
  return fields;
}
