export { ConductorModule } from './conductor.module';
export { ConductorIdentity, CONDUCTOR_IDENTITY } from './conductor-identity';
export { ConductorRegistrationService } from './registration/conductor-registration.service';
export type { RegistrationStore } from './registration/conductor-registration.service';
export { CONDUCTOR_REGISTRATION_INFO } from './registration/registration-info';
export type { ConductorRegistrationInfo } from './registration/registration-info';
export { HEARTBEAT_TIMER, unrefHeartbeatTimer } from './registration/heartbeat-timer';
export type { HeartbeatTimer } from './registration/heartbeat-timer';
export { conductorRegistrationProviders } from './registration/registration.providers';
