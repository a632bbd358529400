import type { DataSource } from 'typeorm';

/** What the hand-written statements need of pg's pool. */
export interface RawPool {
  query(query: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null }>;
}

/**
 * The pg pool under a TypeORM data source, for hot-path statements written by hand: a named
 * (prepared) statement skips TypeORM's query building, which costs more than the query itself.
 */
export function rawPool(dataSource: DataSource): RawPool {
  return (dataSource.driver as unknown as { master: RawPool }).master;
}
