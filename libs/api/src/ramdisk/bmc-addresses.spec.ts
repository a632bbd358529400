import { bmcAddressesOf } from './bmc-addresses';

describe('bmcAddressesOf', () => {
  it("takes every *_address of driver_info, a URL's host and an IPv6 address without brackets, loopback left out", () => {
    const driverInfo = {
      redfish_address: 'https://10.0.0.9:8000/redfish/v1',
      ipmi_address: 'bmc-7.example.com',
      other_address: '[fd00::9]',
      redfish_username: 'admin',
      local_address: '127.0.0.1',
      named_address: 'localhost',
      v6_url_address: 'https://[fd00::10]:443',
      number_address: 5,
    };
    expect(bmcAddressesOf({ driverInfo, driverInternalInfo: {} })).toEqual(['10.0.0.9', 'bmc-7.example.com', 'fd00::9', 'fd00::10']);
  });

  it('prefers the addresses an inspection start cached', () => {
    expect(bmcAddressesOf({ driverInfo: { ipmi_address: '10.0.0.1' }, driverInternalInfo: { lookup_bmc_addresses: ['10.0.0.2', 3] } })).toEqual(['10.0.0.2']);
  });
});
