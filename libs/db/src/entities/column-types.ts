import type { ValueTransformer } from 'typeorm';

/** A JSON object column value (Ironic's JSON-encoded dicts). */
export type JsonObject = Record<string, unknown>;

/**
 * pg returns int8 as a string so that no precision is lost; the values we keep in bigint
 * columns (BIOS bounds, message sequence numbers) stay far below 2^53, so numbers are safer
 * for callers than strings.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
