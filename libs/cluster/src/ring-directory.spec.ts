import { DriverNotFoundError, NoValidHostError, TemporaryFailureError } from '@slipway/errors';
import type { ConductorMember } from './membership.types';
import { RingDirectory } from './ring-directory';
import { HashRing } from './ring/hash-ring';

/** The membership as the database would report it; counts readings and can hold one open. */
class FakeMembership {
  members: ConductorMember[] = [];
  reads = 0;
  failNext?: Error;
  private gate?: { promise: Promise<void>; open: () => void };

  readonly source = async (): Promise<ConductorMember[]> => {
    this.reads++;
    const snapshot = this.members.map((member) => ({ ...member, hardwareTypes: [...member.hardwareTypes] }));
    const failure = this.failNext;
    this.failNext = undefined;
    if (this.gate) await this.gate.promise;
    if (failure) throw failure;
    return snapshot;
  };

  /** Readings started from now on wait until the returned function is called. */
  hold(): () => void {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = {
      promise,
      open: () => {
        this.gate = undefined;
        open();
      },
    };
    return this.gate.open;
  }
}

class FakeClock {
  private ms = Date.parse('2026-01-01T00:00:00Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

const member = (hostname: string, conductorGroup: string, hardwareTypes: string[]): ConductorMember => ({ hostname, conductorGroup, hardwareTypes });
const node = (uuid: string, driver = 'redfish', conductorGroup = ''): { uuid: string; driver: string; conductorGroup: string } => ({ uuid, driver, conductorGroup });
const uuids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('RingDirectory', () => {
  let membership: FakeMembership;
  let clock: FakeClock;
  let directory: RingDirectory;

  beforeEach(() => {
    membership = new FakeMembership();
    clock = new FakeClock();
    directory = new RingDirectory(membership.source, { clock, ttlSeconds: 15 });
  });

  describe('ownerOf', () => {
    it('routes a node over the conductors of its group that serve its hardware type', async () => {
      membership.members = [
        member('c1', '', ['redfish', 'ipmi']),
        member('c2', '', ['redfish']),
        member('c3', '', ['ipmi']),
        member('r1', 'rack-1', ['redfish']),
      ];
      const redfishRing = HashRing.build(['c1', 'c2']);

      const owners = await Promise.all(uuids.map((uuid) => directory.ownerOf(node(uuid))));

      expect(owners).toEqual(uuids.map((uuid) => redfishRing.ownerOf(uuid)));
      expect(new Set(owners)).toEqual(new Set(['c1', 'c2']));
      expect(await directory.ownerOf(node(uuids[0], 'ipmi'))).toBe(HashRing.build(['c1', 'c3']).ownerOf(uuids[0]));
      expect(await directory.ownerOf(node(uuids[0], 'redfish', 'rack-1'))).toBe('r1');
      expect(membership.reads).toBe(1);
    });

    it('compares conductor groups without regard to case', async () => {
      membership.members = [member('r1', 'Rack-1', ['redfish'])];

      expect(await directory.ownerOf(node(uuids[0], 'redfish', 'RACK-1'))).toBe('r1');
      expect(await directory.liveConductors()).toEqual([member('r1', 'rack-1', ['redfish'])]);
    });

    it('answers NoValidHost (404) when no live conductor serves the hardware type in the group', async () => {
      membership.members = [member('c1', '', ['redfish']), member('r1', 'rack-1', ['ipmi'])];

      const error = await directory.ownerOf(node(uuids[0], 'ipmi', '')).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(NoValidHostError);
      expect((error as NoValidHostError).httpStatus).toBe(404);
      expect((error as NoValidHostError).message).toBe(
        'No valid host was found. Reason: No conductor service registered which supports driver ipmi for conductor group "".',
      );
      await expect(directory.ownerOf(node(uuids[0], 'redfish', 'rack-1'))).rejects.toThrow(
        'supports driver redfish for conductor group "rack-1"',
      );
    });

    it('answers a temporary failure (503) when no conductor is alive', async () => {
      const error = await directory.ownerOf(node(uuids[0])).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(TemporaryFailureError);
      expect((error as TemporaryFailureError).httpStatus).toBe(503);
      expect((error as TemporaryFailureError).retryable).toBe(true);
    });

    it('treats live conductors serving no hardware type as no conductor (Ironic: no rings at all)', async () => {
      membership.members = [member('c1', '', [])];

      await expect(directory.ownerOf(node(uuids[0]))).rejects.toBeInstanceOf(TemporaryFailureError);
    });
  });

  describe('caching', () => {
    beforeEach(() => {
      membership.members = [member('c1', '', ['redfish'])];
    });

    it('reads the membership again only once the rings are older than the TTL', async () => {
      await directory.ownerOf(node(uuids[0]));
      membership.members = [member('c2', '', ['redfish'])];
      clock.advance(14.9);

      expect(await directory.ownerOf(node(uuids[0]))).toBe('c1');
      expect(membership.reads).toBe(1);

      clock.advance(0.1);
      expect(await directory.ownerOf(node(uuids[0]))).toBe('c2');
      expect(membership.reads).toBe(2);
    });

    it('reads the membership at once after invalidate()', async () => {
      await directory.ownerOf(node(uuids[0]));
      membership.members = [member('c2', '', ['redfish'])];

      directory.invalidate();

      expect(await directory.ownerOf(node(uuids[0]))).toBe('c2');
      expect(membership.reads).toBe(2);
    });

    it('reads the membership on every lookup with a TTL of 0', async () => {
      directory = new RingDirectory(membership.source, { clock, ttlSeconds: 0 });

      await directory.ownerOf(node(uuids[0]));
      await directory.ownerOf(node(uuids[1]));

      expect(membership.reads).toBe(2);
    });

    it('counts rings as expired when the clock steps back', async () => {
      await directory.ownerOf(node(uuids[0]));
      clock.advance(-60);

      await directory.ownerOf(node(uuids[0]));

      expect(membership.reads).toBe(2);
    });

    it('shares one reading between concurrent lookups', async () => {
      const open = membership.hold();
      const lookups = Promise.all(uuids.slice(0, 5).map((uuid) => directory.ownerOf(node(uuid))));
      open();

      expect(await lookups).toEqual(['c1', 'c1', 'c1', 'c1', 'c1']);
      expect(membership.reads).toBe(1);
    });

    it('does not cache a reading that started before invalidate()', async () => {
      const open = membership.hold();
      const early = directory.ownerOf(node(uuids[0]));
      await Promise.resolve();
      directory.invalidate();
      membership.members = [member('c2', '', ['redfish'])];
      open();
      await early;

      expect(await directory.ownerOf(node(uuids[0]))).toBe('c2');
      expect(membership.reads).toBe(2);
    });

    it('re-reads once when cached rings miss, then fails without reading again for a while', async () => {
      await directory.ownerOf(node(uuids[0]));
      clock.advance(5);
      membership.members = [member('c1', '', ['redfish']), member('c9', '', ['ipmi'])];

      expect(await directory.ownerOf(node(uuids[0], 'ipmi'))).toBe('c9');
      expect(membership.reads).toBe(2);

      await expect(directory.ownerOf(node(uuids[0], 'idrac'))).rejects.toBeInstanceOf(NoValidHostError);
      await expect(directory.ownerOf(node(uuids[1], 'idrac'))).rejects.toBeInstanceOf(NoValidHostError);
      expect(membership.reads).toBe(2);

      clock.advance(1);
      await expect(directory.ownerOf(node(uuids[2], 'idrac'))).rejects.toBeInstanceOf(NoValidHostError);
      expect(membership.reads).toBe(3);
    });

    it('passes a failed reading on and tries again on the next lookup', async () => {
      membership.failNext = new Error('database unavailable');

      await expect(directory.ownerOf(node(uuids[0]))).rejects.toThrow('database unavailable');
      expect(await directory.ownerOf(node(uuids[0]))).toBe('c1');
      expect(membership.reads).toBe(2);
    });
  });

  describe('anyConductorFor', () => {
    it('picks among every live conductor serving the driver, whatever its group, reading afresh', async () => {
      membership.members = [member('c2', '', ['redfish']), member('r1', 'rack-1', ['redfish']), member('c1', '', ['ipmi'])];
      const picks = [0, 0.5, 0.99];
      directory = new RingDirectory(membership.source, { clock, random: () => picks.shift()! });

      const chosen = [await directory.anyConductorFor('redfish'), await directory.anyConductorFor('redfish'), await directory.anyConductorFor('redfish')];

      expect(chosen).toEqual(['c2', 'r1', 'r1']);
      expect(membership.reads).toBe(3);
    });

    it('answers DriverNotFound (404) when no live conductor serves the driver, even with none alive', async () => {
      await expect(directory.anyConductorFor('redfish')).rejects.toBeInstanceOf(DriverNotFoundError);

      membership.members = [member('c1', '', ['ipmi'])];
      const error = await directory.anyConductorFor('redfish').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DriverNotFoundError);
      expect((error as DriverNotFoundError).httpStatus).toBe(404);
    });
  });

  describe('liveConductors', () => {
    it('lists the live conductors from the cached reading', async () => {
      membership.members = [member('c1', 'G', ['redfish']), member('c2', '', [])];

      expect(await directory.liveConductors()).toEqual([member('c1', 'g', ['redfish']), member('c2', '', [])]);
      expect(await directory.liveConductors()).toHaveLength(2);
      expect(membership.reads).toBe(1);
    });
  });

  it('refuses a negative TTL', () => {
    expect(() => new RingDirectory(membership.source, { ttlSeconds: -1 })).toThrow(RangeError);
  });
});
