import { Column, Entity, Index, Unique } from 'typeorm';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonListColumn } from './column-types';

/** A registered conductor process (Ironic `conductors`); `updated_at` is its heartbeat. */
@Entity({ name: 'conductors' })
@Unique('conductors_hostname_key', ['hostname'])
// Liveness scans: online conductors whose heartbeat is recent (or stale, for cleanup).
@Index('conductors_online_updated_at_idx', ['online', 'updatedAt'])
export class ConductorEntity {
  @IdentityPrimaryColumn('conductors')
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  hostname!: string;

  /** Names of the hardware types this conductor serves. */
  @JsonListColumn()
  drivers!: string[];

  @Column({ type: 'boolean', default: true })
  online!: boolean;

  @Column({ name: 'conductor_group', type: 'varchar', length: 255, default: '' })
  conductorGroup!: string;

  /** Software version of the conductor, for rolling upgrades. */
  @Column({ type: 'varchar', length: 15, nullable: true })
  version!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  /** Last heartbeat. Always written with the database clock (`now()`), never a process clock. */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
