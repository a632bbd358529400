import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from './column-types';
import type { Relation } from 'typeorm';
import { NodeEntity } from './node.entity';

/** One free-form tag of a node (Ironic `node_tags`); the primary key (node_id, tag) serves per-node reads. */
@Entity({ name: 'node_tags' })
@Index('node_tags_tag_idx', ['tag'])
export class NodeTagEntity {
  @PrimaryColumn({ name: 'node_id', type: 'integer', primaryKeyConstraintName: 'node_tags_pkey' })
  nodeId!: number;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'node_tags_pkey' })
  tag!: string;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'node_tags_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
