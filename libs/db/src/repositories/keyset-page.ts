import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** One page of a list in (sort key, id) order, as Ironic's lists page with `marker` and `limit`. */
export interface KeysetPage<E> {
  sortKey: keyof E & string;
  sortDir: 'asc' | 'desc';
  limit: number;
  /** The last row of the previous page. */
  marker?: E;
}

/** SQL text of one page: the condition for rows after the marker (if any) and the ORDER BY list. */
export interface KeysetSql {
  after?: string;
  orderBy: string;
}

/**
 * The (sort key, id) keyset of a page as SQL text. `param` turns a value into a placeholder of
 * the caller's dialect (`$3` for raw queries, `:name` for the query builder). NULLs sort last
 * ascending and first descending, as Postgres orders them, so the marker test follows.
 */
export function keysetSql<E extends ObjectLiteral & { id: number }>(column: string, idColumn: string, page: KeysetPage<E>, param: (value: unknown) => string): KeysetSql {
  const direction = page.sortDir === 'asc' ? 'ASC' : 'DESC';
  const orderBy = page.sortKey === 'id' ? `${idColumn} ${direction}` : `${column} ${direction}, ${idColumn} ${direction}`;
  const marker = page.marker;
  if (!marker) return { orderBy };
  const comparison = page.sortDir === 'asc' ? '>' : '<';
  const markerValue: unknown = marker[page.sortKey];
  const markerId = param(marker.id);
  if (page.sortKey === 'id' || markerValue === undefined) return { after: `${idColumn} ${comparison} ${markerId}`, orderBy };
  if (markerValue === null) {
    const after = page.sortDir === 'asc' ? `(${column} IS NULL AND ${idColumn} > ${markerId})` : `(${column} IS NOT NULL OR (${column} IS NULL AND ${idColumn} < ${markerId}))`;
    return { after, orderBy };
  }
  const value = param(markerValue);
  const nullsAfter = page.sortDir === 'asc' ? ` OR ${column} IS NULL` : '';
  return { after: `(${column} ${comparison} ${value} OR (${column} = ${value} AND ${idColumn} ${comparison} ${markerId})${nullsAfter})`, orderBy };
}

/** Orders `query` by (sort key, id), keeps the rows after the marker and limits the page. */
export function applyKeysetPage<E extends ObjectLiteral & { id: number }>(query: SelectQueryBuilder<E>, alias: string, page: KeysetPage<E>): SelectQueryBuilder<E> {
  const parameters: Record<string, unknown> = {};
  const param = (value: unknown) => {
    const name = `keyset${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `:${name}`;
  };
  const sql = keysetSql(`${alias}.${page.sortKey}`, `${alias}.id`, page, param);
  if (sql.after) query.andWhere(sql.after, parameters);
  const direction = page.sortDir === 'asc' ? 'ASC' : 'DESC';
  if (page.sortKey !== 'id') query.orderBy(`${alias}.${page.sortKey}`, direction);
  return query.addOrderBy(`${alias}.id`, direction).limit(page.limit);
}
