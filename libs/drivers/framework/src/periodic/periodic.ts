import { InvalidParameterValueError } from '@slipway/errors';
import type { DriverTask } from '../task';

/** A setting read from the instance that carries the periodic (its injected settings), or a constant. */
type FromInstance<T, Self> = T | ((self: Self) => T);

export interface PeriodicOptions<Self = never> {
  /**
   * Seconds from the end of one run to the start of the next (Ironic's spacing). 0 or less
   * disables the task, as Ironic's intervals do.
   */
  spacing: FromInstance<number, Self>;
  /** Default: enabled. */
  enabled?: FromInstance<boolean, Self>;
  /** Name in logs and for runNow(); default `<Class>.<method>`. */
  name?: string;
}

/** Which of its nodes an interface periodic visits, and how. */
export interface NodeVisitOptions {
  /** Only nodes in these provision states. */
  provisionStates?: readonly string[];
  /** Default false: nodes in maintenance are skipped, as Ironic's node periodics do. */
  includeMaintenance?: boolean;
  /** Default true: the work reads (shared task); false takes the exclusive lock. */
  shared?: boolean;
  /** At most this many nodes in one run. */
  limit?: number;
}

/** What a periodic run receives from the conductor that runs it. */
export interface PeriodicContext {
  /** Aborted when the conductor stops: a long run checks it between nodes. */
  readonly signal: AbortSignal;
  /** This conductor's hostname. */
  readonly hostname: string;
  /**
   * For periodics of driver interfaces: runs `work` on each node this conductor owns whose
   * interface of this type is this implementation. Locked or vanished nodes are skipped (Ironic's
   * node_periodic). Resolves to the number of nodes visited.
   */
  forEachNode(work: (task: DriverTask) => Promise<void>, options?: NodeVisitOptions): Promise<number>;
  /**
   * For a node visited by forEachNode whose current step returned STEP_WAIT: what the step waited
   * for has finished. Once the visit ends, the conductor goes on with the node's clean, deploy or
   * service from the next step (Ironic's notify_conductor_resume_*). With `error`, the step
   * failed: the node fails with that last_error instead.
   */
  resumeSteps(task: DriverTask, error?: string): void;
}

/** A periodic of one instance, ready for a runner. */
export interface PeriodicTask {
  name: string;
  spacingSeconds: number;
  enabled: boolean;
  run(context: PeriodicContext): Promise<void>;
}

type PeriodicMethod = (context: PeriodicContext) => Promise<void>;

const DECLARED = Symbol('slipway.periodics');

interface DeclaredPeriodic {
  methodName: string;
  options: PeriodicOptions<unknown>;
}

/**
 * Marks a method to run periodically on every conductor (Ironic's `@periodics.periodic`). Works
 * on conductor services and on driver interface classes; the conductor collects them at start.
 */
export function periodic<Self>(options: PeriodicOptions<Self>) {
  return <M extends PeriodicMethod>(prototype: object, methodName: string, _descriptor: TypedPropertyDescriptor<M>): void => {
    const holder = prototype as { [DECLARED]?: DeclaredPeriodic[] };
    // Own list per class: a subclass adds to a copy of its parent's.
    const inherited = holder[DECLARED] ?? [];
    if (!Object.prototype.hasOwnProperty.call(holder, DECLARED)) Object.defineProperty(holder, DECLARED, { value: [...inherited], enumerable: false });
    holder[DECLARED]!.push({ methodName, options: options as PeriodicOptions<unknown> });
  };
}

/** The periodics an instance declares, with spacing and enablement read from the instance. */
export function periodicsOf(instance: object): PeriodicTask[] {
  const declared = (instance as { [DECLARED]?: DeclaredPeriodic[] })[DECLARED] ?? [];
  return declared.map(({ methodName, options }) => {
    const name = options.name ?? `${instance.constructor.name}.${methodName}`;
    const spacingSeconds = read(options.spacing, instance);
    if (typeof spacingSeconds !== 'number' || Number.isNaN(spacingSeconds)) {
      throw new InvalidParameterValueError(`Periodic ${name}: spacing must be a number of seconds, got ${String(spacingSeconds)}.`);
    }
    const enabled = (options.enabled === undefined ? true : read(options.enabled, instance)) && spacingSeconds > 0;
    const method = (instance as Record<string, PeriodicMethod>)[methodName];
    return { name, spacingSeconds, enabled, run: (context: PeriodicContext) => method.call(instance, context) };
  });
}

function read<T>(value: FromInstance<T, unknown>, instance: object): T {
  return typeof value === 'function' ? (value as (self: unknown) => T)(instance) : value;
}
