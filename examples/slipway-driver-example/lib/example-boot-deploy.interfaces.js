'use strict';
// The least a hardware type needs besides power and management: a boot interface and a deploy
// interface. These say "the machine boots from its own disk and the image is already there", so
// the example stays about how a plugin is built, not about deploying. The deploy interface also
// shows an asynchronous step: flash_firmware starts work that goes on without the conductor, and
// a periodic poll tells the conductor when it is done.
const { BootInterface, DeployInterface, deployStep, periodic, STEP_WAIT } = require('@slipway/drivers-framework');

const FLASH_DONE_AT = 'example_flash_done_at';

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

  /**
   * A step that starts a (simulated) firmware flash and returns STEP_WAIT: the node waits in
   * `wait call-back`, and this conductor is free, until checkFlash reports the flash done.
   */
  async flashFirmware(task, args) {
    const seconds = args.seconds === undefined ? 2 : Number(args.seconds);
    task.node.driverInternalInfo = { ...task.node.driverInternalInfo, [FLASH_DONE_AT]: Date.now() + seconds * 1000 };
    return STEP_WAIT;
  }

  /** Every second: the waiting nodes whose flash has finished go on with their deploy. */
  async checkFlash(context) {
    await context.forEachNode(
      async (task) => {
        const doneAt = task.node.driverInternalInfo[FLASH_DONE_AT];
        if (typeof doneAt !== 'number' || Date.now() < doneAt) return;
        const info = { ...task.node.driverInternalInfo, example_firmware_flashed: true };
        delete info[FLASH_DONE_AT];
        task.node.driverInternalInfo = info;
        context.resumeSteps(task);
      },
      { provisionStates: ['wait call-back'], shared: false },
    );
  }
}
ExampleDeployInterface.interfaceName = 'example-deploy';
// Decorators from plain JavaScript: call them with the prototype and the method name, as
// TypeScript's `@deployStep({ priority: 100 })` above `async deploy()` would.
deployStep({ priority: 100 })(ExampleDeployInterface.prototype, 'deploy');
// Priority 0: runs only when a deploy asks for it (deploy_steps or a deploy template).
deployStep({ priority: 0, argsinfo: { seconds: { description: 'How long the simulated flash takes (default 2).', required: false } } })(
  ExampleDeployInterface.prototype,
  'flashFirmware',
);
periodic({ spacing: 1 })(ExampleDeployInterface.prototype, 'checkFlash');

module.exports = { ExampleBootInterface, ExampleDeployInterface };
