import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { SiteTaskEntity } from './site-task.entity';

/**
 * A boot action of a design, on one node, for one deploy (Drydock's bootaction table): made when
 * deploy_nodes deploys the node, reported on by the node itself (`POST /api/v1.0/bootactions/{id}`,
 * with its key), waited for by the task's bootaction_report step.
 */
@Entity({ name: 'site_boot_actions' })
@Index('site_boot_actions_node_name_created_at_idx', ['nodeName', 'createdAt'])
@Index('site_boot_actions_task_id_node_name_idx', ['taskId', 'nodeName'])
export class SiteBootActionEntity {
  /** A ULID (26 characters of Crockford base32), as Drydock names its boot actions. */
  @PrimaryColumn({ name: 'action_id', type: 'varchar', length: 26, primaryKeyConstraintName: 'site_boot_actions_pkey' })
  actionId!: string;

  /** The top-level deploy_nodes task. */
  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => SiteTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'site_boot_actions_task_id_fkey' })
  task?: Relation<SiteTaskEntity>;

  /** The node's subtask, where the node's reports become messages. */
  @Column({ name: 'subtask_id', type: 'uuid' })
  subtaskId!: string;

  @Column({ name: 'node_name', type: 'varchar', length: 255 })
  nodeName!: string;

  /** The BootAction document's name. */
  @Column({ name: 'action_name', type: 'varchar', length: 255 })
  actionName!: string;

  /** The node's key for this deploy, hex: every boot action of the node in the task shares it. */
  @Column({ name: 'identity_key', type: 'varchar', length: 128 })
  identityKey!: string;

  /** Whether the node reports on the action (BootAction `signaling`). */
  @Column({ type: 'boolean' })
  signaling!: boolean;

  /** incomplete | success | failure */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
