import type { RackSlots } from './rack-slots.port';

/**
 * The rack slots of one process (standalone): at most `perRack` pieces of work of one rack at
 * once; the others wait their turn, first come first served.
 */
export class RackLimiter implements RackSlots {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly perRack: number) {
    if (!Number.isInteger(perRack) || perRack < 1) throw new RangeError(`perRack must be a positive integer, got ${perRack}`);
  }

  async run<T>(rack: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(rack);
    try {
      return await work();
    } finally {
      this.release(rack);
    }
  }

  /** Work of `rack` running now. */
  inUse(rack: string): number {
    return this.running.get(rack) ?? 0;
  }

  private acquire(rack: string): Promise<void> {
    const used = this.inUse(rack);
    if (used < this.perRack) {
      this.running.set(rack, used + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.set(rack, [...(this.waiting.get(rack) ?? []), resolve]));
  }

  private release(rack: string): void {
    const queue = this.waiting.get(rack);
    const next = queue?.shift();
    if (queue?.length === 0) this.waiting.delete(rack);
    // The slot passes to the next in line as it is.
    if (next) return next();
    const used = this.inUse(rack) - 1;
    if (used === 0) this.running.delete(rack);
    else this.running.set(rack, used);
  }
}
