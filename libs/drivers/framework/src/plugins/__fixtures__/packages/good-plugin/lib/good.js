'use strict';
const { HardwareType, PowerInterface } = require('@slipway/drivers-framework');
class GoodPower extends PowerInterface {
  getProperties() { return { good_address: 'Where the good switch is. Required.' }; }
  async validate() {}
  async getPowerState() { return 'power off'; }
  async setPowerState() {}
  async reboot() {}
}
GoodPower.interfaceName = 'good-power';
class GoodHardware extends HardwareType {
  constructor() {
    super();
    this.name = 'good-hardware';
    this.supportedInterfaces = { boot: [], deploy: [], management: [], power: [GoodPower] };
  }
}
module.exports = { GoodHardware, GoodPower };
