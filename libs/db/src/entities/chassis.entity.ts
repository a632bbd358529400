import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { JsonObject } from './column-types';

/** A hardware chassis grouping nodes (Ironic `chassis`). */
@Entity({ name: 'chassis' })
@Unique('chassis_uuid_key', ['uuid'])
export class ChassisEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT', primaryKeyConstraintName: 'chassis_pkey' })
  id!: number;

  @Column({ type: 'uuid' })
  uuid!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  description!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  extra!: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Null until the first update, as Ironic reports it. */
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
