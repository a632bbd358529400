/** Events of the provision state machine (Ironic's names). */
export const PROVISION_EVENTS = {
  MANAGE: 'manage',
  PROVIDE: 'provide',
  INSPECT: 'inspect',
  DEPLOY: 'deploy',
  REBUILD: 'rebuild',
  DELETE: 'delete',
  CLEAN: 'clean',
  RESCUE: 'rescue',
  UNRESCUE: 'unrescue',
  ABORT: 'abort',
  ADOPT: 'adopt',
  UNHOLD: 'unhold',
  SERVICE: 'service',
  DONE: 'done',
  FAIL: 'fail',
  WAIT: 'wait',
  RESUME: 'resume',
  HOLD: 'hold',
} as const;

export type ProvisionEvent = (typeof PROVISION_EVENTS)[keyof typeof PROVISION_EVENTS];

export const ALL_PROVISION_EVENTS: readonly ProvisionEvent[] = Object.freeze(Object.values(PROVISION_EVENTS));

/**
 * Events that only the conductor fires, as work progresses; no API verb maps to them. `hold` and
 * `wait` come from the reserved step names of the same name.
 */
export const INTERNAL_EVENTS: ReadonlySet<ProvisionEvent> = new Set<ProvisionEvent>([
  PROVISION_EVENTS.DONE,
  PROVISION_EVENTS.FAIL,
  PROVISION_EVENTS.WAIT,
  PROVISION_EVENTS.RESUME,
  PROVISION_EVENTS.HOLD,
]);

const known: ReadonlySet<string> = new Set(ALL_PROVISION_EVENTS);

export function isProvisionEvent(value: unknown): value is ProvisionEvent {
  return typeof value === 'string' && known.has(value);
}
