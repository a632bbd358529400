'use strict';
// A power interface of its own: a switch that remembers its state in driver_internal_info and
// needs `example_address` in driver_info. The conductor lends `@slipway/drivers-framework`.
const { InvalidParameterValueError, MissingParameterValueError, PowerInterface, requireExclusiveLock } = require('@slipway/drivers-framework');

class ExamplePowerInterface extends PowerInterface {
  getProperties() {
    return { example_address: 'Address of the example power switch. Required.' };
  }

  async validate(task) {
    const address = task.node.driverInfo.example_address;
    if (address === undefined) throw new MissingParameterValueError('Missing the following example parameters in node driver_info: example_address');
    if (typeof address !== 'string' || address.trim() === '') throw new InvalidParameterValueError(`driver_info example_address must be a non-empty string, got ${JSON.stringify(address)}`);
  }

  async getPowerState(task) {
    return task.node.driverInternalInfo.example_power_state === 'power on' ? 'power on' : 'power off';
  }

  async setPowerState(task, state) {
    requireExclusiveLock(task);
    task.node.driverInternalInfo = { ...task.node.driverInternalInfo, example_power_state: state === 'power on' ? 'power on' : 'power off' };
  }

  async reboot(task) {
    await this.setPowerState(task, 'power on');
  }
}
ExamplePowerInterface.interfaceName = 'example-power';

module.exports = { ExamplePowerInterface };
