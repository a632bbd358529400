import { DriverOperationError, InvalidParameterValueError } from '@slipway/errors';
import type { DriverTask, InterfaceType } from '@slipway/drivers-framework';

/** driver_info keys every fake interface honours (tests and benchmarks set them per node). */
export const FAKE_DELAY = 'fake_delay';
export const FAKE_FAIL = 'fake_fail';

export const FAKE_KNOB_PROPERTIES: Readonly<Record<string, string>> = Object.freeze({
  [FAKE_DELAY]: 'Seconds every fake operation and step takes (a non-negative number; 0 by default). Optional.',
  [FAKE_FAIL]:
    "Operation or step that must fail, by its snake_case name, optionally prefixed with the interface type " +
    "(e.g. 'set_power_state' or 'deploy.write_image'); a comma-separated string or a list names several. Optional.",
});

export type Sleep = (milliseconds: number) => Promise<void>;

const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export interface FakeKnobs {
  delaySeconds: number;
  fail: readonly string[];
}

function parseDelay(value: unknown): number {
  if (value === undefined || value === null || value === '') return 0;
  // driver_info arrives from the API as JSON; numbers sent as strings are accepted like Ironic does.
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new InvalidParameterValueError(`driver_info ${FAKE_DELAY} must be a non-negative number of seconds, got ${JSON.stringify(value)}.`);
  }
  return seconds;
}

function parseFail(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  if (items === undefined) {
    throw new InvalidParameterValueError(`driver_info ${FAKE_FAIL} must be a string or a list of strings, got ${JSON.stringify(value)}.`);
  }
  return items.map((item: string) => item.trim()).filter((item: string) => item !== '');
}

/** Reads the knobs of a node; InvalidParameterValue when one is malformed. */
export function parseFakeKnobs(driverInfo: Readonly<Record<string, unknown>>): FakeKnobs {
  return { delaySeconds: parseDelay(driverInfo[FAKE_DELAY]), fail: parseFail(driverInfo[FAKE_FAIL]) };
}

/**
 * What every fake operation does before its work: take `fake_delay` seconds, then fail if
 * `fake_fail` names it. Shared by all fake interfaces of a registry; the sleep is injectable so
 * tests observe delays without waiting.
 */
export class FakeBehaviour {
  constructor(private readonly sleep: Sleep = realSleep) {}

  validate(task: DriverTask): void {
    parseFakeKnobs(task.node.driverInfo);
  }

  async perform(task: DriverTask, type: InterfaceType, operation: string): Promise<void> {
    const knobs = parseFakeKnobs(task.node.driverInfo);
    if (knobs.delaySeconds > 0) await this.sleep(knobs.delaySeconds * 1000);
    if (knobs.fail.includes(operation) || knobs.fail.includes(`${type}.${operation}`)) {
      task.log.debug({ node: task.node.uuid, operation: `${type}.${operation}` }, 'fake failure requested');
      throw new DriverOperationError({
        driver: task.node.driver,
        reason: `fake ${type} operation ${operation} failed on node ${task.node.uuid} because driver_info ${FAKE_FAIL} asks for it`,
      });
    }
  }
}
