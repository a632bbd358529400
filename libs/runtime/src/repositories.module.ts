import { Global, Module, Provider } from '@nestjs/common';
import { AllocationRepository, ChassisRepository, ConductorRepository, DataSource, DeployTemplateRepository, NodeRepository, NodeTraitRepository } from '@slipway/db';
import { BiosSettingRepository, FirmwareComponentRepository, NodeHistoryRepository, NodeInventoryRepository, VolumeConnectorRepository, VolumeTargetRepository } from '@slipway/db';
import { PortgroupRepository, PortRepository } from '@slipway/db';
import { SiteBootActionRepository, SiteDesignRepository, SiteTaskRepository } from '@slipway/db';
import { DATA_SOURCE } from './tokens';

// Repositories are plain classes over the process's data source; one instance each per process.
const repository = <T>(type: new (dataSource: DataSource) => T): Provider => ({
  provide: type,
  useFactory: (dataSource: DataSource) => new type(dataSource),
  inject: [DATA_SOURCE],
});

const providers = [repository(NodeRepository), repository(ChassisRepository), repository(ConductorRepository), repository(NodeTraitRepository), repository(AllocationRepository), repository(DeployTemplateRepository)];
// Volume connectors and targets, and the read-only node sub-resources (history, inventory, BIOS, firmware).
providers.push(repository(VolumeConnectorRepository), repository(VolumeTargetRepository), repository(NodeHistoryRepository), repository(NodeInventoryRepository));
providers.push(repository(BiosSettingRepository), repository(FirmwareComponentRepository));

// Ports and portgroups of nodes.
providers.push(repository(PortRepository), repository(PortgroupRepository));

// The site orchestrator's designs, tasks and boot actions.
providers.push(repository(SiteDesignRepository), repository(SiteTaskRepository), repository(SiteBootActionRepository));

@Global()
@Module({ providers, exports: providers.map((p) => (p as { provide: unknown }).provide as never) })
export class RepositoriesModule {}
