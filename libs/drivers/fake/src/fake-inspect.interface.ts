import { InspectInterface, requireExclusiveLock, type DriverTask, type StepOutcome } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';

/** What fake inspection "discovers" when the node does not say otherwise. */
export const FAKE_INSPECTED_PROPERTIES: Readonly<Record<string, unknown>> = Object.freeze({
  cpu_arch: 'x86_64',
  cpus: 8,
  memory_mb: 16384,
  local_gb: 100,
});

/** Fills the node's hardware properties, keeping any value already set (an operator's wins). */
export class FakeInspectInterface extends InspectInterface {
  static readonly interfaceName: string = 'fake';

  constructor(private readonly fake: FakeBehaviour = new FakeBehaviour()) {
    super();
  }

  getProperties(): Record<string, string> {
    return { ...FAKE_KNOB_PROPERTIES };
  }

  async validate(task: DriverTask): Promise<void> {
    this.fake.validate(task);
  }

  async inspectHardware(task: DriverTask): Promise<StepOutcome> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'inspect', 'inspect_hardware');
    task.node.properties = { ...FAKE_INSPECTED_PROPERTIES, ...task.node.properties };
  }
}
