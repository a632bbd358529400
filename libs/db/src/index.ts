// Public API of @slipway/db: the only place TypeORM, pg and PGlite are used.

export type { DataSource } from 'typeorm';
export { createDataSource, connectDataSource, pingDatabase, MIGRATIONS_TABLE } from './data-source';
export type { DataSourceSettings } from './data-source';
export { runMigrations, revertAllMigrations, pendingSchemaChanges, MIGRATION_LOCK_KEY } from './migrate';
export { describeDatabaseUrl } from './database-url';
export { DatabaseUnavailableError } from './database-unavailable.error';

export { startEmbeddedPostgres } from './embedded/embedded-postgres';
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded/embedded-postgres';
export { DataDirLockedError } from './embedded/data-dir-locked.error';
export { EmbeddedPostgresError } from './embedded/embedded-postgres.error';

export { createTestDatabase, DEFAULT_TEST_ADMIN_URL } from './testing/test-database';
export type { TestDatabase } from './testing/test-database';

export { entities } from './entities/entity-list';
export { migrations } from './migrations/migration-list';
export type { JsonObject } from './entities/column-types';
export { AllocationEntity } from './entities/allocation.entity';
export { BiosSettingEntity } from './entities/bios-setting.entity';
export { ChassisEntity } from './entities/chassis.entity';
export { ConductorEntity } from './entities/conductor.entity';
export { ConductorHardwareInterfaceEntity } from './entities/conductor-hardware-interface.entity';
export { DeployTemplateEntity } from './entities/deploy-template.entity';
export { DeployTemplateStepEntity } from './entities/deploy-template-step.entity';
export { FirmwareComponentEntity } from './entities/firmware-component.entity';
export { NodeEntity } from './entities/node.entity';
export { NodeHistoryEntity } from './entities/node-history.entity';
export type { NodeHistoryType } from './entities/node-history.entity';
export { NodeInventoryEntity } from './entities/node-inventory.entity';
export { NodeTagEntity } from './entities/node-tag.entity';
export { NodeTraitEntity } from './entities/node-trait.entity';
export { OrchestratorTaskEntity } from './entities/orchestrator-task.entity';
export type { OrchestratorTaskStatus } from './entities/orchestrator-task.entity';
export { OrchestratorTaskMessageEntity } from './entities/orchestrator-task-message.entity';
export { PortEntity } from './entities/port.entity';
export { PortgroupEntity } from './entities/portgroup.entity';
export { SiteDesignEntity } from './entities/site-design.entity';
export { VolumeConnectorEntity } from './entities/volume-connector.entity';
export { VolumeTargetEntity } from './entities/volume-target.entity';
export { NodeRepository, NodeListFilter, NodeListPage, NodeSortKey } from './repositories/node.repository';
export { ChassisRepository } from './repositories/chassis.repository';
export { ConductorRepository } from './repositories/conductor.repository';
export type { ConductorInterfaceRow, ConductorRegistration, ConductorRegistrationResult, LiveConductor, ConductorSummary, ConductorDetail, ConductorSortKey, ConductorListQuery } from './repositories/conductor.repository';
export { NodeTraitRepository } from './repositories/node-trait.repository';
export type { ChassisListPage, ChassisSortKey } from './repositories/chassis.repository';
export { PortRepository } from './repositories/port.repository';
export type { PortListFilter, PortListPage, PortSortKey } from './repositories/port.repository';
export { PortgroupRepository } from './repositories/portgroup.repository';
export type { PortgroupListFilter, PortgroupListPage, PortgroupSortKey } from './repositories/portgroup.repository';
export { AllocationRepository } from './repositories/allocation.repository';
export type { AllocationCandidate, AllocationListFilter, AllocationListPage, AllocationSortKey, CandidateQuery, NewAllocation } from './repositories/allocation.repository';
export { DeployTemplateRepository } from './repositories/deploy-template.repository';
export type { DeployTemplateListPage, DeployTemplateSortKey, DeployTemplateStepValues, DeployTemplateWithSteps } from './repositories/deploy-template.repository';
