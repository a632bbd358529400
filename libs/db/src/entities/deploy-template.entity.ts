import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { JsonObject } from './column-types';

/** A named set of deploy steps matched by trait (Ironic `deploy_templates`, API >= 1.55). */
@Entity({ name: 'deploy_templates' })
@Unique('deploy_templates_uuid_key', ['uuid'])
@Unique('deploy_templates_name_key', ['name'])
export class DeployTemplateEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT', primaryKeyConstraintName: 'deploy_templates_pkey' })
  id!: number;

  @Column({ type: 'uuid' })
  uuid!: string;

  /** A valid trait name (standard or `CUSTOM_*`). */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  extra!: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
