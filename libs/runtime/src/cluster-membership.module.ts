import { DynamicModule, Global, Inject, Injectable, Module, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { MEMBERSHIP_CHANGED_EVENT, MembershipChangeNotice, RingDirectory } from '@slipway/cluster';
import { ConductorRepository } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import type { RpcTransport } from '@slipway/rpc';
import { CLOCK, Clock, RPC_TRANSPORT } from './tokens';

/**
 * Membership notices between processes: a conductor that joins, leaves or sees another die
 * broadcasts one, and every process drops its cached rings at once (the rings' TTL is only the
 * fallback, for a notice lost while a process was disconnected from the broker).
 */
@Injectable()
export class MembershipNotices implements OnModuleInit, OnModuleDestroy {
  private readonly log = getLogger('MembershipNotices');
  private unsubscribe?: () => Promise<void>;
  private readonly listeners = new Set<(notice: MembershipChangeNotice) => void>();

  constructor(
    private readonly rings: RingDirectory,
    @Optional() @Inject(RPC_TRANSPORT) private readonly rpc?: RpcTransport,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.rpc) return;
    this.unsubscribe = await this.rpc.onBroadcast((event, payload) => {
      if (event !== MEMBERSHIP_CHANGED_EVENT) return;
      this.rings.invalidate();
      this.log.debug({ notice: payload }, 'conductor membership changed; rings dropped');
      for (const listener of this.listeners) listener(payload as MembershipChangeNotice);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  /** Tells every process (this one included) to read the membership again. Never rejects. */
  async announce(notice: MembershipChangeNotice): Promise<void> {
    this.rings.invalidate();
    if (!this.rpc) return;
    try {
      await this.rpc.broadcast(MEMBERSHIP_CHANGED_EVENT, notice);
    } catch (error) {
      // The others fall back on their rings' TTL.
      this.log.warn({ err: error, notice }, 'could not broadcast a membership change');
    }
  }

  /** Runs `listener` on every notice received (from other processes and this one). */
  onNotice(listener: (notice: MembershipChangeNotice) => void): void {
    this.listeners.add(listener);
  }
}

/**
 * One RingDirectory per process, over the live conductors (heartbeat younger than the timeout,
 * judged by the database clock), kept fresh by membership notices.
 */
@Global()
@Module({})
export class ClusterMembershipModule {
  static forRoot(options: { heartbeatTimeoutSeconds: number }): DynamicModule {
    const providers = [
      {
        provide: RingDirectory,
        inject: [ConductorRepository, CLOCK],
        useFactory: (conductors: ConductorRepository, clock: Clock) => new RingDirectory(() => conductors.listLive(options.heartbeatTimeoutSeconds), { clock }),
      },
      MembershipNotices,
    ];
    return { module: ClusterMembershipModule, providers, exports: [RingDirectory, MembershipNotices] };
  }
}
