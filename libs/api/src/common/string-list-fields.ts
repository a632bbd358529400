import { InvalidParameterValueError } from '@slipway/errors';

// `fields` as Ironic's schema-validated controllers (allocations, deploy templates, ...) read it:
// a `string_list` argument, and unknown names found by comparing with the keys of the built view.

/** Ironic's `string_list`: comma-separated, trimmed, lower-cased, without empties or repeats. */
export function parseStringList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const items: string[] = [];
  for (const item of raw.split(',')) {
    const normalised = item.trim().toLowerCase();
    if (normalised && !items.includes(normalised)) items.push(normalised);
  }
  return items;
}

/** Refuses names the view does not have, with Ironic's message (names in request order). */
export function checkFieldsExist(view: Record<string, unknown>, fields: readonly string[] | undefined): void {
  const invalid = fields?.filter((name) => !(name in view)) ?? [];
  if (invalid.length > 0) throw new InvalidParameterValueError(`Field(s) "${invalid.join(', ')}" are not valid`);
}

/** Keeps the requested fields (and `links`, always) in the view's own order. */
export function keepFields(view: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (fields === undefined) return view;
  return Object.fromEntries(Object.entries(view).filter(([key]) => key === 'links' || fields.includes(key)));
}
