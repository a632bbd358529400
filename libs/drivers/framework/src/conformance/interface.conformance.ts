// One suite every interface implementation must pass, fake or real: call it from a spec file of
// the driver. It checks what the rest of Slipway relies on: validate() rejects bad driver_info with
// a clear InvalidParameterValue (400), getProperties() has the shape the driver API returns, step
// metadata is sane, and repeating a power or boot-device setting changes nothing more.
import { InvalidParameterValueError, UnsupportedDriverExtensionError } from '@slipway/errors';
import type { DriverInterface } from '../driver-interface';
import type { DriverNode, JsonObject } from '../driver-node';
import { POWER_OFF, POWER_ON, type PowerTarget } from '../hardware.constants';
import type { InterfaceType } from '../interface-type';
import type { ManagementInterface } from '../interfaces/management.interface';
import type { PowerInterface } from '../interfaces/power.interface';
import { STEP_KINDS } from '../steps/step.types';
import { getSteps } from '../steps/steps';
import type { DriverTask } from '../task';

export interface InterfaceConformanceSubject {
  /** The interface type and implementation name, as operators enable it. */
  type: InterfaceType;
  name: string;
  /** A task on a node that uses this implementation, under an exclusive lock; `init` sets node fields. */
  task(init?: Partial<DriverNode>): DriverTask;
  /** driver_info with which validate() passes. */
  validDriverInfo: JsonObject;
  /** driver_info that validate() must reject, each with a part of the message it must give. */
  invalidDriverInfo: ReadonlyArray<{ driverInfo: JsonObject; message: string | RegExp }>;
  /** A "no-<type>" implementation: validate() always answers UnsupportedDriverExtension. */
  unsupported?: boolean;
}

export function describeInterfaceConformance(subject: InterfaceConformanceSubject): void {
  const implementation = (task: DriverTask): DriverInterface => task.driver[subject.type];
  const validTask = () => subject.task({ driverInfo: subject.validDriverInfo });

  describe(`${subject.type} interface ${subject.name} (conformance)`, () => {
    it('is the implementation the task was built with', () => {
      const iface = implementation(validTask());
      expect((iface.constructor as unknown as { interfaceName: string }).interfaceName).toBe(subject.name);
      expect((iface.constructor as unknown as { interfaceType: string }).interfaceType).toBe(subject.type);
    });

    it('describes its driver_info keys: names to non-empty descriptions', () => {
      const properties = implementation(validTask()).getProperties();
      expect(typeof properties).toBe('object');
      for (const [key, description] of Object.entries(properties)) {
        expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(typeof description).toBe('string');
        expect(description.trim()).not.toBe('');
      }
    });

    if (subject.unsupported) {
      it('answers UnsupportedDriverExtension to validate, naming the interface type', async () => {
        const task = validTask();
        const failure = await implementation(task)
          .validate(task)
          .then(() => undefined, (error: unknown) => error);
        expect(failure).toBeInstanceOf(UnsupportedDriverExtensionError);
        expect((failure as Error).message).toContain(subject.type);
      });
    } else {
      it('accepts the valid driver_info', async () => {
        const task = validTask();
        await expect(implementation(task).validate(task)).resolves.toBeUndefined();
      });
    }

    if (subject.invalidDriverInfo.length > 0) {
      it.each(subject.invalidDriverInfo.map((bad) => [JSON.stringify(bad.driverInfo), bad] as const))('rejects driver_info %s with a clear InvalidParameterValue', async (_label, bad) => {
        const task = subject.task({ driverInfo: bad.driverInfo });
        const failure = await implementation(task)
          .validate(task)
          .then(() => undefined, (error: unknown) => error);
        expect(failure).toBeInstanceOf(InvalidParameterValueError);
        expect((failure as Error).message).toMatch(bad.message);
      });
    }

    it('declares sane steps: unique names per kind, whole priorities of 0 or more, described arguments', () => {
      const iface = implementation(validTask());
      for (const kind of STEP_KINDS) {
        const steps = getSteps(iface, kind);
        expect(new Set(steps.map((step) => step.step)).size).toBe(steps.length);
        for (const step of steps) {
          expect(step.interface).toBe(subject.type);
          expect(step.step).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(Number.isInteger(step.priority) && step.priority >= 0).toBe(true);
          expect(typeof step.abortable).toBe('boolean');
          for (const [argument, info] of Object.entries(step.argsinfo ?? {})) {
            expect(argument).not.toBe('');
            expect(typeof info.description).toBe('string');
            expect(info.description.trim()).not.toBe('');
            if (info.required !== undefined) expect(typeof info.required).toBe('boolean');
          }
        }
      }
    });

    if (subject.type === 'power') {
      it('sets a power state idempotently: the same target twice leaves the node there', async () => {
        const task = validTask();
        const power = task.driver.power as PowerInterface;
        for (const target of [POWER_ON, POWER_ON, POWER_OFF, POWER_OFF] as PowerTarget[]) {
          await power.setPowerState(task, target);
          expect(await power.getPowerState(task)).toBe(target);
        }
      });
    }

    if (subject.type === 'management') {
      it('sets a boot device idempotently: the same device twice reads back as set', async () => {
        const task = validTask();
        const management = task.driver.management as ManagementInterface;
        const [device] = await management.getSupportedBootDevices(task);
        if (device === undefined) return; // nothing to set: a management interface without boot devices (noop)
        await management.setBootDevice(task, device, true);
        await management.setBootDevice(task, device, true);
        const current = await management.getBootDevice(task);
        if (current.bootDevice !== null) expect(current.bootDevice).toBe(device);
      });
    }
  });
}
