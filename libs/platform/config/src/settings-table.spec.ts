import { allSettings, defineSetting, settings, settingsTable, settingValue } from './index';

describe('settingsTable', () => {
  const table = settingsTable();
  const lines = table.trimEnd().split('\n');

  it('has a header and one row per setting', () => {
    expect(lines.slice(0, 2)).toEqual(['| Environment variable | Config file key | Default | Description |', '|---|---|---|---|']);
    expect(lines).toHaveLength(2 + allSettings.length);
    for (const setting of Object.values(settings)) expect(table).toContain(`| \`${setting.env}\` | \`${setting.key}\` |`);
  });

  it('shows literal, list, empty, computed and missing defaults', () => {
    expect(table).toContain(`| \`SLIPWAY_API_PORT\` | \`api.port\` | \`6385\` | ${settings.apiPort.description} |`);
    expect(table).toContain('| `SLIPWAY_ENABLED_HARDWARE_TYPES` | `conductor.enabledHardwareTypes` | `fake-hardware,manual-management,redfish` |');
    expect(table).toContain('| `SLIPWAY_CONDUCTOR_GROUP` | `conductor.group` | `""` |');
    expect(table).toContain('| `SLIPWAY_HOSTNAME` | `conductor.hostname` | `host name` |');
    expect(table).toContain('| `SLIPWAY_DATABASE_URL` | `database.url` | (unset) |');
  });

  it('escapes pipes in cells', () => {
    const odd = defineSetting({ key: 'odd', env: 'SLIPWAY_ODD', schema: settingValue.oneOf(['a', 'b']), default: 'a', description: 'a | b' });
    expect(settingsTable([odd])).toContain('| `SLIPWAY_ODD` | `odd` | `a` | a \\| b |');
  });
});
