import type { ConductorDetail, ConductorRepository } from '@slipway/db';
import { ConductorsService } from './conductors.service';

function strict<T extends object>(planned: Partial<T>): T {
  return new Proxy(planned as T, {
    get(target, key) {
      if (key in target) return target[key as keyof T];
      throw new Error(`unexpected repository call: ${String(key)}`);
    },
  });
}

const TIMEOUT = 10;
const context = { baseUrl: 'http://api', minor: 82 };
const conductor = (hostname: string): ConductorDetail => ({
  hostname,
  conductorGroup: '',
  alive: true,
  drivers: ['fake-hardware'],
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:01Z'),
});

describe('ConductorsService', () => {
  let list: jest.Mock;
  let get: jest.Mock;
  let service: ConductorsService;

  beforeEach(() => {
    list = jest.fn().mockResolvedValue([conductor('a'), conductor('b')]);
    get = jest.fn().mockResolvedValue(null);
    service = new ConductorsService(strict<ConductorRepository>({ list, get }), TIMEOUT);
  });

  it('lists a page in the short form, with the liveness timeout of the module', async () => {
    const body = await service.list({}, context);

    expect(list).toHaveBeenCalledWith({ limit: 1000, marker: undefined, sortKey: 'id', sortDir: 'asc', heartbeatTimeoutSeconds: TIMEOUT, detail: true });
    expect(body.conductors.map((c) => Object.keys(c))).toEqual([
      ['hostname', 'conductor_group', 'links', 'alive'],
      ['hostname', 'conductor_group', 'links', 'alive'],
    ]);
    expect(body).not.toHaveProperty('next');
  });

  it("links a full page to the next one as Ironic writes it, with the hostname as marker", async () => {
    expect((await service.list({ limit: '2' }, context)).next).toBe('http://api/v1/conductors?sort_key=id&sort_dir=asc&fields=hostname,conductor_group,alive&limit=2&marker=b');
    expect((await service.list({ limit: '2', detail: 'true', sort_key: 'hostname', sort_dir: 'desc' }, context)).next).toBe(
      'http://api/v1/conductors?sort_key=hostname&sort_dir=desc&detail=True&limit=2&marker=b',
    );
    expect((await service.list({ limit: '2', fields: 'drivers' }, context)).next).toBe('http://api/v1/conductors?sort_key=id&sort_dir=asc&fields=drivers&limit=2&marker=b');
  });

  it('shows one conductor, or ConductorNotFound', async () => {
    get.mockResolvedValueOnce(conductor('a'));

    expect(await service.show('a', 'hostname,alive', context)).toEqual({ hostname: 'a', links: expect.any(Array), alive: true });
    expect(get).toHaveBeenCalledWith('a', TIMEOUT);
    await expect(service.show('b', undefined, context)).rejects.toMatchObject({ httpStatus: 404, message: 'Conductor b could not be found.' });
  });
});
