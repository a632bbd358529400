import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { bigintAsNumber } from './column-types';
import type { JsonObject } from './column-types';
import { JsonObjectColumn } from './column-types';
import { OrchestratorTaskEntity } from './orchestrator-task.entity';

/** One progress or error message of an orchestrator task (Drydock's `result_message`). */
@Entity({ name: 'orchestrator_task_messages' })
// A task's messages in the order they were written.
@Index('orchestrator_task_messages_task_id_seq_idx', ['taskId', 'seq'])
export class OrchestratorTaskMessageEntity {
  // A plain PrimaryColumn, because PrimaryGeneratedColumn takes no transformer.
  @PrimaryColumn({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'orchestrator_task_messages_pkey',
    transformer: bigintAsNumber,
  })
  seq!: number;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => OrchestratorTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'orchestrator_task_messages_task_id_fkey' })
  task?: Relation<OrchestratorTaskEntity>;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'boolean', default: false })
  error!: boolean;

  /** What the message is about, e.g. a node name. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  context!: string | null;

  /** e.g. `node`, `site`, `network`. */
  @Column({ name: 'context_type', type: 'varchar', length: 16, nullable: true })
  contextType!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  ts!: Date;

  @JsonObjectColumn()
  extra!: JsonObject;
}
