import { InvalidParameterValueError } from '@slipway/errors';
import { canonicalUuid, isUuid, isValidName } from '../common/identifiers';

/** `{node}` in a path: a UUID, or (from 1.5) a name. */
export type NodeIdent = { uuid: string } | { name: string };

export function parseNodeIdent(ident: string, minor: number): NodeIdent {
  if (isUuid(ident)) return { uuid: canonicalUuid(ident) };
  if (minor >= 5 && isValidName(ident)) return { name: ident };
  throw new InvalidParameterValueError(minor >= 5 ? `Expected UUID or name for node: ${ident}` : `Expected a UUID for node: ${ident}`);
}
