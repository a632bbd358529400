'use strict';
module.exports = { ...require('./example.hardware'), ...require('./example-power.interface'), ...require('./example-boot-deploy.interfaces') };
