import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, UpdatedAtColumn, JsonObjectColumn } from './column-types';
import { DeployTemplateEntity } from './deploy-template.entity';

/** One step of a deploy template (Ironic `deploy_template_steps`). */
@Entity({ name: 'deploy_template_steps' })
@Index('deploy_template_steps_deploy_template_id_idx', ['deployTemplateId'])
export class DeployTemplateStepEntity {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'deploy_template_steps_pkey',
  })
  id!: number;

  @Column({ name: 'deploy_template_id', type: 'integer' })
  deployTemplateId!: number;

  @ManyToOne(() => DeployTemplateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deploy_template_id', foreignKeyConstraintName: 'deploy_template_steps_deploy_template_id_fkey' })
  deployTemplate?: Relation<DeployTemplateEntity>;

  @Column({ type: 'varchar', length: 255 })
  interface!: string;

  @Column({ type: 'varchar', length: 255 })
  step!: string;

  @JsonObjectColumn()
  args!: JsonObject;

  @Column({ type: 'integer' })
  priority!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
