import type { ConductorDetail } from '@slipway/db';
import { CONDUCTOR_LIST_FIELDS, conductorView } from './conductor.view';

const conductor: ConductorDetail = {
  hostname: 'c1.example.org',
  conductorGroup: 'rack-1',
  alive: true,
  drivers: ['fake-hardware', 'ipmi'],
  createdAt: new Date('2026-11-21T11:56:26.737Z'),
  updatedAt: new Date('2026-11-21T12:39:36Z'),
};
const links = [
  { href: 'http://api:6385/v1/conductors/c1.example.org', rel: 'self' },
  { href: 'http://api:6385/conductors/c1.example.org', rel: 'bookmark' },
];

describe('conductorView', () => {
  it("shows every field in Ironic's order", () => {
    const view = conductorView(conductor, 'http://api:6385');

    expect(Object.keys(view)).toEqual(['created_at', 'updated_at', 'hostname', 'conductor_group', 'drivers', 'links', 'alive']);
    expect(view).toEqual({
      created_at: '2026-11-21T11:56:26.737000+00:00',
      updated_at: '2026-11-21T12:39:36+00:00',
      hostname: 'c1.example.org',
      conductor_group: 'rack-1',
      drivers: ['fake-hardware', 'ipmi'],
      links,
      alive: true,
    });
  });

  it('keeps the selected fields and the links, in the view order', () => {
    expect(Object.keys(conductorView(conductor, 'http://api:6385', CONDUCTOR_LIST_FIELDS))).toEqual(['hostname', 'conductor_group', 'links', 'alive']);
    expect(conductorView(conductor, 'http://api:6385', ['alive', 'drivers'])).toEqual({ drivers: ['fake-hardware', 'ipmi'], links, alive: true });
    expect(conductorView(conductor, 'http://api:6385', [])).toEqual({ links });
  });

  it('refuses a field conductors do not have', () => {
    expect(() => conductorView(conductor, 'http://api:6385', ['hostname', 'uuid', 'name'])).toThrow('Field(s) "uuid, name" are not valid');
  });
});
