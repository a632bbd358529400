// One runner for the whole workspace. swc transpiles (no type-check: `npm run typecheck` does it),
// and the `@slipway/*` aliases come from tsconfig.base.json so tests import libs as apps do.
const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const { paths } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8')).compilerOptions;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

// Two groups (tools/run-tests.mjs runs both for `npm test`): the default one runs in parallel;
// SLIPWAY_TEST_GROUP=serial selects the `*.serial.spec.ts` suites, which disturb the shared services
// (they restart RabbitMQ) and so run alone, after the others.
const serial = process.env.SLIPWAY_TEST_GROUP === 'serial';

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: serial ? ['<rootDir>/test/**/*.serial.spec.ts'] : ['<rootDir>/{apps,libs,test,tools}/**/*.{spec,test}.ts'],
  testPathIgnorePatterns: serial ? ['/node_modules/'] : ['/node_modules/', '\\.serial\\.spec\\.ts$'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper,
  globalSetup: '<rootDir>/tools/jest/global-setup.js',
  setupFiles: ['reflect-metadata', '<rootDir>/tools/jest/quiet-logs.ts'],
  testTimeout: 30_000,
  // Medium tests share the local services; two workers suit this two-core machine.
  maxWorkers: serial ? 1 : process.env.CI ? 2 : '50%',
};
