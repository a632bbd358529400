import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { NodeEntity } from './node.entity';

/** The hardware inventory found by the last inspection of a node (Ironic `node_inventory`). */
@Entity({ name: 'node_inventory' })
// One inventory per node: a new inspection replaces the previous one.
@Unique('node_inventory_node_id_key', ['nodeId'])
export class NodeInventoryEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT', primaryKeyConstraintName: 'node_inventory_pkey' })
  id!: number;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'node_inventory_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ name: 'inventory_data', type: 'jsonb', default: () => "'{}'" })
  inventoryData!: JsonObject;

  @Column({ name: 'plugin_data', type: 'jsonb', default: () => "'{}'" })
  pluginData!: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
