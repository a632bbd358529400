import { parseInspectionData } from './inspection-data';

const schemaError = (body: unknown) => {
  try {
    parseInspectionData(body);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('parseInspectionData', () => {
  it('splits the inventory from the plugin data and picks the valid MACs (lower case) and BMC addresses', () => {
    const data = parseInspectionData({
      inventory: { interfaces: [{ mac_address: '52:54:00:AA:BB:CC', name: 'eth0' }, { mac_address: 'junk' }], bmc_address: '10.0.0.9', bmc_v6address: null },
      root_disk: { name: '/dev/sda' },
      error: null,
    });
    expect(data).toEqual({
      inventory: { interfaces: [{ mac_address: '52:54:00:AA:BB:CC', name: 'eth0' }, { mac_address: 'junk' }], bmc_address: '10.0.0.9', bmc_v6address: null },
      pluginData: { root_disk: { name: '/dev/sda' }, error: null },
      macs: ['52:54:00:aa:bb:cc'],
      bmcAddresses: ['10.0.0.9'],
    });
  });

  it("answers Ironic's schema errors, the least deep first", () => {
    expect(schemaError(undefined)).toBe("Schema error for data: None is not of type 'object'");
    expect(schemaError([])).toBe("Schema error for data: [] is not of type 'object'");
    expect(schemaError({ interfaces: [] })).toBe("Schema error for data: 'inventory' is a required property");
    expect(schemaError({ inventory: 'x' })).toBe("Schema error for data: 'x' is not of type 'object'");
    expect(schemaError({ inventory: { bmc_address: 1 } })).toBe("Schema error for data: 'interfaces' is a required property");
    expect(schemaError({ inventory: { interfaces: {} } })).toBe("Schema error for data: {} is not of type 'array'");
    expect(schemaError({ inventory: { interfaces: [] } })).toBe('Schema error for data: [] is too short');
    expect(schemaError({ inventory: { interfaces: [{ name: 'eth0' }] } })).toBe("Schema error for data: 'mac_address' is a required property");
    expect(schemaError({ inventory: { interfaces: [{ mac_address: 5 }] } })).toBe("Schema error for data: 5 is not of type 'string'");
    expect(schemaError({ inventory: { interfaces: [{ mac_address: 5 }], bmc_address: 7 } })).toBe("Schema error for data: 7 is not of type 'string', 'null'");
  });
});
