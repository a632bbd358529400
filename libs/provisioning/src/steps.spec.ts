import { interfacePriority, orderSteps, stepInterfaces } from './steps';

describe('interfacePriority', () => {
  it.each([
    ['clean', 'vendor', 7], ['clean', 'power', 6], ['clean', 'management', 5], ['clean', 'firmware', 4],
    ['clean', 'deploy', 3], ['clean', 'bios', 2], ['clean', 'raid', 1], ['clean', 'network', 0],
    ['deploy', 'vendor', 7], ['deploy', 'raid', 1], ['deploy', 'network', 0],
    ['service', 'network', 8], ['service', 'vendor', 7], ['service', 'raid', 1],
    ['verify', 'power', 13], ['verify', 'management', 12], ['verify', 'firmware', 11], ['verify', 'inspect', 10],
    ['verify', 'deploy', 9], ['verify', 'boot', 8], ['verify', 'bios', 7], ['verify', 'raid', 6],
    ['verify', 'vendor', 5], ['verify', 'network', 4],
    ['clean', 'toString', 0], ['verify', 'console', 0],
  ] as const)('%s: %s → %i', (kind, iface, priority) => {
    expect(interfacePriority(kind, iface)).toBe(priority);
  });

  it('lists the interfaces a step list may name', () => {
    expect(stepInterfaces('clean').sort()).toEqual(['bios', 'deploy', 'firmware', 'management', 'power', 'raid', 'vendor']);
    expect(stepInterfaces('service')).toContain('network');
  });
});

describe('orderSteps', () => {
  it('runs higher priorities first, then higher interface priorities, keeping ties in input order', () => {
    const steps = [
      { step: 'erase_devices', interface: 'deploy', priority: 10 },
      { step: 'apply_bios', interface: 'bios', priority: 50 },
      { step: 'update_firmware', interface: 'management', priority: 10 },
      { step: 'first_vendor', interface: 'vendor', priority: 10 },
      { step: 'second_vendor', interface: 'vendor', priority: 10 },
      { step: 'reset_idrac', interface: 'vendor', priority: 0 },
    ];
    expect(orderSteps(steps, 'clean').map((s) => s.step)).toEqual([
      'apply_bios', 'first_vendor', 'second_vendor', 'update_firmware', 'erase_devices', 'reset_idrac',
    ]);
    expect(steps[0].step).toBe('erase_devices');
  });

  it('uses the interface order of the list kind', () => {
    const steps = [
      { step: 'b', interface: 'vendor', priority: 5 },
      { step: 'a', interface: 'network', priority: 5 },
      { step: 'c', interface: 'power', priority: 5 },
    ];
    expect(orderSteps(steps, 'service').map((s) => s.step)).toEqual(['a', 'b', 'c']);
    expect(orderSteps(steps, 'clean').map((s) => s.step)).toEqual(['b', 'c', 'a']);
    expect(orderSteps(steps, 'verify').map((s) => s.step)).toEqual(['c', 'b', 'a']);
  });

  it('counts a missing priority as 0', () => {
    const steps = [
      { step: 'none', interface: 'vendor' },
      { step: 'nul', interface: 'raid', priority: null },
      { step: 'one', interface: 'raid', priority: 1 },
    ];
    expect(orderSteps(steps, 'service').map((s) => s.step)).toEqual(['one', 'none', 'nul']);
  });
});
