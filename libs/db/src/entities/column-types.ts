import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
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

// The columns every Ironic-shaped table repeats, declared once. Each takes the snake_case column
// name where it differs from the property, so entities read like Ironic's models.

/** `created_at`: set by the database when the row is inserted. */
export const CreatedAtColumn = (): PropertyDecorator => CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** `updated_at`: null until the first update, as Ironic reports it; repositories set it. */
export const UpdatedAtColumn = (): PropertyDecorator => Column({ name: 'updated_at', type: 'timestamptz', nullable: true });

/** A JSON dict column, `{}` when empty (Ironic's `extra`, `driver_info`, ...). */
export const JsonObjectColumn = (name?: string): PropertyDecorator => Column({ name, type: 'jsonb', default: () => "'{}'" });

/** A JSON list column, `[]` when empty. */
export const JsonListColumn = (name?: string): PropertyDecorator => Column({ name, type: 'jsonb', default: () => "'[]'" });

/** Integer identity primary key, as Ironic's `id`, with the stable constraint name `<table>_pkey`. */
export const IdentityPrimaryColumn = (table: string): PropertyDecorator =>
  PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT', primaryKeyConstraintName: `${table}_pkey` });

/** The public identifier clients use (`uuid`); generated in the app, unique per table. */
export const UuidColumn = (): PropertyDecorator => Column({ type: 'uuid' });
