/** The kinds of step lists a conductor runs. */
export type StepKind = 'clean' | 'deploy' | 'service' | 'verify';

/**
 * Tie-breakers between steps of equal priority: the step of the interface with the higher number
 * runs first. Clean and deploy share one order; service adds `network` on top of it; verify has
 * its own.
 */
const CLEAN_OR_DEPLOY: Readonly<Record<string, number>> = Object.freeze({
  vendor: 7,
  power: 6,
  management: 5,
  firmware: 4,
  deploy: 3,
  bios: 2,
  raid: 1,
});

const INTERFACE_PRIORITIES: Readonly<Record<StepKind, Readonly<Record<string, number>>>> = Object.freeze({
  clean: CLEAN_OR_DEPLOY,
  deploy: CLEAN_OR_DEPLOY,
  service: Object.freeze({ ...CLEAN_OR_DEPLOY, network: 8 }),
  verify: Object.freeze({
    power: 13,
    management: 12,
    firmware: 11,
    inspect: 10,
    deploy: 9,
    boot: 8,
    bios: 7,
    raid: 6,
    vendor: 5,
    network: 4,
  }),
});

/** The interfaces whose steps a step list of `kind` may name. */
export function stepInterfaces(kind: StepKind): string[] {
  return Object.keys(INTERFACE_PRIORITIES[kind]);
}

/** The tie-break priority of `iface` in a step list of `kind`; 0 (runs last) for any other interface. */
export function interfacePriority(kind: StepKind, iface: string): number {
  return Object.hasOwn(INTERFACE_PRIORITIES[kind], iface) ? INTERFACE_PRIORITIES[kind][iface] : 0;
}

/** What ordering needs of a step; a missing priority counts as 0 (service steps may omit it). */
export interface OrderableStep {
  readonly interface: string;
  readonly priority?: number | null;
}

/**
 * Steps in execution order: higher priority first, then higher interface priority; steps equal on
 * both keep their input order. Returns a new array.
 */
export function orderSteps<T extends OrderableStep>(steps: readonly T[], kind: StepKind): T[] {
  return [...steps].sort(
    (a, b) => (b.priority ?? 0) - (a.priority ?? 0) || interfacePriority(kind, b.interface) - interfacePriority(kind, a.interface),
  );
}
