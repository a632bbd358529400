import { DriverOperationError, InvalidParameterValueError } from '@slipway/drivers-framework';
import { biosSettingsOf, notYetApplied, planBiosChange, settingValue } from './bios-change';

// Attributes as the DMTF mockup's Bios lists them: strings, an integer, an empty string.
const CURRENT = { AdminPhone: '', BootMode: 'Uefi', ProcCoreDisable: 0, ProcTurboMode: 'Enabled', SecureBootEnable: false, Serial: null };

describe('BIOS settings in Ironic terms', () => {
  it('reads attribute values as strings, null as null, sorted by name', () => {
    expect([settingValue('Uefi'), settingValue(0), settingValue(true), settingValue(null), settingValue({ a: 1 })]).toEqual(['Uefi', '0', 'true', null, '{"a":1}']);
    expect(biosSettingsOf({ ProcTurboMode: 'Enabled', BootMode: 'Uefi', ProcCoreDisable: 2 })).toEqual([
      { name: 'BootMode', value: 'Uefi' },
      { name: 'ProcCoreDisable', value: '2' },
      { name: 'ProcTurboMode', value: 'Enabled' },
    ]);
  });
});

describe('planBiosChange', () => {
  it('patches only what is not current, typed as the BMC has it', () => {
    const change = planBiosChange('n1', [
      { name: 'ProcTurboMode', value: 'Disabled' },
      { name: 'BootMode', value: 'Uefi' },
      { name: 'ProcCoreDisable', value: '2' },
      { name: 'SecureBootEnable', value: 'True' },
    ], CURRENT, {});
    expect(change.patch).toEqual({ ProcTurboMode: 'Disabled', ProcCoreDisable: 2, SecureBootEnable: true });
    expect(change.awaited).toEqual({ ProcTurboMode: 'Disabled', ProcCoreDisable: '2', SecureBootEnable: 'True' });
  });

  it('has nothing to do when every value is current', () => {
    expect(planBiosChange('n1', [{ name: 'BootMode', value: 'Uefi' }, { name: 'ProcCoreDisable', value: '0' }], CURRENT, {})).toEqual({ patch: {}, awaited: {} });
  });

  it('does not send again what is already pending, but still waits for it', () => {
    const change = planBiosChange('n1', [{ name: 'ProcTurboMode', value: 'Disabled' }, { name: 'AdminPhone', value: '555' }], CURRENT, { ProcTurboMode: 'Disabled' });
    expect(change).toEqual({ patch: { AdminPhone: '555' }, awaited: { ProcTurboMode: 'Disabled', AdminPhone: '555' } });
  });

  it('reads a settings object that copies every attribute (iLO): unchanged ones are not pending', () => {
    const change = planBiosChange('n1', [{ name: 'ProcTurboMode', value: 'Disabled' }], CURRENT, { ...CURRENT });
    expect(change.patch).toEqual({ ProcTurboMode: 'Disabled' });
  });

  it('refuses a different value already pending, naming both', () => {
    const plan = () => planBiosChange('n1', [{ name: 'ProcTurboMode', value: 'Disabled' }], CURRENT, { ProcTurboMode: 'Auto' });
    expect(plan).toThrow(DriverOperationError);
    expect(plan).toThrow('ProcTurboMode (pending "Auto", requested "Disabled")');
  });

  it('refuses unknown attributes and values of the wrong type before anything is sent', () => {
    expect(() => planBiosChange('n1', [{ name: 'NoSuchThing', value: 'x' }, { name: 'Other', value: 'y' }], CURRENT, {})).toThrow(
      new InvalidParameterValueError('The BIOS of node n1 has no attribute NoSuchThing, Other; apply_configuration changes only attributes the BMC lists.'),
    );
    expect(() => planBiosChange('n1', [{ name: 'ProcCoreDisable', value: 'two' }], CURRENT, {})).toThrow('BIOS attribute ProcCoreDisable of node n1 takes a number, got "two".');
    expect(() => planBiosChange('n1', [{ name: 'SecureBootEnable', value: 'yes' }], CURRENT, {})).toThrow('takes a boolean');
  });

  it('says which awaited values are not current yet', () => {
    expect(notYetApplied({ ProcTurboMode: 'Disabled', ProcCoreDisable: '2' }, { ...CURRENT, ProcCoreDisable: 2 })).toEqual(['ProcTurboMode="Disabled"']);
  });
});
