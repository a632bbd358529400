// A conductor on its own: one member of the conductor cluster (shared PostgreSQL and RabbitMQ).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { conductorSettings, loadConfigOrExit } from '@slipway/config';
import { ConductorModule, conductorOptions } from '@slipway/conductor';
import { configureLogging } from '@slipway/logging';
import { ClusterMembershipModule, InfrastructureModule, infrastructureOptions, RepositoriesModule, missingClusterSettings, NestPinoLogger, openInfrastructure, ProcessLifecycle, limitHeapGrowth } from '@slipway/runtime';

const APP = 'slipway-conductor';

@Module({})
class ConductorAppModule {}

async function main(): Promise<void> {
  const config = loadConfigOrExit(conductorSettings, APP);
  configureLogging({ level: config.log.level, format: config.log.format });
  limitHeapGrowth(config.heapGrowthPercent);
  const lifecycle = new ProcessLifecycle(APP, config.shutdownTimeout * 1000);
  await lifecycle.start(async () => {
    const missing = missingClusterSettings(config);
    if (missing.length) throw new Error(`a conductor on its own is part of a cluster and needs ${missing.join(' and ')}; use \`npm start\` for standalone mode`);
    const infrastructure = await openInfrastructure(infrastructureOptions(config, { rpc: true, queue: false }), lifecycle);
    const identity = { hostname: config.conductor.hostname, conductorGroup: config.conductor.group, enabledHardwareTypes: config.conductor.enabledHardwareTypes };
    // A conductor serves RPC, not HTTP: an application context is enough.
    const app = await NestFactory.createApplicationContext(
      { module: ConductorAppModule, imports: [InfrastructureModule.forRoot(infrastructure, config), RepositoriesModule, ClusterMembershipModule.forRoot({ heartbeatTimeoutSeconds: config.conductor.heartbeatTimeout }), ConductorModule.forRoot(identity, { heartbeatIntervalSeconds: config.conductor.heartbeatInterval, heartbeatTimeoutSeconds: config.conductor.heartbeatTimeout }, conductorOptions(config))] },
      { logger: new NestPinoLogger(), abortOnError: false },
    );
    await app.init();
    lifecycle.onShutdown('conductor', () => app.close());
    process.stdout.write(`${APP}: conductor ${identity.hostname} (group "${identity.conductorGroup}") serving RPC\n`);
  });
}

void main();
