import { DEFAULT_QUIRKS, quirksFor } from './redfish-quirks';

describe('quirksFor', () => {
  it('gives the defaults to an unknown or unnamed BMC', () => {
    expect(quirksFor({ vendor: 'Contoso', model: 'Rack 1' })).toEqual(DEFAULT_QUIRKS);
    expect(quirksFor({})).toEqual(DEFAULT_QUIRKS);
  });

  it('matches vendors case-insensitively, in any of their spellings', () => {
    expect(quirksFor({ vendor: 'American Megatrends International' }).bootPatchNeedsAllFields).toBe(true);
    expect(quirksFor({ vendor: 'AMI' }).bootPatchNeedsAllFields).toBe(true);
    expect(quirksFor({ vendor: 'HPE' }).retryBootChangesDuringPost).toBe(true);
    expect(quirksFor({ vendor: 'Dell Inc.' }).bootSettingsApplyOnReboot).toBe(true);
  });

  it('lets a model row refine a vendor row, and a later row override an earlier one', () => {
    expect(quirksFor({ vendor: 'Supermicro', model: 'SYS-1029U (X11DPU)' })).toMatchObject({ virtualCdBootTarget: 'UsbCd', alwaysSendBootEnabled: true });
    expect(quirksFor({ vendor: 'Supermicro', model: 'X12 ARS-111GL-NHR' }).virtualCdBootTarget).toBe('Cd');
    expect(quirksFor({ vendor: 'Supermicro', model: 'H13' }).virtualCdBootTarget).toBe('Cd');
  });

  it('keys iDRAC10 on the manager model, not the server model', () => {
    expect(quirksFor({ vendor: 'Dell', bmcModel: '17G Monolithic' }).virtualMediaSlots).toEqual(['1']);
    expect(quirksFor({ vendor: 'Dell', bmcModel: '15G Monolithic' }).virtualMediaSlots).toBeNull();
    expect(quirksFor({ vendor: 'Dell', model: '17G' }).virtualMediaSlots).toBeNull();
  });
});
