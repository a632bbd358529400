import { MissingParameterValueError } from '@slipway/errors';
import { driverPassthru, passthru, VendorInterface, type DriverTask, type PassthruArgs } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';

const METHODS_NEEDING_BAR = ['first_method', 'third_method_sync', 'fourth_method_shared_lock'];
const DRIVER_METHODS_NEEDING_BAR = ['driver_method_async', 'driver_method_sync'];

function requireBar(method: string, args: PassthruArgs): void {
  if (args['bar'] === undefined || args['bar'] === '') throw new MissingParameterValueError(`Parameter 'bar' not passed to method '${method}'.`);
}

/** Passthru methods with each combination of options, for API and client tests (as Ironic's fake). */
export class FakeVendorInterface extends VendorInterface {
  static readonly interfaceName: string = 'fake';

  constructor(private readonly fake: FakeBehaviour = new FakeBehaviour()) {
    super();
  }

  getProperties(): Record<string, string> {
    return { ...FAKE_KNOB_PROPERTIES };
  }

  async validate(task: DriverTask, method?: string, args: PassthruArgs = {}): Promise<void> {
    this.fake.validate(task);
    if (method !== undefined && METHODS_NEEDING_BAR.includes(method)) requireBar(method, args);
  }

  override async driverValidate(method: string, args: PassthruArgs): Promise<void> {
    if (DRIVER_METHODS_NEEDING_BAR.includes(method)) requireBar(method, args);
  }

  @passthru({ httpMethods: ['POST'], method: 'first_method', description: "Answers whether bar is 'baz'." })
  async firstMethod(task: DriverTask, _httpMethod: string, args: PassthruArgs): Promise<boolean> {
    await this.fake.perform(task, 'vendor', 'first_method');
    return args['bar'] === 'baz';
  }

  @passthru({ httpMethods: ['POST'], method: 'third_method_sync', async: false, description: "Answers whether bar is 'meow', synchronously." })
  async thirdMethodSync(task: DriverTask, _httpMethod: string, args: PassthruArgs): Promise<boolean> {
    await this.fake.perform(task, 'vendor', 'third_method_sync');
    return args['bar'] === 'meow';
  }

  @passthru({
    httpMethods: ['POST'],
    method: 'fourth_method_shared_lock',
    requireExclusiveLock: false,
    description: "Answers whether bar is 'woof', under a shared lock.",
  })
  async fourthMethodSharedLock(task: DriverTask, _httpMethod: string, args: PassthruArgs): Promise<boolean> {
    await this.fake.perform(task, 'vendor', 'fourth_method_shared_lock');
    return args['bar'] === 'woof';
  }

  // Driver-level methods run with no node, so fake_delay and fake_fail (driver_info) do not apply.
  @driverPassthru({ httpMethods: ['POST'], method: 'driver_method_async', description: "Checks that bar is given, for no node, in the background." })
  async driverMethodAsync(_httpMethod: string, args: PassthruArgs): Promise<boolean> {
    return args['bar'] === 'baz';
  }

  @driverPassthru({ httpMethods: ['POST'], method: 'driver_method_sync', async: false, description: "Answers with bar and whether it is 'baz', for no node." })
  async driverMethodSync(_httpMethod: string, args: PassthruArgs): Promise<{ bar: unknown; is_baz: boolean }> {
    return { bar: args['bar'], is_baz: args['bar'] === 'baz' };
  }
}
