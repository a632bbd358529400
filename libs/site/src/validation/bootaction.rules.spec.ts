import { reported, validSite } from './__fixtures__/valid-site.fixture';
import { bootactionDefinition, bootactionPackageList } from './bootaction.rules';

describe('DD4003 Bootaction Definition', () => {
  it('warns for each node no boot action reaches', () => {
    const design = validSite();
    design.bootActions[0].node_filter!.filter_set[0].rack_names = ['rack01'];
    const found = reported(bootactionDefinition, design);
    expect(found).toHaveLength(10);
    expect(found[0]).toEqual(['Warning', 'BaremetalNode node11 is not in scope for any BootAction.']);
  });

  it('reaches nodes through rack labels (Drydock selected every node for rack_labels)', () => {
    const design = validSite();
    design.racks[1].labels = { row: 'b' };
    design.bootActions[0].node_filter = { filter_set_type: 'union', filter_set: [{ filter_type: 'union', rack_labels: { row: 'b' } }] };
    expect(reported(bootactionDefinition, design).map(([, message]) => message.split(' ')[1])).toEqual(['node01', 'node02', 'node03', 'node04', 'node05', 'node06', 'node07', 'node08', 'node09', 'node10']);
  });
});

describe('DD4004 Bootaction pkg_list Validation', () => {
  it('reports versions that are not [epoch:]upstream-revision, and takes an epoch', () => {
    const design = validSite();
    Object.assign(design.bootActions[0].assets[1].package_list!, { chrony: '4.2 latest', curl: '1:7.81.0-1ubuntu1.16', vim: '9.0' });
    expect(reported(bootactionPackageList, design)).toEqual([
      ['Error', 'BootAction node-init: package chrony has version "4.2 latest", which is not [epoch:]upstream-revision.'],
      ['Error', 'BootAction node-init: package vim has version "9.0", which is not [epoch:]upstream-revision.'],
    ]);
  });

  it('reports a pkg_list asset with neither a location nor packages', () => {
    const design = validSite();
    design.bootActions[0].assets[1].package_list = {};
    expect(reported(bootactionPackageList, design)).toEqual([['Error', 'BootAction node-init: pkg_list asset 2 has neither a location nor a package_list.']]);
  });
});
