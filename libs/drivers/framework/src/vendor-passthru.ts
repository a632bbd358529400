import { InvalidParameterValueError, MethodNotAllowedError } from '@slipway/errors';
import type { DriverTask } from './task';

export interface PassthruOptions {
  httpMethods: string[];
  /** The name in the URL; the method name when omitted. */
  method?: string;
  /** Run in the background and answer 202 (true by default). */
  async?: boolean;
  description?: string;
  /** Return raw bytes rather than JSON. */
  attach?: boolean;
}

export interface NodePassthruOptions extends PassthruOptions {
  /** Take the node's exclusive lock (true by default). */
  requireExclusiveLock?: boolean;
}

/** One entry of the `/methods` listing. */
export interface PassthruRoute {
  httpMethods: string[];
  async: boolean;
  description: string;
  attach: boolean;
  /** Node-level routes only. */
  requireExclusiveLock?: boolean;
}

export type PassthruArgs = Readonly<Record<string, unknown>>;
export type PassthruMethod = (task: DriverTask, httpMethod: string, args: PassthruArgs) => Promise<unknown>;
export type DriverPassthruMethod = (httpMethod: string, args: PassthruArgs) => Promise<unknown>;

type RouteTable = Map<string, { methodName: string; route: PassthruRoute }>;

// Routes hang on the prototype that declares them; listing walks the prototype chain.
const nodeRoutes = new WeakMap<object, RouteTable>();
const driverRoutes = new WeakMap<object, RouteTable>();

function record(store: WeakMap<object, RouteTable>, prototype: object, methodName: string, name: string, route: PassthruRoute): void {
  const table = store.get(prototype) ?? new Map();
  store.set(prototype, table);
  table.set(name, { methodName, route });
}

function baseRoute(options: PassthruOptions): PassthruRoute {
  if (options.httpMethods.length === 0) throw new InvalidParameterValueError('A passthru method needs at least one HTTP method.');
  return {
    httpMethods: options.httpMethods.map((verb) => verb.toUpperCase()),
    async: options.async ?? true,
    description: options.description ?? '',
    attach: options.attach ?? false,
  };
}

/** Marks a vendor interface method as a node passthru method. */
export function passthru(options: NodePassthruOptions) {
  return <M extends PassthruMethod>(prototype: object, methodName: string, _descriptor: TypedPropertyDescriptor<M>): void => {
    const route = { ...baseRoute(options), requireExclusiveLock: options.requireExclusiveLock ?? true };
    record(nodeRoutes, prototype, methodName, options.method ?? methodName, route);
  };
}

/** Marks a vendor interface method as a driver-level passthru method (no node, no lock). */
export function driverPassthru(options: PassthruOptions) {
  return <M extends DriverPassthruMethod>(prototype: object, methodName: string, _descriptor: TypedPropertyDescriptor<M>): void => {
    record(driverRoutes, prototype, methodName, options.method ?? methodName, baseRoute(options));
  };
}

function collect(store: WeakMap<object, RouteTable>, iface: object): RouteTable {
  const found: RouteTable = new Map();
  for (let proto = Object.getPrototypeOf(iface); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, entry] of store.get(proto) ?? []) {
      // A subclass that overrides the method without the decorator drops the route.
      const resolved = (iface as Record<string, unknown>)[entry.methodName];
      if (!found.has(name) && resolved === proto[entry.methodName]) found.set(name, entry);
    }
  }
  return found;
}

function listing(table: RouteTable): Record<string, PassthruRoute> {
  return Object.fromEntries([...table].map(([name, { route }]) => [name, { ...route, httpMethods: [...route.httpMethods] }]));
}

export function passthruRoutes(iface: object): Record<string, PassthruRoute> {
  return listing(collect(nodeRoutes, iface));
}

export function driverPassthruRoutes(iface: object): Record<string, PassthruRoute> {
  return listing(collect(driverRoutes, iface));
}

function resolve(table: RouteTable, method: string, httpMethod: string): { methodName: string; route: PassthruRoute } {
  const entry = table.get(method);
  if (entry === undefined) throw new InvalidParameterValueError(`No handler for method ${method}.`);
  // A known method called with a verb it does not take: 405, naming the verbs it does take.
  if (!entry.route.httpMethods.includes(httpMethod.toUpperCase())) throw new MethodNotAllowedError({ method: httpMethod.toUpperCase(), allowed: entry.route.httpMethods });
  return entry;
}

/** The route of a node passthru call, or 400 (unknown method) / 405 (verb not accepted). */
export function nodePassthruRoute(iface: object, method: string, httpMethod: string): PassthruRoute {
  return resolve(collect(nodeRoutes, iface), method, httpMethod).route;
}

/** The same check for a driver-level passthru call. */
export function driverPassthruRoute(iface: object, method: string, httpMethod: string): PassthruRoute {
  return resolve(collect(driverRoutes, iface), method, httpMethod).route;
}

/** Runs a node passthru method after checking that it exists and accepts the HTTP verb. */
export async function callPassthru(iface: object, method: string, task: DriverTask, httpMethod: string, args: PassthruArgs): Promise<unknown> {
  const { methodName } = resolve(collect(nodeRoutes, iface), method, httpMethod);
  return ((iface as Record<string, PassthruMethod>)[methodName] as PassthruMethod).call(iface, task, httpMethod.toUpperCase(), args);
}

/** Runs a driver-level passthru method after the same checks. */
export async function callDriverPassthru(iface: object, method: string, httpMethod: string, args: PassthruArgs): Promise<unknown> {
  const { methodName } = resolve(collect(driverRoutes, iface), method, httpMethod);
  return ((iface as Record<string, DriverPassthruMethod>)[methodName] as DriverPassthruMethod).call(iface, httpMethod.toUpperCase(), args);
}
