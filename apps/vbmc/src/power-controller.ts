import { SystemClone } from './clone-systems';
import { isObject } from './json';
import { RedfishErrors } from './redfish-error';
import { rejectUnknownParameters } from './request-body';
import { PowerState, PowerStep } from './system-state';

/**
 * Accepted ResetType values. The template's own `ResetType@Redfish.AllowableValues` is shown to
 * clients but not enforced: sushy checks it before sending, and tests may want PowerCycle on a
 * mockup that does not list it.
 */
export const RESET_TYPES = ['On', 'ForceOn', 'ForceOff', 'GracefulShutdown', 'GracefulRestart', 'ForceRestart', 'PowerCycle', 'Nmi', 'PushPowerButton'];

/**
 * Power transitions as a schedule: a reset queues steps (PoweringOff until t, then Off; ...),
 * and `settle` applies every step whose time has come. Nothing runs in the background, so a
 * 5,000-system vbmc has no timers, and reads see the state as of now.
 */
export class PowerController {
  constructor(
    private readonly delayMs: number,
    private readonly now: () => number,
    /** Called when a system reaches On: the boot that consumes overrides and applies settings. */
    private readonly onBoot: (clone: SystemClone, at: number) => void,
  ) {}

  reset(clone: SystemClone, body: unknown): void {
    const action = 'ComputerSystem.Reset';
    const params = isObject(body) ? body : {};
    rejectUnknownParameters(params, ['ResetType'], action);
    const resetType = params.ResetType;
    if (resetType === undefined) throw RedfishErrors.actionParameterMissing(action, 'ResetType');
    if (typeof resetType !== 'string' || !RESET_TYPES.includes(resetType)) throw RedfishErrors.actionParameterNotSupported(resetType, 'ResetType', action);
    this.settle(clone);
    const state = clone.state;
    if (resetType === 'Nmi') {
      state.nmiCount++;
      return;
    }
    // A stuck host accepts the request and never gets there, like a BMC whose host hangs.
    if (state.stuckPower) return;
    state.steps = this.plan(state.power, resetType);
    this.settle(clone);
  }

  /** Applies every transition step that is due. */
  settle(clone: SystemClone): void {
    const state = clone.state;
    const now = this.now();
    while (state.steps.length > 0 && state.steps[0].until <= now) {
      const step = state.steps.shift()!;
      state.power = step.reaches;
      if (step.reaches === 'On') this.onBoot(clone, step.until);
    }
  }

  powerState(clone: SystemClone): PowerState {
    this.settle(clone);
    return clone.state.steps[0]?.shows ?? clone.state.power;
  }

  /** A stuck system keeps its current state: any transition in progress stops where it is. */
  setStuck(clone: SystemClone, stuck: boolean): void {
    this.settle(clone);
    clone.state.stuckPower = stuck;
    if (stuck) clone.state.steps = [];
  }

  private plan(from: 'On' | 'Off', resetType: string): PowerStep[] {
    const start = this.now();
    const off = (until: number): PowerStep => ({ shows: 'PoweringOff', until, reaches: 'Off' });
    const on = (until: number): PowerStep => ({ shows: 'PoweringOn', until, reaches: 'On' });
    switch (resetType) {
      case 'On':
      case 'ForceOn':
        return from === 'Off' ? [on(start + this.delayMs)] : [];
      case 'ForceOff':
      case 'GracefulShutdown':
        return from === 'On' ? [off(start + this.delayMs)] : [];
      case 'PushPowerButton':
        return from === 'On' ? [off(start + this.delayMs)] : [on(start + this.delayMs)];
      default:
        // Restarts and PowerCycle: off then on again; from Off they simply power on.
        return from === 'On' ? [off(start + this.delayMs), on(start + 2 * this.delayMs)] : [on(start + this.delayMs)];
    }
  }
}
