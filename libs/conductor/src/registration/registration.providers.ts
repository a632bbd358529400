import type { Provider } from '@nestjs/common';
import { ConductorRegistrationService } from './conductor-registration.service';
import { ReleasedAtStart } from './released-at-start';

/**
 * Registration and heartbeats. The module also provides CONDUCTOR_IDENTITY,
 * CONDUCTOR_REGISTRATION_INFO and CLUSTER_TIMING (and may provide HEARTBEAT_TIMER); the
 * ConductorRepository comes from the process's RepositoriesModule.
 */
export const conductorRegistrationProviders: Provider[] = [ReleasedAtStart, ConductorRegistrationService];
