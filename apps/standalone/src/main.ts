// Standalone mode: the api, a conductor and the orchestrator in one process, on embedded
// defaults (PGlite in the data folder, in-process RPC and queue) unless URLs are configured.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ApiModule, IronicExceptionFilter, serveOpenApi } from '@slipway/api';
import { loadConfigOrExit, standaloneSettings } from '@slipway/config';
import { ConductorModule, conductorOptions } from '@slipway/conductor';
import { configureLogging } from '@slipway/logging';
import { OrchestratorModule } from '@slipway/orchestrator';
import { createHttpApp, httpAppModules, infrastructureOptions, listen, openInfrastructure, ProcessLifecycle, limitHeapGrowth } from '@slipway/runtime';

const APP = 'slipway';

@Module({})
class StandaloneModule {}

async function main(): Promise<void> {
  const config = loadConfigOrExit(standaloneSettings, APP);
  configureLogging({ level: config.log.level, format: config.log.format });
  limitHeapGrowth(config.heapGrowthPercent);
  const lifecycle = new ProcessLifecycle(APP, config.shutdownTimeout * 1000);
  await lifecycle.start(async () => {
    const infrastructure = await openInfrastructure(infrastructureOptions(config, { rpc: true, queue: true }), lifecycle);
    const http = { host: config.api.host, port: config.api.port, bodyLimit: config.http.maxBodyBytes };
    const app = await createHttpApp(
      {
        module: StandaloneModule,
        imports: [
          ...httpAppModules(infrastructure, config),
          ApiModule.forRoot({ heartbeatTimeoutSeconds: config.conductor.heartbeatTimeout }),
          ConductorModule.forRoot(
            { hostname: config.conductor.hostname, conductorGroup: config.conductor.group, enabledHardwareTypes: config.conductor.enabledHardwareTypes },
            { heartbeatIntervalSeconds: config.conductor.heartbeatInterval, heartbeatTimeoutSeconds: config.conductor.heartbeatTimeout },
            conductorOptions(config),
          ),
          OrchestratorModule,
        ],
      },
      http,
    );
    app.useGlobalFilters(new IronicExceptionFilter());
    serveOpenApi(app);
    lifecycle.onShutdown('http server', () => app.close());
    const url = await listen(app, http);
    const { database, rpc, queue } = infrastructure.modes;
    const storage = database === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
    process.stdout.write(`${APP}: standalone mode (${storage}, ${rpc} RPC, ${queue} task queue)\n`);
    process.stdout.write(`${APP}: Ironic API at ${url}/v1, orchestrator at ${url}/api/v1.0, health at ${url}/readyz\n`);
  });
}

void main();
