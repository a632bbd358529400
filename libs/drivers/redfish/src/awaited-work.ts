import type { DriverTask, InterfaceType, JsonObject, PeriodicContext } from '@slipway/drivers-framework';
import type { RedfishDriverOptions } from './redfish-driver-options';

/** The provision states in which a step that returned STEP_WAIT leaves its node. */
export const STEP_WAIT_STATES: readonly string[] = ['clean wait', 'wait call-back', 'service wait'];

/** Where the conductor keeps the running step, by the provision state it runs or waits in. */
const CURRENT_STEP_FIELD: Readonly<Record<string, 'cleanStep' | 'deployStep' | 'serviceStep'>> = {
  cleaning: 'cleanStep',
  'clean wait': 'cleanStep',
  deploying: 'deployStep',
  'wait call-back': 'deployStep',
  servicing: 'serviceStep',
  'service wait': 'serviceStep',
};

/** What one look at awaited work found. */
export type AwaitedCheck = { status: 'waiting' } | { status: 'done' } | { status: 'failed'; error: string };

export const STILL_WAITING: AwaitedCheck = { status: 'waiting' };
export const WORK_DONE: AwaitedCheck = { status: 'done' };
export const workFailed = (error: string): AwaitedCheck => ({ status: 'failed', error });

/** The bookkeeping every memo carries besides what its interface stores. */
interface MemoStamp {
  /** When the step started waiting (ISO 8601, UTC): the step timeout counts from here. */
  started_at: string;
  /** `<interface>.<step>` of the step that waits, when the conductor ran it. */
  step?: string;
}

export type Awaited<M extends JsonObject> = M & MemoStamp;

/**
 * What a waiting step waits for, kept in driver_internal_info under one key, and the periodic
 * visit that finishes it: the step stores a memo and returns STEP_WAIT; each run of its
 * interface's periodic looks at the nodes that wait with that memo, and resumes their steps when
 * the work is done, fails them when it failed or took longer than stepTimeoutSeconds. A memo
 * left behind by a step that no longer runs (aborted, failed by the conductor) is dropped.
 */
export class AwaitedWork<M extends JsonObject> {
  constructor(
    /** The driver_internal_info key. */
    readonly key: string,
    /** The interface type whose step waits (its current step is compared with the memo's). */
    private readonly interfaceType: InterfaceType,
    /** What the work is, for messages: `applying BIOS settings`. */
    private readonly operation: string,
    private readonly options: Pick<RedfishDriverOptions, 'stepTimeoutSeconds' | 'now'>,
  ) {}

  /** Starts waiting: stores `memo`, stamped with the time and the running step. */
  start(task: DriverTask, memo: M): void {
    const step = currentStep(task, this.interfaceType);
    this.write(task, { ...memo, started_at: new Date(this.options.now()).toISOString(), ...(step ? { step } : {}) });
  }

  /** Replaces the memo's content while the same wait goes on (the timeout still counts from its start). */
  update(task: DriverTask, memo: M): void {
    const previous = this.read(task);
    if (!previous) return this.start(task, memo);
    this.write(task, { ...memo, started_at: previous.started_at, ...(previous.step ? { step: previous.step } : {}) });
  }

  read(task: DriverTask): Awaited<M> | undefined {
    const memo = task.node.driverInternalInfo[this.key];
    return typeof memo === 'object' && memo !== null && !Array.isArray(memo) ? (memo as Awaited<M>) : undefined;
  }

  clear(task: DriverTask): void {
    if (!(this.key in task.node.driverInternalInfo)) return;
    const { [this.key]: _dropped, ...rest } = task.node.driverInternalInfo;
    task.node.driverInternalInfo = rest;
  }

  /**
   * The body of a periodic: visits the waiting nodes of the interface (exclusive lock) and runs
   * `check` on those with a memo. An error thrown by `check` (the BMC unreachable for a while) is
   * logged and the node waits on, until the timeout turns it into the step's failure.
   */
  async poll(context: PeriodicContext, check: (task: DriverTask, memo: Awaited<M>) => Promise<AwaitedCheck>): Promise<void> {
    await context.forEachNode(
      async (task) => {
        const memo = this.read(task);
        if (!memo) return;
        if (memo.step !== undefined && currentStep(task, this.interfaceType) !== memo.step) {
          task.log.info({ node: task.node.uuid, key: this.key }, `dropping the record of ${this.operation}: the step that waited for it no longer runs`);
          return this.clear(task);
        }
        const outcome = await this.look(task, memo, check);
        if (outcome.status === 'waiting') return;
        this.clear(task);
        if (outcome.status === 'done') context.resumeSteps(task);
        else context.resumeSteps(task, outcome.error);
      },
      { provisionStates: STEP_WAIT_STATES, shared: false },
    );
  }

  private async look(task: DriverTask, memo: Awaited<M>, check: (task: DriverTask, memo: Awaited<M>) => Promise<AwaitedCheck>): Promise<AwaitedCheck> {
    let outcome: AwaitedCheck;
    try {
      outcome = await check(task, memo);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (this.timedOut(memo)) return workFailed(`${this.description(task)} failed: ${reason}`);
      task.log.warn({ node: task.node.uuid, err: error }, `could not check ${this.operation}; trying again at the next check`);
      return STILL_WAITING;
    }
    if (outcome.status === 'waiting' && this.timedOut(memo)) {
      return workFailed(`${this.description(task)} did not finish within ${this.options.stepTimeoutSeconds} seconds (since ${memo.started_at}).`);
    }
    return outcome;
  }

  private timedOut(memo: Awaited<M>): boolean {
    const started = Date.parse(memo.started_at);
    return !Number.isFinite(started) || this.options.now() - started >= this.options.stepTimeoutSeconds * 1000;
  }

  private description(task: DriverTask): string {
    return `Redfish ${this.operation} for node ${task.node.uuid}`;
  }

  private write(task: DriverTask, memo: Awaited<M>): void {
    task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [this.key]: memo };
  }
}

/** `<interface>.<step>` of the step the node runs or waits in, if it is one of `interfaceType`. */
function currentStep(task: DriverTask, interfaceType: InterfaceType): string | undefined {
  const field = CURRENT_STEP_FIELD[task.node.provisionState];
  const step = field ? task.node[field] : undefined;
  return step && step['interface'] === interfaceType && typeof step['step'] === 'string' ? `${interfaceType}.${step['step']}` : undefined;
}
