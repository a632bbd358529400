import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** One page of a list in (sort key, id) order, as Ironic's lists page with `marker` and `limit`. */
export interface KeysetPage<E> {
  sortKey: keyof E & string;
  sortDir: 'asc' | 'desc';
  limit: number;
  /** The last row of the previous page. */
  marker?: E;
}

/**
 * Orders `query` by (sort key, id), keeps the rows after the marker and limits the page. NULLs
 * sort last ascending and first descending, as Postgres orders them, so the marker test follows.
 */
export function applyKeysetPage<E extends ObjectLiteral & { id: number }>(query: SelectQueryBuilder<E>, alias: string, page: KeysetPage<E>): SelectQueryBuilder<E> {
  const column = `${alias}.${page.sortKey}`;
  const idColumn = `${alias}.id`;
  const direction = page.sortDir === 'asc' ? 'ASC' : 'DESC';
  const marker = page.marker;
  if (marker) {
    const comparison = page.sortDir === 'asc' ? '>' : '<';
    const markerValue: unknown = marker[page.sortKey];
    const markerId = marker.id;
    if (page.sortKey === 'id' || markerValue === undefined) {
      query.andWhere(`${idColumn} ${comparison} :markerId`, { markerId });
    } else if (markerValue === null) {
      query.andWhere(
        page.sortDir === 'asc'
          ? new Brackets((q) => q.where(`${column} IS NULL AND ${idColumn} > :markerId`, { markerId }))
          : new Brackets((q) => q.where(`${column} IS NOT NULL`).orWhere(`${column} IS NULL AND ${idColumn} < :markerId`, { markerId })),
      );
    } else {
      query.andWhere(
        new Brackets((q) =>
          q
            .where(`${column} ${comparison} :markerValue`, { markerValue })
            .orWhere(`${column} = :markerValue AND ${idColumn} ${comparison} :markerId`, { markerValue, markerId })
            .orWhere(page.sortDir === 'asc' ? `${column} IS NULL` : '1 = 0'),
        ),
      );
    }
  }
  if (page.sortKey !== 'id') query.orderBy(column, direction);
  return query.addOrderBy(idColumn, direction).limit(page.limit);
}
