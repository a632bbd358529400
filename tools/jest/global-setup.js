// Cross-process tests run the compiled apps: compile dist/ once before any test runs (about 2 s).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '../compile.mjs')], { stdio: 'ignore' });
};
