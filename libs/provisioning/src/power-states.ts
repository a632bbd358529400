/** Power states as Ironic spells them (`power_state`, `target_power_state`, power API targets). */
export const POWER_STATES = {
  POWER_ON: 'power on',
  POWER_OFF: 'power off',
  REBOOT: 'rebooting',
  SOFT_REBOOT: 'soft rebooting',
  SOFT_POWER_OFF: 'soft power off',
  ERROR: 'error',
} as const;

export type PowerState = (typeof POWER_STATES)[keyof typeof POWER_STATES];

export const ALL_POWER_STATES: readonly PowerState[] = Object.freeze(Object.values(POWER_STATES));

/** What `PUT /v1/nodes/{node}/states/power` accepts as `target` (`error` is only ever observed). */
export const POWER_TARGETS: readonly PowerState[] = Object.freeze([
  POWER_STATES.POWER_ON,
  POWER_STATES.POWER_OFF,
  POWER_STATES.REBOOT,
  POWER_STATES.SOFT_REBOOT,
  POWER_STATES.SOFT_POWER_OFF,
]);

const known: ReadonlySet<string> = new Set(ALL_POWER_STATES);

export function isPowerState(value: unknown): value is PowerState {
  return typeof value === 'string' && known.has(value);
}
