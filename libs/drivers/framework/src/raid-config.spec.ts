import { InvalidParameterValueError } from '@slipway/errors';
import { validateRaidConfig } from './raid-config';

describe('validateRaidConfig', () => {
  it('accepts a configuration with a root volume and a MAX-sized volume', () => {
    const config = {
      logical_disks: [
        { size_gb: 100, raid_level: '1', is_root_volume: true, disk_type: 'ssd' },
        { size_gb: 'MAX', raid_level: '5', number_of_physical_disks: 3 },
      ],
    };
    expect(validateRaidConfig(config)).toBe(config);
  });

  it('lists every problem at once', () => {
    const attempt = () =>
      validateRaidConfig({
        logical_disks: [
          { size_gb: -1, raid_level: '7', is_root_volume: true },
          { size_gb: 10, raid_level: '0', is_root_volume: true, colour: 'red', disk_type: 'tape' },
        ],
      });
    expect(attempt).toThrow(InvalidParameterValueError);
    expect(attempt).toThrow(
      /logical_disks\[0\]\.size_gb .*; logical_disks\[0\]\.raid_level .*; logical_disks\[1\] has an unknown field colour; logical_disks\[1\]\.disk_type has an invalid value; only one logical disk may be the root volume/,
    );
  });

  it('needs a non-empty logical_disks list', () => {
    expect(() => validateRaidConfig({})).toThrow(/non-empty logical_disks/);
    expect(() => validateRaidConfig({ logical_disks: [] })).toThrow(/non-empty logical_disks/);
    expect(() => validateRaidConfig(null)).toThrow(/non-empty logical_disks/);
  });
});
