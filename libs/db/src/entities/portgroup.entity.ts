import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import { NodeEntity } from './node.entity';

/** A bond/LAG of ports of one node (Ironic `portgroups`). */
@Entity({ name: 'portgroups' })
@Unique('portgroups_uuid_key', ['uuid'])
@Unique('portgroups_name_key', ['name'])
@Unique('portgroups_address_key', ['address'])
@Index('portgroups_node_id_idx', ['nodeId'])
export class PortgroupEntity {
  @IdentityPrimaryColumn('portgroups')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'portgroups_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ type: 'varchar', length: 18, nullable: true })
  address!: string | null;

  /** Bonding mode (e.g. `802.3ad`); null means the configured default. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  mode!: string | null;

  @JsonObjectColumn()
  properties!: JsonObject;

  @Column({ name: 'standalone_ports_supported', type: 'boolean', default: true })
  standalonePortsSupported!: boolean;

  @Column({ name: 'physical_network', type: 'varchar', length: 64, nullable: true })
  physicalNetwork!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  category!: string | null;

  @Column({ name: 'dynamic_portgroup', type: 'boolean', nullable: true })
  dynamicPortgroup!: boolean | null;

  @JsonObjectColumn('internal_info')
  internalInfo!: JsonObject;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
