'use strict';
// The `example-hardware` hardware type: our power interface, the framework's generic ones elsewhere.
const { HardwareType, NoopManagementInterface } = require('@slipway/drivers-framework');
const { ExamplePowerInterface } = require('./example-power.interface');
const { ExampleBootInterface, ExampleDeployInterface } = require('./example-boot-deploy.interfaces');

class ExampleHardware extends HardwareType {
  constructor() {
    super();
    this.name = 'example-hardware';
    this.supportedInterfaces = {
      boot: [ExampleBootInterface],
      deploy: [ExampleDeployInterface],
      management: [NoopManagementInterface],
      power: [ExamplePowerInterface],
    };
  }
}

module.exports = { ExampleHardware };
