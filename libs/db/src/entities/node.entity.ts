import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { AllocationEntity } from './allocation.entity';
import { ChassisEntity } from './chassis.entity';
import type { JsonObject } from './column-types';
import { CreatedAtColumn, IdentityPrimaryColumn, JsonObjectColumn, UpdatedAtColumn, UuidColumn } from './column-types';
import { ConductorEntity } from './conductor.entity';

/**
 * A bare-metal node (Ironic `nodes`), with every column of Ironic's model up to API 1.115.
 *
 * Indexes cover every list filter of `GET /v1/nodes` and the conductor's ownership queries.
 * A composite index also serves a filter on its leading column, so
 * `provision_state` is served by (provision_state, provision_updated_at) and
 * `conductor_group` by (conductor_group, driver); `uuid`, `name` and `instance_uuid` by their
 * unique constraints.
 */
@Entity({ name: 'nodes' })
@Unique('nodes_uuid_key', ['uuid'])
@Unique('nodes_name_key', ['name'])
@Unique('nodes_instance_uuid_key', ['instanceUuid'])
// Hash ring: nodes of a (conductor group, hardware type) ring.
@Index('nodes_conductor_group_driver_idx', ['conductorGroup', 'driver'])
@Index('nodes_driver_idx', ['driver'])
// Timeouts: nodes stuck in a state since before a cutoff.
@Index('nodes_provision_state_provision_updated_at_idx', ['provisionState', 'provisionUpdatedAt'])
// Takeover: reservations held by a given (dead or restarting) conductor.
@Index('nodes_reservation_idx', ['reservation'])
@Index('nodes_resource_class_idx', ['resourceClass'])
@Index('nodes_owner_idx', ['owner'])
@Index('nodes_lessee_idx', ['lessee'])
@Index('nodes_maintenance_idx', ['maintenance'])
@Index('nodes_fault_idx', ['fault'])
@Index('nodes_retired_idx', ['retired'])
@Index('nodes_chassis_id_idx', ['chassisId'])
@Index('nodes_shard_idx', ['shard'])
@Index('nodes_parent_node_idx', ['parentNode'])
@Index('nodes_allocation_id_idx', ['allocationId'])
@Index('nodes_conductor_affinity_idx', ['conductorAffinity'])
@Index('nodes_instance_name_idx', ['instanceName'])
export class NodeEntity {
  @IdentityPrimaryColumn('nodes')
  id!: number;

  @UuidColumn()
  uuid!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  // --- driver and interfaces -------------------------------------------------------------

  /** The hardware type. */
  @Column({ type: 'varchar', length: 255 })
  driver!: string;

  @JsonObjectColumn('driver_info')
  driverInfo!: JsonObject;

  @JsonObjectColumn('driver_internal_info')
  driverInternalInfo!: JsonObject;

  @Column({ name: 'bios_interface', type: 'varchar', length: 255, nullable: true })
  biosInterface!: string | null;

  @Column({ name: 'boot_interface', type: 'varchar', length: 255, nullable: true })
  bootInterface!: string | null;

  @Column({ name: 'console_interface', type: 'varchar', length: 255, nullable: true })
  consoleInterface!: string | null;

  @Column({ name: 'deploy_interface', type: 'varchar', length: 255, nullable: true })
  deployInterface!: string | null;

  @Column({ name: 'firmware_interface', type: 'varchar', length: 255, nullable: true })
  firmwareInterface!: string | null;

  @Column({ name: 'inspect_interface', type: 'varchar', length: 255, nullable: true })
  inspectInterface!: string | null;

  @Column({ name: 'management_interface', type: 'varchar', length: 255, nullable: true })
  managementInterface!: string | null;

  @Column({ name: 'network_interface', type: 'varchar', length: 255, nullable: true })
  networkInterface!: string | null;

  @Column({ name: 'power_interface', type: 'varchar', length: 255, nullable: true })
  powerInterface!: string | null;

  @Column({ name: 'raid_interface', type: 'varchar', length: 255, nullable: true })
  raidInterface!: string | null;

  @Column({ name: 'rescue_interface', type: 'varchar', length: 255, nullable: true })
  rescueInterface!: string | null;

  @Column({ name: 'storage_interface', type: 'varchar', length: 255, nullable: true })
  storageInterface!: string | null;

  @Column({ name: 'vendor_interface', type: 'varchar', length: 255, nullable: true })
  vendorInterface!: string | null;

  // --- states ----------------------------------------------------------------------------

  @Column({ name: 'power_state', type: 'varchar', length: 15, nullable: true })
  powerState!: string | null;

  @Column({ name: 'target_power_state', type: 'varchar', length: 15, nullable: true })
  targetPowerState!: string | null;

  /** New nodes start in `enroll` (API >= 1.11); older microversions set `available` explicitly. */
  @Column({ name: 'provision_state', type: 'varchar', length: 15, default: 'enroll' })
  provisionState!: string;

  @Column({ name: 'target_provision_state', type: 'varchar', length: 15, nullable: true })
  targetProvisionState!: string | null;

  @Column({ name: 'provision_updated_at', type: 'timestamptz', nullable: true })
  provisionUpdatedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'boolean', default: false })
  maintenance!: boolean;

  @Column({ name: 'maintenance_reason', type: 'text', nullable: true })
  maintenanceReason!: string | null;

  /** Why the conductor put the node in maintenance by itself (e.g. `power failure`). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fault!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  health!: string | null;

  @Column({ name: 'console_enabled', type: 'boolean', default: false })
  consoleEnabled!: boolean;

  @Column({ name: 'inspection_started_at', type: 'timestamptz', nullable: true })
  inspectionStartedAt!: Date | null;

  @Column({ name: 'inspection_finished_at', type: 'timestamptz', nullable: true })
  inspectionFinishedAt!: Date | null;

  // --- steps in progress (empty object when none) -----------------------------------------

  @JsonObjectColumn('clean_step')
  cleanStep!: JsonObject;

  @JsonObjectColumn('deploy_step')
  deployStep!: JsonObject;

  @JsonObjectColumn('service_step')
  serviceStep!: JsonObject;

  @JsonObjectColumn('raid_config')
  raidConfig!: JsonObject;

  @JsonObjectColumn('target_raid_config')
  targetRaidConfig!: JsonObject;

  /** Null means "use the conductor's configured default". */
  @Column({ name: 'automated_clean', type: 'boolean', nullable: true })
  automatedClean!: boolean | null;

  @Column({ name: 'boot_mode', type: 'varchar', length: 16, nullable: true })
  bootMode!: string | null;

  @Column({ name: 'secure_boot', type: 'boolean', nullable: true })
  secureBoot!: boolean | null;

  @Column({ name: 'disable_power_off', type: 'boolean', default: false })
  disablePowerOff!: boolean;

  // --- locking and ownership by conductors -----------------------------------------------

  /** Hostname of the conductor holding the exclusive lock; null when unlocked. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  reservation!: string | null;

  /** The conductor that last prepared local state (boot config) for the node. */
  @Column({ name: 'conductor_affinity', type: 'integer', nullable: true })
  conductorAffinity!: number | null;

  @ManyToOne(() => ConductorEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conductor_affinity', foreignKeyConstraintName: 'nodes_conductor_affinity_fkey' })
  affinityConductor?: Relation<ConductorEntity> | null;

  @Column({ name: 'conductor_group', type: 'varchar', length: 255, default: '' })
  conductorGroup!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  shard!: string | null;

  // --- tenancy and placement -------------------------------------------------------------

  @Column({ name: 'resource_class', type: 'varchar', length: 80, nullable: true })
  resourceClass!: string | null;

  @JsonObjectColumn()
  properties!: JsonObject;

  @Column({ type: 'varchar', length: 255, nullable: true })
  owner!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  lessee!: string | null;

  @Column({ name: 'instance_uuid', type: 'uuid', nullable: true })
  instanceUuid!: string | null;

  @Column({ name: 'instance_name', type: 'varchar', length: 255, nullable: true })
  instanceName!: string | null;

  @JsonObjectColumn('instance_info')
  instanceInfo!: JsonObject;

  @JsonObjectColumn('network_data')
  networkData!: JsonObject;

  @Column({ name: 'allocation_id', type: 'integer', nullable: true })
  allocationId!: number | null;

  @ManyToOne(() => AllocationEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'allocation_id', foreignKeyConstraintName: 'nodes_allocation_id_fkey' })
  allocation?: Relation<AllocationEntity> | null;

  @Column({ name: 'chassis_id', type: 'integer', nullable: true })
  chassisId!: number | null;

  // A chassis with nodes cannot be deleted (Ironic's ChassisNotEmpty).
  @ManyToOne(() => ChassisEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chassis_id', foreignKeyConstraintName: 'nodes_chassis_id_fkey' })
  chassis?: Relation<ChassisEntity> | null;

  /** UUID of the parent node (API >= 1.83); not a foreign key, as in Ironic. */
  @Column({ name: 'parent_node', type: 'uuid', nullable: true })
  parentNode!: string | null;

  @Column({ type: 'boolean', default: false })
  protected!: boolean;

  @Column({ name: 'protected_reason', type: 'text', nullable: true })
  protectedReason!: string | null;

  @Column({ type: 'boolean', default: false })
  retired!: boolean;

  @Column({ name: 'retired_reason', type: 'text', nullable: true })
  retiredReason!: string | null;

  @JsonObjectColumn()
  extra!: JsonObject;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date | null;

  /** The node's traits when the read loaded them (not a column: they live in node_traits). */
  traits?: string[];
}

