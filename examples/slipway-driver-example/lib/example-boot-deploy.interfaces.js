'use strict';
// The least a hardware type needs besides power and management: a boot interface and a deploy
// interface. These say "the machine boots from its own disk and the image is already there", so
// the example stays about how a plugin is built, not about deploying.
const { BootInterface, DeployInterface, deployStep } = require('@slipway/drivers-framework');

class ExampleBootInterface extends BootInterface {
  getProperties() {
    return {};
  }
  async validate() {}
  async prepareRamdisk() {}
  async cleanUpRamdisk() {}
  async prepareInstance() {}
  async cleanUpInstance() {}
}
ExampleBootInterface.interfaceName = 'example-boot';

class ExampleDeployInterface extends DeployInterface {
  getProperties() {
    return {};
  }
  async validate() {}
  async deploy() {}
  async tearDown() {}
  async prepare() {}
  async cleanUp() {}
  async takeOver() {}
}
ExampleDeployInterface.interfaceName = 'example-deploy';
// Decorators from plain JavaScript: call them with the prototype and the method name, as
// TypeScript's `@deployStep({ priority: 100 })` above `async deploy()` would.
deployStep({ priority: 100 })(ExampleDeployInterface.prototype, 'deploy');

module.exports = { ExampleBootInterface, ExampleDeployInterface };
