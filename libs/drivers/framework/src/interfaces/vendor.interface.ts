import { DriverInterface } from '../driver-interface';
import type { DriverTask } from '../task';
import { driverPassthruRoutes, passthruRoutes, type PassthruRoute } from '../vendor-passthru';

/** Vendor-specific methods reached through `/v1/nodes/{node}/vendor_passthru/{method}`. */
export abstract class VendorInterface extends DriverInterface {
  static readonly interfaceType = 'vendor';

  /** With `method`: checks the arguments of that passthru call before it runs. */
  abstract override validate(task: DriverTask, method?: string, args?: Readonly<Record<string, unknown>>): Promise<void>;

  /**
   * Checks the arguments of a driver-level passthru call before it runs (Ironic's
   * driver_validate). Throw InvalidParameterValueError or MissingParameterValueError: 400.
   */
  async driverValidate(_method: string, _args: Readonly<Record<string, unknown>>): Promise<void> {}

  /** Node-level methods, from the `@passthru` decorators. */
  vendorRoutes(): Record<string, PassthruRoute> {
    return passthruRoutes(this);
  }

  /** Driver-level methods (no node), from the `@driverPassthru` decorators. */
  driverRoutes(): Record<string, PassthruRoute> {
    return driverPassthruRoutes(this);
  }
}
