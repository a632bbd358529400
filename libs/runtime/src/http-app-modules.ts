import { DynamicModule, Type } from '@nestjs/common';
import { AuthModule, AuthSettings } from './auth/auth.module';
import { HealthModule } from './health.controller';
import { Infrastructure } from './infrastructure';
import { InfrastructureModule } from './infrastructure.module';
import { RepositoriesModule } from './repositories.module';

/** What every HTTP-serving app composes first: its infrastructure, repositories, health probes and auth. */
export function httpAppModules(infrastructure: Infrastructure, config: { auth: AuthSettings }): Array<Type<unknown> | DynamicModule> {
  return [InfrastructureModule.forRoot(infrastructure, config), RepositoriesModule, HealthModule, AuthModule.forRoot(config.auth)];
}
