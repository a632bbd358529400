import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The architecture's dependency rules are enforced by lint. These cases break them on purpose
// and check that the workspace's real ESLint config fails each one, naming the rule.
const root = join(__dirname, '../..');

describe('module boundaries (lint)', () => {
  beforeAll(() => {
    // The Nx rule reads the cached project graph and silently skips itself without one.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  // The ESLint CLI, as `npm run lint` runs it, on code given through stdin under a chosen path.
  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    let output: string;
    try {
      output = execFileSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', filePath], { cwd: root, input: code, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit code 1 = lint errors found
    }
    const [result] = JSON.parse(output) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ['typeorm outside libs/db', 'libs/api/src/bad.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;", /not allowed to import "typeorm"/],
    ['pg outside libs/db', 'libs/rpc/src/bad.ts', "import { Client } from 'pg';\nexport const x = Client;", /not allowed to import "pg"/],
    ['amqplib outside libs/rpc', 'libs/conductor/src/bad.ts', "import { connect } from 'amqplib';\nexport const x = connect;", /not allowed to import "amqplib"/],
    ['bullmq outside the queue adapter', 'libs/orchestrator/src/bad.ts', "import { Queue } from 'bullmq';\nexport const x = Queue;", /not allowed to import "bullmq"/],
    ['Nest in a pure lib', 'libs/platform/errors/src/bad.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;", /not allowed to import "@nestjs\/common"/],
    ['an app imported by a lib', 'libs/api/src/bad.ts', "import { x } from '../../../apps/vbmc/src/vbmc-args';\nexport const y = x;", /relative or absolute path/],
    ['a deep import into a lib', 'apps/api/src/bad.ts', "import { x } from '@slipway/db/src/data-source';\nexport const y = x;", /through its index/],
    ['the conductor imported by the api', 'libs/api/src/bad.ts', "import { x } from '@slipway/conductor';\nexport const y = x;", /scope:conductor/],
  ])('fails lint for %s', async (_case, filePath, code, message) => {
    const errors = await boundaryErrors(filePath, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it('passes a lib importing another lib through its alias', async () => {
    expect(await boundaryErrors('libs/api/src/ok.ts', "import { getLogger } from '@slipway/logging';\nexport const x = getLogger;")).toEqual([]);
  });
});
