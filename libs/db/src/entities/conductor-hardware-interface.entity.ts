import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from './column-types';
import type { Relation } from 'typeorm';
import { ConductorEntity } from './conductor.entity';

/**
 * One interface implementation a conductor has enabled for a hardware type (Ironic
 * `conductor_hardware_interfaces`). The hash ring is built from these rows.
 */
@Entity({ name: 'conductor_hardware_interfaces' })
// Leading columns (conductor_id, hardware_type) also serve "what does conductor X serve".
@Unique('conductor_hardware_interfaces_key', ['conductorId', 'hardwareType', 'interfaceType', 'interfaceName'])
// The ring lookup goes the other way: which conductors serve hardware type T.
@Index('conductor_hardware_interfaces_hardware_type_idx', ['hardwareType'])
export class ConductorHardwareInterfaceEntity {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'conductor_hardware_interfaces_pkey',
  })
  id!: number;

  @Column({ name: 'conductor_id', type: 'integer' })
  conductorId!: number;

  @ManyToOne(() => ConductorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conductor_id', foreignKeyConstraintName: 'conductor_hardware_interfaces_conductor_id_fkey' })
  conductor?: Relation<ConductorEntity>;

  @Column({ name: 'hardware_type', type: 'varchar', length: 255 })
  hardwareType!: string;

  @Column({ name: 'interface_type', type: 'varchar', length: 16 })
  interfaceType!: string;

  @Column({ name: 'interface_name', type: 'varchar', length: 255 })
  interfaceName!: string;

  /** Marks the computed default implementation for this interface type. */
  @Column({ name: 'default', type: 'boolean', default: false })
  isDefault!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
