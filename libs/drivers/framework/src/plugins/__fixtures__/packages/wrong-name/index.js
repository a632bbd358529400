'use strict';
const { PowerInterface } = require('@slipway/drivers-framework');
class OtherPower extends PowerInterface {
  getProperties() { return {}; }
  async validate() {}
  async getPowerState() { return 'power off'; }
  async setPowerState() {}
  async reboot() {}
}
OtherPower.interfaceName = 'other-power';
module.exports = OtherPower;
