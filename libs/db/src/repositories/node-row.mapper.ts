import type { DataSource } from 'typeorm';
import { NodeEntity } from '../entities/node.entity';

/**
 * Node reads are the API's hottest paths: hand-written queries (node, chassis and allocation
 * uuids, optionally traits) instead of the query builder, whose hydration allocates several
 * times more per row. Rows map to the entity through TypeORM's own column metadata so the
 * mapping never drifts from the entity.
 */
export class NodeRowMapper {
  private readonly columns: Array<{ property: string; column: string }>;
  private readonly columnByProperty: Map<string, string>;
  private readonly jsonProperties: Set<string>;
  /** A prepared statement name per set of updated columns (conductors update a few sets over and over). */
  private readonly updateNames = new Map<string, string>();

  constructor(dataSource: DataSource) {
    const metadata = dataSource.getMetadata(NodeEntity);
    this.columns = metadata.columns.map((c) => ({ property: c.propertyName, column: c.databaseName }));
    this.columnByProperty = new Map(this.columns.map(({ property, column }) => [property, column]));
    this.jsonProperties = new Set(metadata.columns.filter((c) => c.type === 'jsonb' || c.type === 'json').map((c) => c.propertyName));
  }

  /**
   * `UPDATE nodes SET … , updated_at = now() WHERE id = $1` for the changed properties, as a
   * named statement. JSON columns are sent as JSON text (pg would send a top-level array as a
   * Postgres array).
   */
  updateStatement(id: number, changes: Readonly<Record<string, unknown>>): { name: string; text: string; values: unknown[] } {
    const properties = Object.keys(changes).filter((property) => property !== 'updatedAt');
    const assignments = properties.map((property, index) => `"${this.columnOf(property)}" = $${index + 2}`);
    const text = `UPDATE nodes SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1`;
    let name = this.updateNames.get(text);
    if (name === undefined) this.updateNames.set(text, (name = `slipway_update_node_${this.updateNames.size}`));
    const values = properties.map((property) => {
      const value = changes[property];
      return this.jsonProperties.has(property) && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null);
    });
    return { name, text, values: [id, ...values] };
  }

  /** `SELECT … FROM nodes n …` with the joins; conditions use the alias `n` (and `c` for chassis). */
  selectSql(withTraits: boolean): string {
    const traits = withTraits ? `, (SELECT coalesce(array_agg(t.trait ORDER BY t.trait), '{}') FROM node_traits t WHERE t.node_id = n.id) AS "traits"` : '';
    return `SELECT n.*, c.uuid AS "chassis.uuid", a.uuid AS "allocation.uuid"${traits}
      FROM nodes n LEFT JOIN chassis c ON c.id = n.chassis_id LEFT JOIN allocations a ON a.id = n.allocation_id`;
  }

  /** The column of an entity property; throws for a property that has none (a programming error). */
  columnOf(property: string): string {
    const column = this.columnByProperty.get(property);
    if (!column) throw new Error(`nodes has no column for property ${property}`);
    return column;
  }

  toEntity(row: Record<string, unknown>): NodeEntity {
    const node = new NodeEntity();
    const target = node as unknown as Record<string, unknown>;
    for (const { property, column } of this.columns) target[property] = row[column];
    node.chassis = row['chassis.uuid'] ? ({ id: row.chassis_id, uuid: row['chassis.uuid'] } as NodeEntity['chassis']) : null;
    node.allocation = row['allocation.uuid'] ? ({ id: row.allocation_id, uuid: row['allocation.uuid'] } as NodeEntity['allocation']) : null;
    if (row.traits !== undefined) node.traits = row.traits as string[];
    return node;
  }
}
