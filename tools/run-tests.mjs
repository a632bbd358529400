// `npm test`: the parallel group of Jest suites, then the serial group (suites that restart shared
// services, run alone; see jest.config.js). Arguments go to both Jest runs (`npm test -- --ci`, a path).
// The last line is always "N passed, N failed", counting a suite that could not run as a failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const jest = join(root, 'node_modules/jest/bin/jest.js');
const scratch = mkdtempSync(join(tmpdir(), 'slipway-tests-'));
const args = process.argv.slice(2);

let passed = 0;
let failed = 0;
for (const group of ['parallel', 'serial']) {
  const report = join(scratch, `${group}.json`);
  process.stdout.write(`\n== ${group} test group\n`);
  const run = spawnSync(process.execPath, [jest, ...args, '--passWithNoTests', '--json', `--outputFile=${report}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SLIPWAY_TEST_GROUP: group },
  });
  const counts = readCounts(report);
  passed += counts.passed;
  // Jest failing with no failed test (a crash, an unhandled error after the run) still fails.
  failed += counts.failed === 0 && run.status !== 0 ? 1 : counts.failed;
}
rmSync(scratch, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function readCounts(report) {
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    // A suite that failed to run (syntax error, failing beforeAll hook import) has no test results.
    const broken = result.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
    return { passed: result.numPassedTests, failed: result.numFailedTests + broken };
  } catch {
    return { passed: 0, failed: 1 };
  }
}
