import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CreatedAtColumn, IdentityPrimaryColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import type { Relation } from 'typeorm';
import { NodeEntity } from './node.entity';

/**
 * What a history row records. Ironic journals only errors; Slipway records every state
 * transition and the start of every step too, so `type` tells them apart (`event` is anything
 * else worth keeping).
 */
export type NodeHistoryType = 'transition' | 'error' | 'event' | 'step';

/** The event journal of a node (Ironic `node_history`, API >= 1.78). */
@Entity({ name: 'node_history' })
@Unique('node_history_uuid_key', ['uuid'])
// Per-node listing in time order, and the per-node trimming of old entries.
@Index('node_history_node_id_created_at_idx', ['nodeId', 'createdAt'])
@Index('node_history_conductor_idx', ['conductor'])
// Age-based cleanup across all nodes.
@Index('node_history_created_at_idx', ['createdAt'])
export class NodeHistoryEntity {
  @IdentityPrimaryColumn('node_history')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ name: 'node_id', type: 'integer' })
  nodeId!: number;

  @ManyToOne(() => NodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'node_history_node_id_fkey' })
  node?: Relation<NodeEntity>;

  @Column({ type: 'varchar', length: 16, default: 'event' })
  type!: NodeHistoryType;

  /** Hostname of the conductor that recorded the entry. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  conductor!: string | null;

  /** Ironic's event type, e.g. `provisioning`, `deploying`, `console`. */
  @Column({ name: 'event_type', type: 'varchar', length: 255, nullable: true })
  eventType!: string | null;

  /** Ironic's severity, e.g. `ERROR`, `INFO`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  severity!: string | null;

  @Column({ type: 'text', nullable: true })
  event!: string | null;

  @Column({ name: 'user', type: 'varchar', length: 64, nullable: true })
  user!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  project!: string | null;

  /** Provision state of the node when the entry was recorded (API >= 1.115). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  state!: string | null;

  @Column({ name: 'target_provision_state', type: 'varchar', length: 255, nullable: true })
  targetProvisionState!: string | null;

  /** Time spent in the previous state, for transitions. */
  @Column({ name: 'duration_seconds', type: 'integer', nullable: true })
  durationSeconds!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
