import { DynamicModule, Type } from '@nestjs/common';
import { AuthModule, AuthSettings } from './auth/auth.module';
import { ClusterMembershipModule } from './cluster-membership.module';
import { HealthModule } from './health.controller';
import { Infrastructure } from './infrastructure';
import { InfrastructureModule } from './infrastructure.module';
import { RepositoriesModule } from './repositories.module';

/** What every HTTP-serving app composes first: its infrastructure, repositories, cluster membership, health probes and auth. */
export function httpAppModules(infrastructure: Infrastructure, config: { auth: AuthSettings; conductor: { heartbeatTimeout: number } }): Array<Type<unknown> | DynamicModule> {
  return [
    InfrastructureModule.forRoot(infrastructure, config),
    RepositoriesModule,
    ClusterMembershipModule.forRoot({ heartbeatTimeoutSeconds: config.conductor.heartbeatTimeout }),
    HealthModule,
    AuthModule.forRoot(config.auth),
  ];
}
