import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { NodeHistoryEntity } from '@slipway/db';
import { NodeHistoryRepository } from '@slipway/db';
import { getLogger } from '@slipway/logging';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';

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

  transition(nodeId: number, { from, event, to, target, since }: RecordedTransition, now = new Date()): Promise<void> {
    return this.write(nodeId, {
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
    return this.write(nodeId, { type: severity === 'ERROR' ? 'error' : 'event', eventType: 'power', severity, event: message, state, targetProvisionState: null, durationSeconds: null });
  }

  /** A step starting, with the conductor that runs it: a resumed node shows who ran what. */
  step(nodeId: number, state: string, target: string | null, step: string, index: number, total: number): Promise<void> {
    return this.write(nodeId, { type: 'step', eventType: 'provisioning', severity: 'INFO', event: `Step ${index + 1}/${total} ${step} started`, state, targetProvisionState: target, durationSeconds: null });
  }

  /** Something worth keeping that is neither a transition nor an error (a take-over resuming work). */
  event(nodeId: number, state: string, target: string | null, message: string): Promise<void> {
    return this.write(nodeId, { type: 'event', eventType: 'provisioning', severity: 'WARNING', event: message, state, targetProvisionState: target, durationSeconds: null });
  }

  error(nodeId: number, state: string, target: string | null, message: string): Promise<void> {
    return this.write(nodeId, { type: 'error', eventType: 'provisioning', severity: 'ERROR', event: message, state, targetProvisionState: target, durationSeconds: null });
  }

  private async write(nodeId: number, entry: Partial<NodeHistoryEntity>): Promise<void> {
    try {
      await this.history.record({ ...entry, uuid: randomUUID(), nodeId, conductor: this.identity.hostname });
    } catch (error) {
      this.log.warn({ err: error, nodeId }, 'could not record node history');
    }
  }
}
