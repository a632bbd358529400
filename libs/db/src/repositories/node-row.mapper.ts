import type { DataSource } from 'typeorm';
import { NodeEntity } from '../entities/node.entity';

/**
 * Single-node reads are the API's hottest path: one hand-written query (node, chassis and
 * allocation uuids, traits) instead of a query builder per call, mapped to the entity through
 * TypeORM's own column metadata so the mapping never drifts from the entity.
 */
export class NodeRowMapper {
  readonly select: string;
  private readonly columns: Array<{ property: string; column: string }>;

  constructor(dataSource: DataSource) {
    const metadata = dataSource.getMetadata(NodeEntity);
    this.columns = metadata.columns.map((c) => ({ property: c.propertyName, column: c.databaseName }));
    this.select = `SELECT n.*, c.uuid AS "chassis.uuid", a.uuid AS "allocation.uuid",
      (SELECT coalesce(array_agg(t.trait ORDER BY t.trait), '{}') FROM node_traits t WHERE t.node_id = n.id) AS "traits"
      FROM nodes n LEFT JOIN chassis c ON c.id = n.chassis_id LEFT JOIN allocations a ON a.id = n.allocation_id`;
  }

  toEntity(row: Record<string, unknown>): NodeEntity {
    const node = new NodeEntity();
    const target = node as unknown as Record<string, unknown>;
    for (const { property, column } of this.columns) target[property] = row[column];
    node.chassis = row['chassis.uuid'] ? ({ id: row.chassis_id, uuid: row['chassis.uuid'] } as NodeEntity['chassis']) : null;
    node.allocation = row['allocation.uuid'] ? ({ id: row.allocation_id, uuid: row['allocation.uuid'] } as NodeEntity['allocation']) : null;
    node.traits = row.traits as string[];
    return node;
  }
}
