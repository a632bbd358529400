import { Injectable } from '@nestjs/common';
import type { ReleasedNode } from '@slipway/db';

/**
 * The nodes whose locks this conductor freed when it started again under the same hostname
 * (after a crash): work in progress on them died with the previous run. The orphan check takes
 * them once and resumes their provisioning, as it does for nodes of a conductor that died.
 */
@Injectable()
export class ReleasedAtStart {
  private nodes: ReleasedNode[] = [];

  record(nodes: readonly ReleasedNode[]): void {
    this.nodes.push(...nodes);
  }

  /** The nodes recorded so far, forgotten as they are handed out. */
  take(): ReleasedNode[] {
    const taken = this.nodes;
    this.nodes = [];
    return taken;
  }
}
