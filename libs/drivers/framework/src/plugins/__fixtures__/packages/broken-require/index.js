'use strict';
require('a-package-that-is-not-installed');
