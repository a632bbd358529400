import { MissingParameterValueError } from '@slipway/errors';
import { passthru, VendorInterface, type DriverTask, type PassthruArgs } from '@slipway/drivers-framework';
import { FAKE_KNOB_PROPERTIES, FakeBehaviour } from './fake-behaviour';

const METHODS_NEEDING_BAR = ['first_method', 'third_method_sync', 'fourth_method_shared_lock'];

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
    if (method !== undefined && METHODS_NEEDING_BAR.includes(method) && (args['bar'] === undefined || args['bar'] === '')) {
      throw new MissingParameterValueError(`Parameter 'bar' not passed to method '${method}'.`);
    }
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
}
