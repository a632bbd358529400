// The REST API on its own: one stateless replica of a cluster (shared PostgreSQL and RabbitMQ).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ApiModule, IronicExceptionFilter, serveOpenApi } from '@slipway/api';
import { apiSettings, loadConfigOrExit } from '@slipway/config';
import { configureLogging } from '@slipway/logging';
import { createHttpApp, httpAppModules, infrastructureOptions, listen, missingClusterSettings, openInfrastructure, ProcessLifecycle, limitHeapGrowth } from '@slipway/runtime';

const APP = 'slipway-api';

@Module({})
class ApiAppModule {}

async function main(): Promise<void> {
  const config = loadConfigOrExit(apiSettings, APP);
  configureLogging({ level: config.log.level, format: config.log.format });
  limitHeapGrowth(config.heapGrowthPercent);
  const lifecycle = new ProcessLifecycle(APP, config.shutdownTimeout * 1000);
  await lifecycle.start(async () => {
    const missing = missingClusterSettings(config);
    if (missing.length) throw new Error(`the api on its own is part of a cluster and needs ${missing.join(' and ')}; use \`npm start\` for standalone mode`);
    const infrastructure = await openInfrastructure(infrastructureOptions(config, { rpc: true, queue: false }), lifecycle);
    const http = { host: config.api.host, port: config.api.port, bodyLimit: config.http.maxBodyBytes };
    const app = await createHttpApp({ module: ApiAppModule, imports: [...httpAppModules(infrastructure, config), ApiModule.forRoot({ heartbeatTimeoutSeconds: config.conductor.heartbeatTimeout })] }, http);
    app.useGlobalFilters(new IronicExceptionFilter());
    serveOpenApi(app);
    lifecycle.onShutdown('http server', () => app.close());
    process.stdout.write(`${APP}: Ironic API at ${await listen(app, http)}/v1\n`);
  });
}

void main();
