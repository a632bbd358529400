import { Injectable } from '@nestjs/common';
import {
  callDriverPassthru, callPassthru, DriverRegistry, driverPassthruRoute, driverPassthruRoutes, nodePassthruRoute, passthruRoutes, PassthruRoute,
} from '@slipway/drivers-framework';
import { driverVendorPassthru, driverVendorPassthruMethods, nodeVendorPassthru, nodeVendorPassthruMethods, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { BackgroundWork } from '../tasks/background-work';
import { NodeTaskRunner } from '../tasks/node-task.runner';

type Outcome = { async: boolean; result?: unknown; attach: boolean };

/**
 * Vendor passthru. The route is checked before any answer (400 unknown method, 405 wrong verb);
 * async methods answer at once and run in the background, sync ones answer with their result.
 * Node methods run under the exclusive lock unless they say otherwise; driver methods take none.
 */
@Injectable()
export class VendorPassthruHandler {
  constructor(
    private readonly tasks: NodeTaskRunner,
    private readonly drivers: DriverRegistry,
    private readonly background: BackgroundWork,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers
      .on(nodeVendorPassthru, (request) => this.nodeCall(request))
      .on(nodeVendorPassthruMethods, ({ uuid }) => this.tasks.shared(uuid, 'list vendor passthru methods', async ({ task }) => listing(passthruRoutes(task.driver.vendor))))
      .on(driverVendorPassthru, (request) => this.driverCall(request))
      .on(driverVendorPassthruMethods, async ({ driver }) => listing(driverPassthruRoutes(this.driverVendor(driver))));
  }

  private async nodeCall({ uuid, method, httpMethod, args }: RpcRequestOf<typeof nodeVendorPassthru>): Promise<Outcome> {
    const purpose = `vendor passthru ${method}`;
    const route = await this.tasks.shared(uuid, purpose, async ({ task }) => nodePassthruRoute(task.driver.vendor, method, httpMethod));
    const call = async ({ task }: { task: Parameters<typeof callPassthru>[2] }) => {
      await task.driver.vendor.validate(task, method, args);
      return callPassthru(task.driver.vendor, method, task, httpMethod, args);
    };
    const exclusive = route.requireExclusiveLock !== false;
    if (route.async && exclusive) {
      await this.tasks.exclusiveThenBackground(uuid, purpose, async ({ task }) => task.driver.vendor.validate(task, method, args), async (context) => void (await call(context)));
      return { async: true, attach: route.attach };
    }
    if (route.async) {
      await this.tasks.shared(uuid, purpose, async ({ task }) => task.driver.vendor.validate(task, method, args));
      this.background.start(`${purpose} of ${uuid}`, async () => void (await this.tasks.shared(uuid, purpose, call)));
      return { async: true, attach: route.attach };
    }
    const result = exclusive ? await this.tasks.exclusive(uuid, purpose, call) : await this.tasks.shared(uuid, purpose, call);
    return { async: false, result, attach: route.attach };
  }

  private async driverCall({ driver, method, httpMethod, args }: RpcRequestOf<typeof driverVendorPassthru>): Promise<Outcome> {
    const vendor = this.driverVendor(driver);
    const route = driverPassthruRoute(vendor, method, httpMethod);
    await vendor.driverValidate(method, args);
    if (route.async) {
      this.background.start(`driver vendor passthru ${driver}.${method}`, async () => void (await callDriverPassthru(vendor, method, httpMethod, args)));
      return { async: true, attach: route.attach };
    }
    return { async: false, result: await callDriverPassthru(vendor, method, httpMethod, args), attach: route.attach };
  }

  /** The hardware type's default vendor interface answers driver-level calls, as in Ironic. */
  private driverVendor(driver: string) {
    return this.drivers.buildDriver({ driver }).vendor;
  }
}

/** Ironic's `/methods` listing: snake_case metadata per method. */
function listing(routes: Record<string, PassthruRoute>) {
  return Object.fromEntries(
    Object.entries(routes).map(([name, route]) => [
      name,
      {
        http_methods: route.httpMethods,
        async: route.async,
        description: route.description,
        attach: route.attach,
        ...(route.requireExclusiveLock === undefined ? {} : { require_exclusive_lock: route.requireExclusiveLock }),
      },
    ]),
  );
}
