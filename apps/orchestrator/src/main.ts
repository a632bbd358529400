// The site orchestrator on its own (Drydock's API at /api/v1.0), part of a cluster.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfigOrExit, orchestratorSettings } from '@slipway/config';
import { configureLogging } from '@slipway/logging';
import { DrydockExceptionFilter, OrchestratorModule } from '@slipway/orchestrator';
import { createHttpApp, httpAppModules, infrastructureOptions, listen, missingClusterSettings, openInfrastructure, ProcessLifecycle, limitHeapGrowth } from '@slipway/runtime';

const APP = 'slipway-orchestrator';

@Module({})
class OrchestratorAppModule {}

async function main(): Promise<void> {
  const config = loadConfigOrExit(orchestratorSettings, APP);
  configureLogging({ level: config.log.level, format: config.log.format });
  limitHeapGrowth(config.heapGrowthPercent);
  const lifecycle = new ProcessLifecycle(APP, config.shutdownTimeout * 1000);
  await lifecycle.start(async () => {
    const missing = missingClusterSettings(config);
    if (missing.length) throw new Error(`the orchestrator on its own is part of a cluster and needs ${missing.join(' and ')}; use \`npm start\` for standalone mode`);
    const infrastructure = await openInfrastructure(infrastructureOptions(config, { rpc: true, queue: true }), lifecycle);
    const http = { host: config.orchestrator.host, port: config.orchestrator.port, bodyLimit: config.http.maxBodyBytes };
    const app = await createHttpApp({ module: OrchestratorAppModule, imports: [...httpAppModules(infrastructure, config), OrchestratorModule] }, http);
    app.useGlobalFilters(new DrydockExceptionFilter());
    lifecycle.onShutdown('http server', () => app.close());
    process.stdout.write(`${APP}: orchestrator API at ${await listen(app, http)}/api/v1.0 (${infrastructure.modes.queue} task queue)\n`);
  });
}

void main();
