import { allSettings } from './app-settings';
import type { Setting } from './setting';

/** The settings as a Markdown table for the README: env, config file key, default, description. */
export function settingsTable(list: readonly Setting[] = allSettings): string {
  const rows = list.map((setting) =>
    [`\`${setting.env}\``, `\`${setting.key}\``, setting.defaultLabel === undefined ? '(unset)' : `\`${setting.defaultLabel}\``, setting.description]
      .map((cell) => cell.replace(/\|/g, '\\|'))
      .join(' | '),
  );
  return ['| Environment variable | Config file key | Default | Description |', '|---|---|---|---|', ...rows.map((row) => `| ${row} |`)].join('\n') + '\n';
}
