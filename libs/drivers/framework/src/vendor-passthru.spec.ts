import { MethodNotAllowedError } from '@slipway/errors';
import { sampleTask } from './__fixtures__/sample-drivers.fixture';
import { newDriverNode } from './driver-node';
import type { Driver } from './interface-map';
import { VendorInterface } from './interfaces/vendor.interface';
import type { DriverTask } from './task';
import { callDriverPassthru, callPassthru, driverPassthru, passthru, type PassthruArgs } from './vendor-passthru';

class SampleVendor extends VendorInterface {
  static readonly interfaceName: string = 'sample';
  getProperties(): Record<string, string> {
    return {};
  }
  async validate(): Promise<void> {}

  @passthru({ httpMethods: ['post', 'put'], description: 'Echo.' })
  async echo(task: DriverTask, httpMethod: string, args: PassthruArgs): Promise<unknown> {
    return { node: task.node.uuid, httpMethod, args };
  }

  @passthru({ httpMethods: ['GET'], method: 'read_only', async: false, requireExclusiveLock: false })
  async readOnly(): Promise<unknown> {
    return 'ok';
  }

  @driverPassthru({ httpMethods: ['GET'], attach: true })
  async catalogue(httpMethod: string): Promise<unknown> {
    return `catalogue via ${httpMethod}`;
  }
}

describe('vendor passthru', () => {
  const vendor = new SampleVendor();
  const task = sampleTask(newDriverNode({ uuid: 'n1', driver: 'any' }), {} as Driver);

  it('lists node and driver routes with their options', () => {
    expect(vendor.vendorRoutes()).toEqual({
      echo: { httpMethods: ['POST', 'PUT'], async: true, description: 'Echo.', attach: false, requireExclusiveLock: true },
      read_only: { httpMethods: ['GET'], async: false, description: '', attach: false, requireExclusiveLock: false },
    });
    expect(vendor.driverRoutes()).toEqual({ catalogue: { httpMethods: ['GET'], async: true, description: '', attach: true } });
  });

  it('calls a method by its route name with the upper-cased verb', async () => {
    await expect(callPassthru(vendor, 'echo', task, 'put', { a: 1 })).resolves.toEqual({ node: 'n1', httpMethod: 'PUT', args: { a: 1 } });
    await expect(callDriverPassthru(vendor, 'catalogue', 'get', {})).resolves.toBe('catalogue via GET');
  });

  it('refuses unknown methods and verbs the method does not take', async () => {
    await expect(callPassthru(vendor, 'nope', task, 'POST', {})).rejects.toThrow(/No handler for method nope/);
    // A known method with a verb it does not take is 405, listing the verbs it does take.
    const wrongVerb = await callPassthru(vendor, 'read_only', task, 'POST', {}).catch((error: unknown) => error);
    expect(wrongVerb).toBeInstanceOf(MethodNotAllowedError);
    expect((wrongVerb as MethodNotAllowedError).headers()).toEqual({ Allow: 'GET' });
    await expect(callDriverPassthru(vendor, 'echo', 'POST', {})).rejects.toThrow(/No handler for method echo/);
  });
});
