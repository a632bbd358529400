import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import { NodeEntity } from './node.entity';

/** How a node connects to remote volumes, e.g. an iSCSI IQN (Ironic `volume_connectors`). */
@Entity({ name: 'volume_connectors' })
@Unique('volume_connectors_uuid_key', ['uuid'])
@Unique('volume_connectors_type_connector_id_key', ['type', 'connectorId'])
@Index('volume_connectors_node_id_idx', ['nodeId'])
export class VolumeConnectorEntity {
  @IdentityPrimaryColumn('volume_connectors')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'volume_connectors_node_id_fkey' })
  node?: Relation<NodeEntity>;

  /** `iqn`, `ip`, `mac`, `wwnn`, `wwpn`, `port` or `portgroup`. */
  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ name: 'connector_id', type: 'varchar', length: 255 })
  connectorId!: string;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
