import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';

/** A field of an API resource and the microversion that introduced it. */
export interface ApiField {
  name: string;
  minMinor: number;
}

/**
 * `fields=a,b`: unknown names → 400 (Ironic: "Field x is not a valid field."), names newer than
 * the requested version → 406. `links` is always returned, so it is not listed here.
 */
export function parseFields(raw: string | undefined, available: readonly ApiField[], minor: number): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    const field = available.find((f) => f.name === name);
    if (!field) throw new InvalidParameterValueError(`Field ${name} is not a valid field.`);
    if (field.minMinor > minor) throw new NotAcceptableError('Request not acceptable.');
  }
  return names;
}
