export * from './tokens';
export * from './readiness';
export { ProcessLifecycle, EXIT_START_FAILED } from './process-lifecycle';
export { openInfrastructure, Infrastructure, InfrastructureOptions } from './infrastructure';
export { InfrastructureModule } from './infrastructure.module';
export { HealthController, HealthModule } from './health.controller';
export { createHttpApp, listen, HttpServerOptions } from './http-server';
export { NestPinoLogger } from './nest-logger';
export { infrastructureOptions, missingClusterSettings, InfrastructureSettings } from './infrastructure-options';
