import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';

/**
 * A field of a port, portgroup or chassis representation. `minMinor` hides it from older
 * requests; `refusedBelow` is where naming it (in `fields`, a body or a sort key) answers 406.
 * Ironic does not always refuse what it hides (a port's internal_info), hence two numbers.
 */
export interface ResourceField<C> {
  name: string;
  minMinor: number;
  refusedBelow: number;
  value(context: C): unknown;
}

export const field = <C>(name: string, value: (context: C) => unknown, minMinor = 1, refusedBelow = minMinor): ResourceField<C> => ({ name, minMinor, refusedBelow, value });

/**
 * The representation at a version: the table's fields in its order (Ironic builds a dict and then
 * drops keys, so `fields=` never reorders), limited to `selected` plus links when given.
 */
export function renderResource<C>(table: readonly ResourceField<C>[], context: C, minor: number, selected?: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const item of table) {
    if (item.minMinor > minor) continue;
    if (selected && item.name !== 'links' && !selected.includes(item.name)) continue;
    view[item.name] = item.value(context);
  }
  return view;
}

/** 406 when any of `names` is newer than the request. */
export function refuseNewerFields<C>(table: readonly ResourceField<C>[], names: Iterable<string>, minor: number): void {
  for (const name of names) {
    const known = table.find((item) => item.name === name);
    if (known && known.refusedBelow > minor) throw new NotAcceptableError('Request not acceptable.');
  }
}

/** `fields=` names that the resource does not have: 400 with Ironic's message. */
export function refuseUnknownFields<C>(table: readonly ResourceField<C>[], names: readonly string[]): void {
  const unknown = names.filter((name) => !table.some((item) => item.name === name));
  if (unknown.length) throw new InvalidParameterValueError(`Field(s) "${unknown.join(', ')}" are not valid`);
}
