import { DEFAULT_ROOT_PATH, InvalidBmcAddressError, parseBmcAddress } from './bmc-address';

describe('parseBmcAddress (Ironic redfish_address)', () => {
  it.each([
    ['bmc.example', 'https://bmc.example', DEFAULT_ROOT_PATH],
    ['10.0.0.5:8443', 'https://10.0.0.5:8443', DEFAULT_ROOT_PATH],
    ['http://127.0.0.1:8000', 'http://127.0.0.1:8000', DEFAULT_ROOT_PATH],
    ['https://[fd00::5]:443/', 'https://[fd00::5]', DEFAULT_ROOT_PATH],
    ['https://bmc.example/custom/redfish/v1', 'https://bmc.example', '/custom/redfish/v1/'],
    ['  HTTPS://BMC.example  ', 'https://bmc.example', DEFAULT_ROOT_PATH],
  ])('reads %s', (address, origin, rootPath) => {
    expect(parseBmcAddress(address)).toEqual({ origin, rootPath });
  });

  it.each([
    ['', 'it is empty'],
    ['ftp://bmc.example', 'the scheme must be http or https, not ftp'],
    ['https://admin:secret@bmc.example', 'credentials belong in redfish_username and redfish_password, not in the address'],
    ['https://bmc.example/redfish/v1?x=1', 'it must not have a query or a fragment'],
    ['http://bad host', 'it is not a URL or a host name'],
  ])('refuses %j: %s', (address, reason) => {
    expect(() => parseBmcAddress(address)).toThrow(new InvalidBmcAddressError(address, reason));
  });
});
