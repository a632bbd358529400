import { InvalidParameterValueError } from '@slipway/errors';

// `fields` as Ironic's newer controllers (conductors, drivers) handle it: the list is normalised
// when parsed, and checked against the keys each object really has, after it is built.

/** Ironic's `string_list` argument: comma-separated, trimmed, lower-cased, without empties or repeats. */
export function parseStringList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const items: string[] = [];
  for (const item of raw.split(',')) {
    const normalised = item.trim().toLowerCase();
    if (normalised && !items.includes(normalised)) items.push(normalised);
  }
  return items;
}

/**
 * Keeps the `fields` of a view (and `links`, always), in the view's own order. A field the view
 * does not have is refused, so a field that exists only in other forms of the resource (detail,
 * newer versions) is refused too, as in Ironic.
 */
export function selectFields(view: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (fields === undefined) return view;
  const invalid = fields.filter((name) => !(name in view));
  if (invalid.length > 0) throw new InvalidParameterValueError(`Field(s) "${invalid.join(', ')}" are not valid`);
  return Object.fromEntries(Object.entries(view).filter(([key]) => key === 'links' || fields.includes(key)));
}
