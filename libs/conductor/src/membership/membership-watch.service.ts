import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CLUSTER_TIMING, ClusterTiming, ConductorMember, isMembershipChanged, MembershipChange, membershipChange, RingDirectory } from '@slipway/cluster';
import { getLogger } from '@slipway/logging';
import { MembershipNotices } from '@slipway/runtime';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';

/** Called when the live membership changed (a conductor joined, left or died). */
export type MembershipListener = (change: MembershipChange) => void | Promise<void>;

/**
 * Each conductor reads the live membership every heartbeat interval. A conductor that dies
 * without unregistering is seen as gone once its heartbeat is older than the timeout; whoever
 * sees it first broadcasts a notice so every api and conductor re-routes at once, and the
 * listeners here (takeover) start work on the nodes that moved.
 */
@Injectable()
export class MembershipWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger('MembershipWatch');
  private readonly listeners: MembershipListener[] = [];
  private last?: readonly ConductorMember[];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly rings: RingDirectory,
    private readonly notices: MembershipNotices,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    @Inject(CLUSTER_TIMING) private readonly timing: ClusterTiming,
  ) {}

  onChange(listener: MembershipListener): void {
    this.listeners.push(listener);
  }

  onApplicationBootstrap(): void {
    // Notices from other processes (a conductor that joined or left cleanly) are checked at once.
    this.notices.onNotice(() => void this.check());
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Reads the membership now and reports a change; one check at a time. */
  check(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.compare().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check().finally(() => this.schedule()), this.timing.heartbeatIntervalSeconds * 1000);
    this.timer.unref();
  }

  private async compare(): Promise<void> {
    let members: readonly ConductorMember[];
    try {
      members = await this.rings.reload();
    } catch (error) {
      this.log.warn({ err: error }, 'could not read the conductor membership; trying again at the next interval');
      return;
    }
    const previous = this.last;
    this.last = members;
    if (previous === undefined) return;
    const change = membershipChange(previous, members);
    if (!isMembershipChanged(change)) return;
    this.log.info({ ...change, live: members.map((member) => member.hostname) }, 'conductor membership changed');
    if (change.left.length) await this.notices.announce({ reporter: this.identity.hostname, joined: change.joined, left: change.left });
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (error) {
        this.log.error({ err: error }, 'a membership change listener failed');
      }
    }
  }
}
