import { Test } from '@nestjs/testing';
import { CLUSTER_TIMING } from '@slipway/cluster';
import { ConductorRepository } from '@slipway/db';
import { CONDUCTOR_IDENTITY } from '../conductor-identity';
import { ConductorRegistrationService } from './conductor-registration.service';
import { HEARTBEAT_TIMER, HeartbeatTimer } from './heartbeat-timer';
import { CONDUCTOR_REGISTRATION_INFO } from './registration-info';
import { conductorRegistrationProviders } from './registration.providers';

// Small test of the Nest wiring: tokens resolve and the lifecycle hooks run (no database).
describe('conductorRegistrationProviders', () => {
  const cancelled: number[] = [];
  const timer: HeartbeatTimer = {
    schedule: (delayMs) => () => {
      cancelled.push(delayMs);
    },
  };
  const context = [
    // The process's RepositoriesModule supplies the repository; a plain stand-in does here.
    { provide: ConductorRepository, useValue: Object.create(ConductorRepository.prototype) },
    { provide: CONDUCTOR_IDENTITY, useValue: { hostname: 'c1', conductorGroup: '', enabledHardwareTypes: ['fake-hardware'] } },
    { provide: CONDUCTOR_REGISTRATION_INFO, useValue: { hardwareTypes: ['fake-hardware'], interfaces: [{ hardwareType: 'fake-hardware', interfaceType: 'power', interfaceName: 'fake', isDefault: true }] } },
    { provide: CLUSTER_TIMING, useValue: { heartbeatIntervalSeconds: 2, heartbeatTimeoutSeconds: 10 } },
    { provide: HEARTBEAT_TIMER, useValue: timer },
  ];

  it('resolves the registration service with the process repository', async () => {
    const module = await Test.createTestingModule({ providers: [...conductorRegistrationProviders, ...context] }).compile();

    expect(module.get(ConductorRepository)).toBeInstanceOf(ConductorRepository);
    expect(module.get(ConductorRegistrationService)).toBeInstanceOf(ConductorRegistrationService);
  });

  it('registers on bootstrap and unregisters on close', async () => {
    const calls: string[] = [];
    const store = {
      clearReservationsOf: async () => (calls.push('clearReservationsOf'), []),
      register: async () => (calls.push('register'), { id: 1, wasOnline: false }),
      heartbeat: async () => (calls.push('heartbeat'), true),
      unregister: async () => void calls.push('unregister'),
    };
    const module = await Test.createTestingModule({ providers: [...conductorRegistrationProviders, ...context] })
      .overrideProvider(ConductorRepository)
      .useValue(store)
      .compile();

    await module.init();
    expect(calls).toEqual(['clearReservationsOf', 'register']);

    await module.close();
    expect(calls).toEqual(['clearReservationsOf', 'register', 'unregister']);
    expect(cancelled).toEqual([2000]);
  });
});
