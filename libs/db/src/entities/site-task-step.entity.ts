import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { SiteTaskEntity } from './site-task.entity';

/**
 * A per-node step a task has finished (`done`) or tried and failed (`failed`): a retried or
 * restarted task skips the steps already done.
 */
@Entity({ name: 'site_task_steps' })
export class SiteTaskStepEntity {
  @PrimaryColumn({ name: 'task_id', type: 'uuid', primaryKeyConstraintName: 'site_task_steps_pkey' })
  taskId!: string;

  @ManyToOne(() => SiteTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'site_task_steps_task_id_fkey' })
  task?: Relation<SiteTaskEntity>;

  @PrimaryColumn({ name: 'node_name', type: 'varchar', length: 255, primaryKeyConstraintName: 'site_task_steps_pkey' })
  nodeName!: string;

  /** e.g. `identify_node`, `apply_node_storage`. */
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'site_task_steps_pkey' })
  step!: string;

  /** done | failed */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt!: Date;
}
