// One runner for the whole workspace. swc transpiles (no type-check: `npm run typecheck` does it),
// and the `@slipway/*` aliases come from tsconfig.base.json so tests import libs as apps do.
const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const { paths } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8')).compilerOptions;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test,tools}/**/*.{spec,test}.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper,
  globalSetup: '<rootDir>/tools/jest/global-setup.js',
  setupFiles: ['reflect-metadata', '<rootDir>/tools/jest/quiet-logs.ts'],
  testTimeout: 30_000,
  // Medium tests share the local services; two workers suit this two-core machine.
  maxWorkers: process.env.CI ? 2 : '50%',
};
