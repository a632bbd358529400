import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import { NodeEntity } from './node.entity';

/** A remote volume a node boots from or attaches (Ironic `volume_targets`). */
@Entity({ name: 'volume_targets' })
@Unique('volume_targets_uuid_key', ['uuid'])
// Leading column node_id also serves the per-node listing.
@Unique('volume_targets_node_id_boot_index_key', ['nodeId', 'bootIndex'])
export class VolumeTargetEntity {
  @IdentityPrimaryColumn('volume_targets')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'volume_targets_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ name: 'volume_type', type: 'varchar', length: 64 })
  volumeType!: string;

  @Column({ name: 'volume_id', type: 'varchar', length: 36 })
  volumeId!: string;

  @Column({ name: 'boot_index', type: 'integer' })
  bootIndex!: number;

  @JsonObjectColumn()
  properties!: JsonObject;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
