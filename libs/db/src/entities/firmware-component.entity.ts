import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CreatedAtColumn, IdentityPrimaryColumn, UpdatedAtColumn } from './column-types';
import type { Relation } from 'typeorm';
import { NodeEntity } from './node.entity';

/** A cached firmware component of a node, e.g. `bios` or `bmc` (Ironic `firmware_information`). */
@Entity({ name: 'firmware_information' })
// Leading column node_id also serves the per-node listing.
@Unique('firmware_information_node_id_component_key', ['nodeId', 'component'])
export class FirmwareComponentEntity {
  @IdentityPrimaryColumn('firmware_information')
  id!: number;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'firmware_information_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ type: 'varchar', length: 255 })
  component!: string;

  @Column({ name: 'initial_version', type: 'varchar', length: 255 })
  initialVersion!: string;

  @Column({ name: 'current_version', type: 'varchar', length: 255, nullable: true })
  currentVersion!: string | null;

  @Column({ name: 'last_version_flashed', type: 'varchar', length: 255, nullable: true })
  lastVersionFlashed!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  vendor!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  model!: string | null;

  @Column({ name: 'serial_number', type: 'varchar', length: 255, nullable: true })
  serialNumber!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
