'use strict';
// Declares a network interface named `noop`, which the framework registers itself.
const { NoopNetworkInterface, PowerInterface } = require('@slipway/drivers-framework');
class Copy extends PowerInterface {
  getProperties() { return {}; }
  async validate() {}
  async getPowerState() { return 'power off'; }
  async setPowerState() {}
  async reboot() {}
}
Copy.interfaceName = 'noop-copy';
module.exports = { Noop: NoopNetworkInterface, Copy };
