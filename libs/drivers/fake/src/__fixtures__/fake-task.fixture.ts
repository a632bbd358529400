import { DEFAULT_DRIVER_CONFIG, DriverRegistry, newDriverNode, type DriverNode, type DriverTask } from '@slipway/drivers-framework';
import { getLogger } from '@slipway/logging';
import type { Sleep } from '../fake-behaviour';
import { registerFakeDrivers } from '../register-fake-drivers';

/** A loaded registry with the fakes and the default config; `slept` records fake_delay waits. */
export function fakeRegistry(): { registry: DriverRegistry; slept: number[] } {
  const slept: number[] = [];
  const sleep: Sleep = async (milliseconds) => {
    slept.push(milliseconds);
  };
  const registry = new DriverRegistry();
  registerFakeDrivers(registry, { sleep });
  return { registry: registry.load(DEFAULT_DRIVER_CONFIG), slept };
}

/** A task on a fake-hardware node (or the node given), under an exclusive lock unless `shared`. */
export function fakeTask(registry: DriverRegistry, init: Partial<DriverNode> = {}, shared = false): DriverTask {
  const node = newDriverNode({ uuid: 'node-1', driver: 'fake-hardware', ...init });
  Object.assign(node, Object.fromEntries(Object.entries(registry.resolveInterfaces(node)).map(([type, name]) => [`${type}Interface`, name])));
  return { node, driver: registry.buildDriver(node), shared, ports: [], log: getLogger('fake-driver-test') };
}

/** The same node seen under a shared lock. */
export function shared(task: DriverTask): DriverTask {
  return { ...task, shared: true };
}
