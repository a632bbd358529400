import { describeInterfaceConformance, INTERFACE_TYPES, type InterfaceType } from '@slipway/drivers-framework';
import { fakeRegistry, fakeTask } from './__fixtures__/fake-task.fixture';

// Every implementation fake-hardware can use runs the suite every driver must pass: the fakes,
// and the framework's no-op implementations they fall back to.
const { registry } = fakeRegistry();

/** The driver_info every fake rejects (FakeBehaviour reads the knobs in validate). */
const BAD_FAKE_KNOBS = [
  { driverInfo: { fake_delay: -1 }, message: 'driver_info fake_delay must be a non-negative number of seconds, got -1.' },
  { driverInfo: { fake_delay: 'soon' }, message: 'driver_info fake_delay must be a non-negative number of seconds, got "soon".' },
  { driverInfo: { fake_fail: 42 }, message: 'driver_info fake_fail must be a string or a list of strings, got 42.' },
];

for (const type of INTERFACE_TYPES as readonly InterfaceType[]) {
  for (const name of registry.enabledInterfaces(type)) {
    describeInterfaceConformance({
      type,
      name,
      task: (init = {}) => fakeTask(registry, { ...init, [`${type}Interface`]: name }),
      validDriverInfo: name === 'fake' ? { fake_delay: 0, fake_fail: [] } : {},
      invalidDriverInfo: name === 'fake' ? BAD_FAKE_KNOBS : [],
      unsupported: name.startsWith('no-'),
    });
  }
}
