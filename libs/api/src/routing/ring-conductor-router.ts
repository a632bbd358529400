import { DriverNotFoundError, errorFromWire, NoValidHostError, TemporaryFailureError } from '@slipway/errors';
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

  async anyConductorFor(driver: string): Promise<string> {
    try {
      return await this.rings.anyConductorFor(driver);
    } catch (error) {
      if (!(error instanceof DriverNotFoundError)) throw error;
      // Ironic's ring lookup words this DriverNotFound in its own way, and differently when no
      // conductor is alive at all; clients show the message, so it is kept.
      const none = (await this.rings.liveConductors()).length === 0;
      throw errorFromWire({ type: DriverNotFoundError.code, message: none ? 'No conductors registered.' : `The driver '${driver}' is unknown.`, details: { driverName: driver } });
    }
  }

  async anyConductor(): Promise<string> {
    // A fresh reading, as Ironic reads the online conductors for each such request.
    this.rings.invalidate();
    const live = await this.rings.liveConductors();
    if (live.length === 0) throw new TemporaryFailureError();
    return live[Math.min(live.length - 1, Math.floor(Math.random() * live.length))].hostname;
  }
}
