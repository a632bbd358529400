import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSettings, settingsTable } from '@slipway/config';

// The README's configuration table is generated from the catalogue (npm run docs:settings).
describe('README settings table', () => {
  it('lists every setting exactly as the catalogue declares it', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- settings-table:start -->\n([\s\S]*?)<!-- settings-table:end -->/.exec(readme);
    expect(block?.[1].trim()).toBe(settingsTable(allSettings).trim());
  });
});
