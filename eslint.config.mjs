// Lint for the whole workspace. The module-boundary rule is the architecture's dependency
// rules (../shared/ARCHITECTURE.md "Layout") made executable: breaking one fails CI.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const sql = ['typeorm', 'typeorm/*', 'pg', 'pg-*', '@electric-sql/*'];
const amqp = ['amqplib', 'amqplib/*'];
const queue = ['bullmq', 'ioredis'];
const nest = ['@nestjs/*'];

export const depConstraints = [
  // apps depend on libs; libs never on apps.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'], bannedExternalImports: [...sql, ...amqp, ...queue] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  // Pure libs: no framework, no I/O clients, and only other pure libs.
  { sourceTag: 'kind:pure', onlyDependOnLibsWithTags: ['kind:pure'], bannedExternalImports: [...nest, ...sql, ...amqp, ...queue] },
  // typeorm/pg only in libs/db, amqplib only in libs/rpc, bullmq only in the queue adapter.
  { sourceTag: 'kind:db', bannedExternalImports: [...amqp, ...queue] },
  { sourceTag: 'kind:rpc', bannedExternalImports: [...sql, ...queue] },
  { sourceTag: 'kind:queue', bannedExternalImports: [...sql, ...amqp] },
  { sourceTag: 'kind:service', bannedExternalImports: [...sql, ...amqp, ...queue] },
  { sourceTag: 'kind:testing', bannedExternalImports: [...sql, ...amqp, ...queue] },
  // The api never touches hardware: no conductor code, no drivers, no Redfish client.
  { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:conductor', 'scope:drivers', 'scope:redfish-client'] },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tmp/**', '.nx/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allowCircularSelfDependency: false, banTransitiveDependencies: false, depConstraints },
      ],
      // Libs expose only src/index.ts: `@slipway/<lib>` and nothing below it.
      'no-restricted-imports': ['error', { patterns: [{ group: ['@slipway/*/**'], message: 'Import a lib through its index (@slipway/<lib>) only.' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]", message: 'Focused or skipped tests are not committed.' },
        { selector: "CallExpression[callee.name=/^(xit|xdescribe|fit|fdescribe)$/]", message: 'Focused or skipped tests are not committed.' },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through the app config schema (@slipway/config).' }],
    },
  },
  {
    // The config loader and test/bench harnesses are the places that read the environment.
    files: ['libs/platform/config/src/**/*.ts', 'libs/testing/src/**/*.ts', 'libs/test-data/src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts', 'tools/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
