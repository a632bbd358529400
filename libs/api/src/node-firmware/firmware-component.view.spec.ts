import type { FirmwareComponentEntity } from '@slipway/db';
import { FIRMWARE_DEFAULT_FIELDS, firmwareComponentView } from './firmware-component.view';

const component = {
  id: 3,
  nodeId: 7,
  component: 'bmc',
  initialVersion: '1.0.0',
  currentVersion: '1.1.5',
  lastVersionFlashed: null,
  vendor: 'Dell',
  model: 'iDRAC 9',
  serialNumber: null,
  createdAt: new Date('2026-11-21T13:01:27.969Z'),
  updatedAt: null,
} as FirmwareComponentEntity;

describe('firmwareComponentView', () => {
  it('shows the timestamps first, then the 1.86 fields; no id, node, links or 1.114 fields', () => {
    expect(firmwareComponentView(component, FIRMWARE_DEFAULT_FIELDS)).toEqual({
      created_at: '2026-11-21T13:01:27.969000+00:00',
      updated_at: null,
      component: 'bmc',
      initial_version: '1.0.0',
      current_version: '1.1.5',
      last_version_flashed: null,
    });
  });

  it('shows only the fields asked for, timestamps always first', () => {
    expect(Object.keys(firmwareComponentView(component, ['current_version', 'created_at', 'component']))).toEqual(['created_at', 'updated_at', 'current_version', 'component']);
  });
});
