import type { BiosSettingEntity } from '@slipway/db';
import { BIOS_DEFAULT_FIELDS, BIOS_REGISTRY_FIELDS, biosSettingView } from './bios-setting.view';

const setting = {
  nodeId: 7,
  name: 'ProcVirtualization',
  value: 'Enabled',
  attributeType: 'Enumeration',
  allowableValues: null,
  lowerBound: null,
  upperBound: null,
  minLength: null,
  maxLength: null,
  readOnly: false,
  resetRequired: null,
  unique: null,
  createdAt: new Date('2026-11-21T13:01:27.969Z'),
  updatedAt: null,
} as BiosSettingEntity;

describe('biosSettingView', () => {
  it('puts timestamps first, the fields in the order given, then links under the node as named', () => {
    expect(biosSettingView(setting, 'http://h', 'node-1', BIOS_DEFAULT_FIELDS)).toEqual({
      created_at: '2026-11-21T13:01:27.969000+00:00',
      updated_at: null,
      name: 'ProcVirtualization',
      value: 'Enabled',
      links: [
        { href: 'http://h/v1/nodes/node-1/bios/ProcVirtualization', rel: 'self' },
        { href: 'http://h/nodes/node-1/bios/ProcVirtualization', rel: 'bookmark' },
      ],
    });
    expect(Object.keys(biosSettingView(setting, 'http://h', 'n', ['read_only', 'name', 'created_at', 'links']))).toEqual(['created_at', 'updated_at', 'read_only', 'name', 'links']);
  });

  it('shows the registry fields, a missing list of allowed values as empty', () => {
    const view = biosSettingView(setting, 'http://h', 'n', BIOS_REGISTRY_FIELDS);
    expect(Object.keys(view)).toEqual(['created_at', 'updated_at', ...BIOS_REGISTRY_FIELDS, 'links']);
    expect(view).toMatchObject({ attribute_type: 'Enumeration', allowable_values: [], read_only: false, upper_bound: null });
  });
});
