import { actionField, operationApplyTimeSupportField, settingsField } from './common-fields';
import { bool, derived, group, link, links, list, num, readFields, str, strings } from './fields';

// The field mapping: paths into nested JSON, tolerant adapters, defaults.
describe('field mapping', () => {
  const json = {
    Id: '1',
    Count: '3',
    Enabled: true,
    Status: { State: 'Enabled' },
    Memory: { '@odata.id': '/redfish/v1/systems/1/memory/' },
    Links: { Drives: [{ '@odata.id': '/a' }, { '@odata.id': '/b' }, { '@odata.id': '/a' }, { nope: 1 }, null] },
    Devices: [{ Name: 'disk', CapacityBytes: 10 }, 'junk', { Name: 'other' }],
    Boot: { 'Target@Redfish.AllowableValues': ['Pxe', 7, 'Hdd'] },
  };

  it('reads typed values by path, absent (undefined) when missing or of the wrong type', () => {
    expect(
      readFields(
        {
          id: str('Id'),
          count: num('Count'),
          enabled: bool('Enabled'),
          state: str(['Status', 'State']),
          health: str(['Status', 'Health']),
          deep: str(['Id', 'Nope']),
          memory: link('Memory'),
          drives: links(['Links', 'Drives']),
          none: links('Nothing'),
          allowed: strings(['Boot', 'Target@Redfish.AllowableValues']),
          notListed: strings(['Boot', 'Mode@Redfish.AllowableValues']),
        },
        json,
      ),
    ).toEqual({ id: '1', count: undefined, enabled: true, state: 'Enabled', health: undefined, deep: undefined, memory: '/redfish/v1/systems/1/memory/', drives: ['/a', '/b'], none: [], allowed: ['Pxe', 'Hdd'], notListed: undefined });
  });

  it('reads groups (always an object), lists of objects, and derived values', () => {
    expect(group('Status', { state: str('State') }).read(json)).toEqual({ state: 'Enabled' });
    expect(group('Missing', { state: str('State') }).read(json)).toEqual({ state: undefined });
    expect(list('Devices', { name: str('Name'), size: num('CapacityBytes') }).read(json)).toEqual([
      { name: 'disk', size: 10 },
      { name: 'other', size: undefined },
    ]);
    expect(derived((data) => Object.keys(data).length).read(json)).toBe(8);
  });

  it('reads actions, settings and apply-time annotations (absent when not offered)', () => {
    const resource = {
      Actions: { '#Thing.Do': { target: '/do', 'Kind@Redfish.AllowableValues': ['A'] }, '#Thing.NoTarget': {} },
      '@Redfish.Settings': { SettingsObject: { '@odata.id': '/settings' } },
      '@Redfish.OperationApplyTimeSupport': { SupportedValues: ['Immediate'] },
    };
    expect(actionField('#Thing.Do', 'Kind').read(resource)).toEqual({ target: '/do', allowableValues: ['A'] });
    expect(actionField('#Thing.Do').read(resource)).toEqual({ target: '/do', allowableValues: undefined });
    expect(actionField('#Thing.NoTarget').read(resource)).toBeUndefined();
    expect(settingsField.read(resource)).toEqual({ objectPath: '/settings', supportedApplyTimes: undefined, messages: [], appliedEtag: undefined, time: undefined });
    expect(settingsField.read({ '@Redfish.Settings': null })).toBeUndefined();
    expect(operationApplyTimeSupportField().read(resource)).toEqual({ supportedValues: ['Immediate'], maintenanceWindowStartTime: undefined, maintenanceWindowDurationInSeconds: undefined });
    expect(operationApplyTimeSupportField().read({})).toBeUndefined();
  });
});
