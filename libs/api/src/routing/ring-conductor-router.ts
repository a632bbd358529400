import { NoValidHostError, TemporaryFailureError } from '@slipway/errors';
import type { RingDirectory } from '@slipway/cluster';
import { ConductorRouter, RoutedNode } from './conductor-router';

/** The router over the hash ring of live conductors (the conductors compute the same ring). */
export class RingConductorRouter implements ConductorRouter {
  constructor(private readonly rings: RingDirectory) {}

  hostFor(node: RoutedNode): Promise<string> {
    return this.rings.ownerOf(node);
  }

  async ownerOf(node: RoutedNode): Promise<string | null> {
    try {
      return await this.rings.ownerOf(node);
    } catch (error) {
      if (error instanceof NoValidHostError || error instanceof TemporaryFailureError) return null;
      throw error;
    }
  }
}
