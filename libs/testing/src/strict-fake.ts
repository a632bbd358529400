/**
 * A strict fake for small tests: an object whose only members are `members`; touching any other
 * one fails the test, so a service never makes a call the test did not plan.
 */
export function strictFake<T extends object>(name: string, members: Partial<T>): T {
  return new Proxy(members as T, {
    get(target, property) {
      if (property in target) return (target as Record<PropertyKey, unknown>)[property];
      // Promise resolution probes `then`; that is not a call of the fake.
      if (property === 'then') return undefined;
      throw new Error(`unplanned use of ${name}.${String(property)}`);
    },
  });
}
