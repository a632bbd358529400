'use strict';
const { PowerInterface } = require('@slipway/drivers-framework');
class AcmePower extends PowerInterface {
  getProperties() { return {}; }
  async validate() {}
  async getPowerState() { return 'power on'; }
  async setPowerState() {}
  async reboot() {}
}
AcmePower.interfaceName = 'acme-power';
module.exports = { AcmePower };
