import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn } from './column-types';
import { NodeEntity } from './node.entity';

/** The hardware inventory found by the last inspection of a node (Ironic `node_inventory`). */
@Entity({ name: 'node_inventory' })
// One inventory per node: a new inspection replaces the previous one.
@Unique('node_inventory_node_id_key', ['nodeId'])
export class NodeInventoryEntity {
  @IdentityPrimaryColumn('node_inventory')
  id!: number;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'node_inventory_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @JsonObjectColumn('inventory_data')
  inventoryData!: JsonObject;

  @JsonObjectColumn('plugin_data')
  pluginData!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
