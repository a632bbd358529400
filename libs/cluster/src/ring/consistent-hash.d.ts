// Types for the part of `consistent-hash` (1.2.x, untyped) that HashRing uses.
declare module 'consistent-hash' {
  interface ConsistentHashOptions {
    /** Control points and key hashes live in [0, range). */
    range?: number;
    /** Control points per member when add() is given none. */
    weight?: number;
    distribution?: 'random' | 'uniform';
  }

  class ConsistentHash {
    constructor(options?: ConsistentHashOptions);
    readonly nodeCount: number;
    readonly keyCount: number;
    /** Adds a member; `points` places it explicitly (then `weight` is ignored). */
    add(node: string, weight?: number, points?: readonly number[]): this;
    remove(node: string): this;
    /** The member owning `key`, or null when the ring is empty. */
    get(key: string): string | null;
    getNodes(): string[];
    getPoints(node: string): number[] | undefined;
  }

  export = ConsistentHash;
}
