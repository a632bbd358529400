export { ConductorModule } from './conductor.module';
export { ConductorIdentity, CONDUCTOR_IDENTITY } from './conductor-identity';
