import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import { NodeEntity } from './node.entity';
import { PortgroupEntity } from './portgroup.entity';

/** A network port (NIC) of a node (Ironic `ports`); `address` is the MAC. */
@Entity({ name: 'ports' })
@Unique('ports_uuid_key', ['uuid'])
@Unique('ports_address_key', ['address'])
@Unique('ports_name_key', ['name'])
@Index('ports_node_id_idx', ['nodeId'])
@Index('ports_portgroup_id_idx', ['portgroupId'])
export class PortEntity {
  @IdentityPrimaryColumn('ports')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  address!: string | null;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  // Ports go with their node.
  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'ports_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ name: 'portgroup_id', type: 'integer', nullable: true })
  portgroupId!: number | null;

  @ManyToOne(() => PortgroupEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'portgroup_id', foreignKeyConstraintName: 'ports_portgroup_id_fkey' })
  portgroup?: Relation<PortgroupEntity> | null;

  @JsonObjectColumn('local_link_connection')
  localLinkConnection!: JsonObject;

  @Column({ name: 'pxe_enabled', type: 'boolean', default: true })
  pxeEnabled!: boolean;

  @Column({ name: 'physical_network', type: 'varchar', length: 64, nullable: true })
  physicalNetwork!: string | null;

  @Column({ name: 'is_smartnic', type: 'boolean', default: false })
  isSmartnic!: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  vendor!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  category!: string | null;

  @Column({ name: 'available_for_dynamic_portgroup', type: 'boolean', default: true })
  availableForDynamicPortgroup!: boolean;

  @JsonObjectColumn('internal_info')
  internalInfo!: JsonObject;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
