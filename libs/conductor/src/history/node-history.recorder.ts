import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { NodeHistoryEntity, NodeHistoryInsert } from '@slipway/db';
import { NodeHistoryRepository } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';

/** Work that can carry journal entries into its next save (NodeTaskContext). */
export interface JournalCarrier {
  journal(entry: NodeHistoryInsert): boolean;
}

export interface RecordedTransition {
  from: string;
  event: string;
  to: string;
  target: string | null;
  /** When the node entered `from` (for the time spent there), if known. */
  since?: Date | null;
}

/**
 * The node's journal (`/v1/nodes/{node}/history`): every provision transition and every error,
 * with the conductor that recorded it. Ironic keeps only errors; `type` tells them apart. A
 * journal write that fails is logged and never fails the operation it describes.
 */
@Injectable()
export class NodeHistoryRecorder {
  private readonly log = getLogger('NodeHistoryRecorder');

  constructor(
    private readonly history: NodeHistoryRepository,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
  ) {}

  /** With `into`, the entry goes out with that work's next save, in the same statement. */
  transition(nodeId: number, { from, event, to, target, since }: RecordedTransition, into?: JournalCarrier, now = new Date()): Promise<void> {
    return this.write(nodeId, into, {
      type: 'transition',
      eventType: 'provisioning',
      severity: 'INFO',
      event: `Event "${event}": ${from} -> ${to}`,
      state: to,
      targetProvisionState: target,
      durationSeconds: since ? Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)) : null,
    });
  }

  /** A power event (sync mismatch, power failure), with Ironic's event type "power". */
  power(nodeId: number, state: string, severity: 'INFO' | 'WARNING' | 'ERROR', message: string): Promise<void> {
    return this.write(nodeId, undefined, { type: severity === 'ERROR' ? 'error' : 'event', eventType: 'power', severity, event: message, state, targetProvisionState: null, durationSeconds: null });
  }

  /** A step starting, with the conductor that runs it: a resumed node shows who ran what. */
  step(nodeId: number, state: string, target: string | null, step: string, index: number, total: number, into?: JournalCarrier): Promise<void> {
    return this.write(nodeId, into, { type: 'step', eventType: 'provisioning', severity: 'INFO', event: `Step ${index + 1}/${total} ${step} started`, state, targetProvisionState: target, durationSeconds: null });
  }

  /** Something worth keeping that is neither a transition nor an error (a take-over resuming work). */
  event(nodeId: number, state: string, target: string | null, message: string): Promise<void> {
    return this.write(nodeId, undefined, { type: 'event', eventType: 'provisioning', severity: 'WARNING', event: message, state, targetProvisionState: target, durationSeconds: null });
  }

  error(nodeId: number, state: string, target: string | null, message: string): Promise<void> {
    return this.write(nodeId, undefined, { type: 'error', eventType: 'provisioning', severity: 'ERROR', event: message, state, targetProvisionState: target, durationSeconds: null });
  }

  private async write(nodeId: number, into: JournalCarrier | undefined, entry: Partial<NodeHistoryEntity>): Promise<void> {
    const complete = { ...entry, uuid: randomUUID(), nodeId, conductor: this.identity.hostname };
    if (into?.journal(complete)) return;
    try {
      await this.history.record(complete);
    } catch (error) {
      this.log.warn({ err: error, nodeId }, 'could not record node history');
    }
  }
}
