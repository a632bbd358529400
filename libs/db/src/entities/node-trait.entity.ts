import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from './column-types';
import type { Relation } from 'typeorm';
import { NodeEntity } from './node.entity';

/**
 * One trait of a node (Ironic `node_traits`): a standard os-traits name or `CUSTOM_*`.
 * The primary key (node_id, trait) serves per-node reads; the trait index serves matching.
 */
@Entity({ name: 'node_traits' })
@Index('node_traits_trait_idx', ['trait'])
export class NodeTraitEntity {
  @PrimaryColumn({ name: 'node_id', type: 'integer', primaryKeyConstraintName: 'node_traits_pkey' })
  nodeId!: number;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'node_traits_pkey' })
  trait!: string;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'node_traits_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
