import { Global, Module, Provider } from '@nestjs/common';
import { ChassisRepository, ConductorRepository, DataSource, NodeRepository, NodeTraitRepository } from '@slipway/db';
import { DATA_SOURCE } from './tokens';

// Repositories are plain classes over the process's data source; one instance each per process.
const repository = <T>(type: new (dataSource: DataSource) => T): Provider => ({
  provide: type,
  useFactory: (dataSource: DataSource) => new type(dataSource),
  inject: [DATA_SOURCE],
});

const providers = [repository(NodeRepository), repository(ChassisRepository), repository(ConductorRepository), repository(NodeTraitRepository)];

@Global()
@Module({ providers, exports: providers.map((p) => (p as { provide: unknown }).provide as never) })
export class RepositoriesModule {}
