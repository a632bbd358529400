import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { Infrastructure } from './infrastructure';
import { APP_CONFIG, CLOCK, DATA_SOURCE, READINESS_CHECKS, RPC_TRANSPORT, systemClock, TASK_QUEUE } from './tokens';

/** Hands the opened infrastructure and the parsed config to every module of the process. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(infrastructure: Infrastructure, config: unknown): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DATA_SOURCE, useValue: infrastructure.dataSource },
      { provide: READINESS_CHECKS, useValue: infrastructure.readiness },
      { provide: CLOCK, useValue: systemClock },
    ];
    if (infrastructure.rpc) providers.push({ provide: RPC_TRANSPORT, useValue: infrastructure.rpc });
    if (infrastructure.queue) providers.push({ provide: TASK_QUEUE, useValue: infrastructure.queue });
    return { module: InfrastructureModule, providers, exports: providers.map((p) => (p as { provide: symbol }).provide) };
  }
}
