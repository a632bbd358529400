import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { bigintAsNumber } from './column-types';
import type { JsonObject } from './column-types';
import { JsonObjectColumn } from './column-types';
import { SiteTaskEntity } from './site-task.entity';

/**
 * One progress or error message of a site task (Drydock's `result_message`). Drydock cuts
 * messages to 127 characters on write; here they are kept whole (`text`).
 */
@Entity({ name: 'site_task_messages' })
// A task's messages in the order they were written.
@Index('site_task_messages_task_id_seq_idx', ['taskId', 'seq'])
export class SiteTaskMessageEntity {
  // A plain PrimaryColumn, because PrimaryGeneratedColumn takes no transformer.
  @PrimaryColumn({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'site_task_messages_pkey',
    transformer: bigintAsNumber,
  })
  seq!: number;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => SiteTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'site_task_messages_task_id_fkey' })
  task?: Relation<SiteTaskEntity>;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'boolean', default: false })
  error!: boolean;

  /** e.g. `node`, `task`, `site`, `NA`. */
  @Column({ name: 'context_type', type: 'varchar', length: 32 })
  contextType!: string;

  /** What the message is about: a node name, a task id. */
  @Column({ type: 'varchar', length: 255 })
  context!: string;

  @Column({ type: 'timestamptz' })
  ts!: Date;

  @JsonObjectColumn()
  extra!: JsonObject;
}
