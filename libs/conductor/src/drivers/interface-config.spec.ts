import { CONFIG_INTERFACE_TYPES, conductorSettings, interfaceSettings, loadConfig } from '@slipway/config';
import { INTERFACE_TYPES, IRONIC_ENABLED_INTERFACES } from '@slipway/drivers-framework';
import { interfaceConfig } from './interface-config';

describe('interfaceConfig', () => {
  it('passes only the interface types the operator set', () => {
    const config = loadConfig(conductorSettings, {
      env: { SLIPWAY_ENABLED_POWER_INTERFACES: 'fake,example-power', SLIPWAY_DEFAULT_POWER_INTERFACE: 'example-power', SLIPWAY_DEFAULT_BIOS_INTERFACE: 'no-bios' },
      readFile: () => '',
    });
    expect(interfaceConfig(config.conductor)).toEqual({
      enabledInterfaces: { power: ['fake', 'example-power'] },
      defaultInterfaces: { power: 'example-power', bios: 'no-bios' },
    });
    expect(Object.keys(interfaceConfig(config.conductor).enabledInterfaces)).toEqual(['power']);
  });
});

describe('the interface settings and the driver framework', () => {
  it('cover the same interface types, in the same order', () => {
    expect(CONFIG_INTERFACE_TYPES).toEqual([...INTERFACE_TYPES]);
  });

  it.each([...INTERFACE_TYPES])('show Ironic default of enabled_%s_interfaces that the framework applies', (type) => {
    const setting = Object.values(interfaceSettings).find((candidate) => candidate.key === `conductor.enabledInterfaces.${type}`);
    const ironic = IRONIC_ENABLED_INTERFACES[type];
    const label = setting?.defaultLabel ?? '';
    if (ironic === undefined) {
      expect(label).toBe('every implementation the enabled hardware types support');
    } else {
      expect(label.split(' ')[0]).toBe(ironic.join(','));
    }
  });
});
