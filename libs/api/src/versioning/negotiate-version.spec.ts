import { negotiateVersion } from './negotiate-version';

describe('negotiateVersion', () => {
  const minorOf = (legacy?: string, openstack?: string) => {
    const result = negotiateVersion(legacy, openstack);
    return result.ok ? result.version.minor : result.reason;
  };

  it('defaults to the minimum, 1.1, without a header', () => {
    expect(minorOf()).toBe(1);
  });

  it('resolves latest (any case) to the maximum', () => {
    expect(minorOf('latest')).toBe(87);
    expect(minorOf('LATEST')).toBe(87);
  });

  it('accepts every version in range', () => {
    expect(minorOf('1.1')).toBe(1);
    expect(minorOf('1.50')).toBe(50);
    expect(minorOf('1.82')).toBe(82);
    expect(minorOf('1.87')).toBe(87);
  });

  it('reads OpenStack-API-Version for the baremetal service, and prefers the legacy header', () => {
    expect(minorOf(undefined, 'compute 2.1, baremetal 1.40')).toBe(40);
    expect(minorOf(undefined, 'compute 2.1')).toBe(1);
    expect(minorOf('1.30', 'baremetal 1.40')).toBe(30);
  });

  it('refuses unparsable values and versions out of range', () => {
    expect(minorOf('latestx')).toBe('unparsable');
    expect(minorOf('1')).toBe('unparsable');
    expect(minorOf('1.x')).toBe('unparsable');
    expect(minorOf('1.88')).toBe('out-of-range');
    expect(minorOf('1.0')).toBe('out-of-range');
    expect(minorOf('2.1')).toBe('out-of-range');
  });

  it('states the supported range when refusing', () => {
    const result = negotiateVersion('1.999', undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('[1.1, 1.87]');
  });
});
