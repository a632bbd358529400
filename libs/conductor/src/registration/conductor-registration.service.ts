import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { CLUSTER_TIMING, ClusterTiming } from '@slipway/cluster';
import { ConductorRepository } from '@slipway/db';
import type { ConductorRegistration } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { MembershipNotices } from '@slipway/runtime';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { HEARTBEAT_TIMER, HeartbeatTimer, unrefHeartbeatTimer } from './heartbeat-timer';
import { CONDUCTOR_REGISTRATION_INFO, ConductorRegistrationInfo, checkRegistrationInfo } from './registration-info';
import { ReleasedAtStart } from './released-at-start';

/** The part of ConductorRepository that membership needs. */
export type RegistrationStore = Pick<ConductorRepository, 'register' | 'heartbeat' | 'unregister' | 'clearReservationsOf'>;

/**
 * This conductor's membership of the cluster. At start-up it releases node locks its previous
 * run left behind (and hands those nodes to the orphan check, which resumes their work), registers (hostname, group, hardware types, interfaces) and then heartbeats
 * every interval until shutdown, when it unregisters so the others take its nodes.
 *
 * Heartbeats are chained (the next is scheduled when one ends), so a slow database never piles
 * them up. A failed heartbeat is logged and tried again at the next interval: the conductor keeps
 * running, and if the database stays out of reach for longer than the timeout, the rings drop it.
 */
@Injectable()
export class ConductorRegistrationService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger('ConductorRegistrationService');
  private readonly timer: HeartbeatTimer;
  private cancelNextHeartbeat?: () => void;
  private heartbeatInFlight?: Promise<void>;
  private consecutiveFailures = 0;
  private stopped = false;

  constructor(
    @Inject(ConductorRepository) private readonly store: RegistrationStore,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    @Inject(CONDUCTOR_REGISTRATION_INFO) private readonly info: ConductorRegistrationInfo,
    @Inject(CLUSTER_TIMING) private readonly timing: ClusterTiming,
    @Optional() @Inject(HEARTBEAT_TIMER) timer?: HeartbeatTimer,
    @Optional() @Inject(MembershipNotices) private readonly notices?: Pick<MembershipNotices, 'announce'>,
    @Optional() @Inject(ReleasedAtStart) private readonly releasedAtStart?: Pick<ReleasedAtStart, 'record'>,
  ) {
    this.timer = timer ?? unrefHeartbeatTimer;
  }

  async onApplicationBootstrap(): Promise<void> {
    const host = this.identity.hostname;
    checkRegistrationInfo(host, this.info);
    // Before registering: once registered, this host's locks would look like live ones.
    const released = await this.store.clearReservationsOf(host);
    if (released.length > 0) this.log.warn({ host, released: released.length }, 'released node locks left by the previous run of this conductor');
    // Their work died with that run: the orphan check resumes it.
    this.releasedAtStart?.record(released);
    const { wasOnline } = await this.store.register(this.registration());
    if (wasOnline) {
      this.log.warn({ host }, 'this hostname was still registered as online: the previous run did not stop cleanly, or another conductor uses the same hostname');
    }
    this.log.info(
      { host, group: this.identity.conductorGroup, hardwareTypes: this.info.hardwareTypes, heartbeatIntervalSeconds: this.timing.heartbeatIntervalSeconds },
      'conductor registered',
    );
    // Everyone routes to this conductor now rather than at their rings' next refresh.
    await this.notices?.announce({ reporter: host, joined: [host], left: [] });
    this.scheduleHeartbeat();
  }

  /** Before the RPC server and the workers stop: the cluster routes around this conductor sooner. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.cancelNextHeartbeat?.();
    // A heartbeat still running would mark the row online again after the unregister.
    await this.heartbeatInFlight;
    const host = this.identity.hostname;
    try {
      await this.store.unregister(host);
      this.log.info({ host }, 'conductor unregistered');
      await this.notices?.announce({ reporter: host, joined: [], left: [host] });
    } catch (error) {
      // Shutdown goes on: the others will find the heartbeat stale after the timeout.
      this.log.error({ host, err: error }, 'could not unregister the conductor');
    }
  }

  private registration(): ConductorRegistration {
    return {
      hostname: this.identity.hostname,
      conductorGroup: this.identity.conductorGroup,
      hardwareTypes: this.info.hardwareTypes,
      interfaces: this.info.interfaces,
    };
  }

  private scheduleHeartbeat(): void {
    if (this.stopped) return;
    this.cancelNextHeartbeat = this.timer.schedule(this.timing.heartbeatIntervalSeconds * 1000, () => {
      this.cancelNextHeartbeat = undefined;
      this.heartbeatInFlight = this.heartbeat();
    });
  }

  /** Never rejects: its outcome is logged and the next one is scheduled. */
  private async heartbeat(): Promise<void> {
    const host = this.identity.hostname;
    try {
      const found = await this.store.heartbeat(host);
      if (!found) {
        // The row was deleted (stale-conductor cleanup) while this process could not heartbeat.
        this.log.warn({ host }, 'the conductor row is gone; registering again');
        await this.store.register(this.registration());
      }
      if (this.consecutiveFailures > 0) this.log.info({ host, failures: this.consecutiveFailures }, 'heartbeats resumed');
      this.consecutiveFailures = 0;
    } catch (error) {
      this.consecutiveFailures++;
      this.log.error({ host, err: error, failures: this.consecutiveFailures }, 'heartbeat failed; trying again at the next interval');
    } finally {
      this.heartbeatInFlight = undefined;
      this.scheduleHeartbeat();
    }
  }
}
