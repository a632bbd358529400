import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { NodeEntity } from './node.entity';

/** How a node connects to remote volumes, e.g. an iSCSI IQN (Ironic `volume_connectors`). */
@Entity({ name: 'volume_connectors' })
@Unique('volume_connectors_uuid_key', ['uuid'])
@Unique('volume_connectors_type_connector_id_key', ['type', 'connectorId'])
@Index('volume_connectors_node_id_idx', ['nodeId'])
export class VolumeConnectorEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT', primaryKeyConstraintName: 'volume_connectors_pkey' })
  id!: number;

  @Column({ type: 'uuid' })
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

  @Column({ type: 'jsonb', default: () => "'{}'" })
  extra!: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
