import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, bigintAsNumber } from './column-types';
import { NodeEntity } from './node.entity';

/** A cached BIOS setting of a node, with its registry metadata (Ironic `bios_settings`). */
@Entity({ name: 'bios_settings' })
export class BiosSettingEntity {
  @PrimaryColumn({ name: 'node_id', type: 'integer', primaryKeyConstraintName: 'bios_settings_pkey' })
  nodeId!: number;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'bios_settings_pkey' })
  name!: string;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'bios_settings_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Column({ name: 'attribute_type', type: 'varchar', length: 255, nullable: true })
  attributeType!: string | null;

  @Column({ name: 'allowable_values', type: 'jsonb', nullable: true })
  allowableValues!: string[] | null;

  // bigint: registries publish bounds beyond 32 bits (memory sizes, for instance).
  @Column({ name: 'lower_bound', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  lowerBound!: number | null;

  @Column({ name: 'upper_bound', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  upperBound!: number | null;

  @Column({ name: 'min_length', type: 'integer', nullable: true })
  minLength!: number | null;

  @Column({ name: 'max_length', type: 'integer', nullable: true })
  maxLength!: number | null;

  @Column({ name: 'read_only', type: 'boolean', nullable: true })
  readOnly!: boolean | null;

  @Column({ name: 'reset_required', type: 'boolean', nullable: true })
  resetRequired!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  unique!: boolean | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
