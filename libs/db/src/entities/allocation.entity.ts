import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonListColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import { ConductorEntity } from './conductor.entity';
import { NodeEntity } from './node.entity';

/** A request to pick a node by resource class and traits (Ironic `allocations`, API >= 1.52). */
@Entity({ name: 'allocations' })
@Unique('allocations_uuid_key', ['uuid'])
@Unique('allocations_name_key', ['name'])
@Index('allocations_node_id_idx', ['nodeId'])
// Also serves a conductor resuming its own `allocating` allocations after a restart.
@Index('allocations_state_conductor_affinity_idx', ['state', 'conductorAffinity'])
@Index('allocations_resource_class_idx', ['resourceClass'])
@Index('allocations_owner_idx', ['owner'])
export class AllocationEntity {
  @IdentityPrimaryColumn('allocations')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ name: 'node_id', type: 'integer', nullable: true })
  nodeId!: number | null;

  // Deleting a node deletes its allocation, as Ironic does.
  @ManyToOne(() => NodeEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'allocations_node_id_fkey' })
  node?: Relation<NodeEntity> | null;

  /** `allocating`, `active` or `error`. */
  @Column({ type: 'varchar', length: 15 })
  state!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  owner!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'resource_class', type: 'varchar', length: 80, nullable: true })
  resourceClass!: string | null;

  @JsonListColumn()
  traits!: string[];

  /** Node UUIDs the allocation may pick from; empty means any. */
  @JsonListColumn('candidate_nodes')
  candidateNodes!: string[];

  @JsonObjectColumn()
  extra!: JsonObject;

  /** The conductor last handling the allocation (internal). */
  @Column({ name: 'conductor_affinity', type: 'integer', nullable: true })
  conductorAffinity!: number | null;

  @ManyToOne(() => ConductorEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conductor_affinity', foreignKeyConstraintName: 'allocations_conductor_affinity_fkey' })
  affinityConductor?: Relation<ConductorEntity> | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;
}
