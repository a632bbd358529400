// Writes the settings table of README.md from the settings catalogue (run: npm run docs:settings).
// test/docs/readme-settings.spec.ts fails when the README and the catalogue disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { allSettings, settingsTable } = createRequire(import.meta.url)(join(root, 'dist/libs/platform/config/src/index.js'));
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const block = /(<!-- settings-table:start -->\n)[\s\S]*?(<!-- settings-table:end -->)/;
if (!block.test(readme)) throw new Error('README.md has no settings-table markers');
writeFileSync(readmePath, readme.replace(block, `$1${settingsTable(allSettings).trim()}\n$2`));
console.log('README.md settings table updated');
