'use strict';
module.exports = { BadPower: { not: 'a class' } };
