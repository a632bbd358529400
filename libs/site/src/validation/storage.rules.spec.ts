import type { BaremetalNode } from '../model/site-design';
import { nodeOf, reported, validSite } from './__fixtures__/valid-site.fixture';
import { rationalBootStorage, rootFilesystem, storageMountpoint, storagePartitioning, storageSizing } from './storage.rules';

/** The valid site with `change` applied to node01 only. */
function siteWith(change: (node: BaremetalNode) => void) {
  const design = validSite();
  change(nodeOf(design, 'node01'));
  return design;
}
const sda = (node: BaremetalNode) => node.storage.physical_devices['sda'].partitions;
const lvs = (node: BaremetalNode) => node.storage.volume_groups['data'].logical_volumes;

describe('DD1001 Rational Boot Storage', () => {
  it('reports a root partition under 20 GB and a boot partition under 1 GB', () => {
    const design = siteWith((node) => {
      sda(node)[0].size = '19g';
      sda(node)[1].size = '800m';
    });
    expect(reported(rationalBootStorage, design)).toEqual([
      ['Error', 'BaremetalNode node01: partition root on device sda is 19g (19 GB); it must be at least 20 GB.'],
      ['Error', 'BaremetalNode node01: partition boot on device sda is 800m (800 MB); it must be at least 1 GB.'],
    ]);
  });

  it('reports a node without a root partition', () => {
    const design = siteWith((node) => void (sda(node)[0].name = 'system'));
    expect(reported(rationalBootStorage, design)).toEqual([['Error', 'BaremetalNode node01 has no partition named root; it needs one of at least 20 GB.']]);
  });

  it('reports a size it cannot read, and a missing size', () => {
    const design = siteWith((node) => {
      sda(node)[0].size = 'thirty gigs';
      delete sda(node)[1].size;
    });
    expect(reported(rationalBootStorage, design)).toEqual([
      ['Error', 'BaremetalNode node01: partition root on device sda has size "thirty gigs", which is not a valid size format.'],
      ['Error', 'BaremetalNode node01: partition boot on device sda has no size; it must be at least 1 GB.'],
    ]);
  });

  describe('fixes Drydock, whose decimal-only helper rejected sizes the storage driver takes', () => {
    it('reads binary units against decimal minimums: 19GiB (20.4 GB) passes, 18GiB (19.33 GB) does not', () => {
      expect(reported(rationalBootStorage, siteWith((node) => void (sda(node)[0].size = '19GiB')))).toEqual([]);
      expect(reported(rationalBootStorage, siteWith((node) => void (sda(node)[0].size = '18gi')))).toEqual([
        ['Error', 'BaremetalNode node01: partition root on device sda is 18gi (19.33 GB); it must be at least 20 GB.'],
      ]);
    });

    it('counts a ">" size as meeting any minimum', () => {
      expect(reported(rationalBootStorage, siteWith((node) => void (sda(node)[0].size = '>10g')))).toEqual([]);
    });

    it('warns that a "%" size cannot be judged without the device size, instead of failing it', () => {
      expect(reported(rationalBootStorage, siteWith((node) => void (sda(node)[0].size = '40%')))).toEqual([
        ['Warning', 'BaremetalNode node01: partition root on device sda has size 40%, a share of the device whose capacity the design does not give; the 20 GB minimum cannot be checked.'],
      ]);
    });

    it('checks the boot partition wherever it is (Drydock only looked after the root partition)', () => {
      const design = siteWith((node) => {
        node.storage.physical_devices = { sdz: { labels: {}, partitions: [{ name: 'boot', size: '500m', labels: {} }] }, ...node.storage.physical_devices };
      });
      expect(reported(rationalBootStorage, design)).toEqual([['Error', 'BaremetalNode node01: partition boot on device sdz is 500m (500 MB); it must be at least 1 GB.']]);
    });
  });
});

describe('DD1002 Storage Partitioning', () => {
  it('reports a device with both a volume group and partitions, and one with neither', () => {
    const design = siteWith((node) => {
      node.storage.physical_devices['sdb'].partitions = [{ name: 'extra', size: '10g', labels: {} }];
      node.storage.physical_devices['sdc'] = { labels: {}, partitions: [] };
    });
    expect(reported(storagePartitioning, design)).toEqual([
      ['Error', 'BaremetalNode node01: device sdb has both volume_group data and partitions (extra).'],
      ['Error', 'BaremetalNode node01: device sdc has neither partitions nor a volume_group.'],
    ]);
  });

  it('reports a partition with both a volume group and a filesystem', () => {
    const design = siteWith((node) => void (sda(node)[2].filesystem = { fstype: 'xfs', mountpoint: '/srv', mount_options: 'defaults' }));
    expect(reported(storagePartitioning, design)).toEqual([['Error', 'BaremetalNode node01: partition pv_data on device sda has both volume_group data and a filesystem (xfs at /srv).']]);
  });

  it('reports a volume group without a physical volume, and a volume group nobody declared', () => {
    const design = siteWith((node) => {
      node.storage.volume_groups['scratch'] = { logical_volumes: [] };
      node.storage.physical_devices['sdb'].volume_group = 'dta';
    });
    expect(reported(storagePartitioning, design)).toEqual([
      ['Error', 'BaremetalNode node01: volume group scratch has no physical volume (no device or partition names it as its volume_group).'],
      ['Error', 'BaremetalNode node01: device sdb names volume group dta, which storage.volume_groups does not declare.'],
    ]);
  });

  it("fixes Drydock's bookkeeping: a partition is a physical volume of its own volume_group", () => {
    // Volume group data on partition pv_data alone: Drydock booked the device's (absent) group instead.
    const design = siteWith((node) => void delete node.storage.physical_devices['sdb']);
    expect(reported(storagePartitioning, design)).toEqual([]);
  });
});

describe('DD1003 Storage Sizing', () => {
  it('reports percentages over 100% on a volume group, and on a device', () => {
    const design = siteWith((node) => {
      lvs(node)[1].size = '90%';
      node.storage.physical_devices['sdc'] = {
        labels: {},
        partitions: [
          { name: 'a', size: '60%', labels: {} },
          { name: 'b', size: '41%', labels: {} },
        ],
      };
    });
    expect(reported(storageSizing, design)).toEqual([
      ['Error', 'BaremetalNode node01: percentage sizes on device sdc add up to 101% (partition a 60% and partition b 41%), more than 100%.'],
      ['Error', 'BaremetalNode node01: percentage sizes on volume group data add up to 110% (logical volume var_log 20% and logical volume var_lib 90%), more than 100%.'],
    ]);
  });

  it('takes 100% when nothing else is on the volume group, and reports a fixed or ">" size beside it', () => {
    expect(reported(storageSizing, siteWith((node) => void (lvs(node)[1].size = '80%')))).toEqual([]);
    const design = siteWith((node) => {
      lvs(node)[1].size = '80%';
      lvs(node).push({ name: 'tmp', size: '5g' }, { name: 'rest', size: '>1g' });
    });
    expect(reported(storageSizing, design)).toEqual([
      ['Error', 'BaremetalNode node01: percentage sizes on volume group data add up to 100% (logical volume var_log 20% and logical volume var_lib 80%), leaving no room for logical volume tmp (5g) and logical volume rest (>1g).'],
    ]);
  });

  it('reports negative, unreadable and missing sizes (those of root and boot are DD1001 findings)', () => {
    const design = siteWith((node) => {
      lvs(node)[0].size = '-5%';
      lvs(node)[1].size = 'half';
      lvs(node).push({ name: 'tmp' });
      sda(node)[0].size = 'huge';
    });
    expect(reported(storageSizing, design)).toEqual([
      ['Error', 'BaremetalNode node01: logical volume var_log on volume group data has a negative size (-5%).'],
      ['Error', 'BaremetalNode node01: logical volume var_lib on volume group data has size "half", which is not a valid size format.'],
      ['Error', 'BaremetalNode node01: logical volume tmp on volume group data has no size.'],
    ]);
  });

  it("fixes Drydock's running sum: each volume group has its own, checked once per node", () => {
    // Drydock added every group's percentages to one sum (120% here), once per physical device.
    const design = siteWith((node) => {
      lvs(node)[0].size = '60%';
      lvs(node)[1].size = '40%';
      node.storage.physical_devices['sdc'] = { labels: {}, volume_group: 'logs', partitions: [] };
      node.storage.volume_groups['logs'] = { logical_volumes: [{ name: 'audit', size: '60%' }] };
    });
    expect(reported(storageSizing, design)).toEqual([]);
    lvs(nodeOf(design, 'node01'))[1].size = '41%';
    expect(reported(storageSizing, design)).toHaveLength(1);
  });
});

describe('DD1004 Storage Mountpoint', () => {
  it('reports every mountpoint used twice, naming the places', () => {
    const design = siteWith((node) => {
      lvs(node)[0].filesystem!.mountpoint = '/boot';
      lvs(node)[1].filesystem!.mountpoint = '/';
    });
    expect(reported(storageMountpoint, design)).toEqual([
      ['Error', 'BaremetalNode node01: mountpoint / is used by partition root on device sda and logical volume var_lib in volume group data.'],
      ['Error', 'BaremetalNode node01: mountpoint /boot is used by partition boot on device sda and logical volume var_log in volume group data.'],
    ]);
  });

  it('counts the volumes of a group on partitions, and ignores partitions without a mountpoint', () => {
    const design = siteWith((node) => {
      delete node.storage.physical_devices['sdb'];
      sda(node).push({ name: 'raw1', size: '1g', labels: {} }, { name: 'raw2', size: '1g', labels: {} });
      lvs(node)[0].filesystem!.mountpoint = '/boot';
    });
    expect(reported(storageMountpoint, design)).toEqual([['Error', 'BaremetalNode node01: mountpoint /boot is used by partition boot on device sda and logical volume var_log in volume group data.']]);
  });
});

describe('DD1005 Root Filesystem', () => {
  it('reports a node with nothing mounted at /', () => {
    const design = siteWith((node) => void (sda(node)[0].filesystem!.mountpoint = '/srv'));
    expect(reported(rootFilesystem, design)).toEqual([['Error', 'BaremetalNode node01: no partition or logical volume is mounted at /.']]);
  });

  it('takes / on a logical volume', () => {
    const design = siteWith((node) => {
      delete sda(node)[0].filesystem;
      lvs(node).push({ name: 'root', size: '10%', filesystem: { mountpoint: '/', fstype: 'ext4', mount_options: 'defaults' } });
    });
    expect(reported(rootFilesystem, design)).toEqual([]);
  });
});
