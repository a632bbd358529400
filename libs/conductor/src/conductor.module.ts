import { DynamicModule, Module } from '@nestjs/common';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from './conductor-identity';
import { ConductorRpcServer } from './conductor-rpc.server';

/** A conductor: serves its RPC queue (registration, ring and drivers build on this). */
@Module({})
export class ConductorModule {
  static forRoot(identity: ConductorIdentity): DynamicModule {
    return {
      module: ConductorModule,
      providers: [{ provide: CONDUCTOR_IDENTITY, useValue: identity }, ConductorRpcServer],
      exports: [CONDUCTOR_IDENTITY],
    };
  }
}
