import { NodeConsoleNotEnabledError } from '@slipway/errors';
import { ConsoleInterface, requireExclusiveLock, type ConsoleInfo, type DriverTask } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';
import { clearFakeState, FAKE_STATE, readFakeState, writeFakeState } from './fake-state';

/** A console that is either running or not; its URL points nowhere real. */
export class FakeConsoleInterface extends ConsoleInterface {
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

  async startConsole(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'console', 'start_console');
    writeFakeState(task, FAKE_STATE.consoleEnabled, true);
  }

  async stopConsole(task: DriverTask): Promise<void> {
    requireExclusiveLock(task);
    await this.fake.perform(task, 'console', 'stop_console');
    clearFakeState(task, FAKE_STATE.consoleEnabled);
  }

  async getConsole(task: DriverTask): Promise<ConsoleInfo> {
    await this.fake.perform(task, 'console', 'get_console');
    if (readFakeState(task, FAKE_STATE.consoleEnabled) !== true) throw new NodeConsoleNotEnabledError({ node: task.node.uuid });
    return { type: 'fake', url: `fake://console/${task.node.uuid}` };
  }
}
