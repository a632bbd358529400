import { ConductorNotFoundError } from '@slipway/errors';
import { checkLogicalName, parseConductorListQuery } from './conductor-list-query';

/** The status and message a parse fails with (or undefined when it passes). */
function failure(run: () => unknown): { status?: number; message?: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    const { httpStatus, message } = error as { httpStatus?: number; message?: string };
    return { status: httpStatus, message };
  }
}

describe('parseConductorListQuery', () => {
  it('defaults to the short fields, ordered by id, with the full page size', () => {
    expect(parseConductorListQuery({}, 82)).toEqual({
      limit: 1000,
      marker: undefined,
      sortKey: 'id',
      sortKeyName: 'id',
      sortDir: 'asc',
      detail: undefined,
      fields: ['hostname', 'conductor_group', 'alive'],
    });
  });

  it('shows every field with detail, and the fields asked for (normalised like Ironic) otherwise', () => {
    expect(parseConductorListQuery({ detail: 'true' }, 82).fields).toBeUndefined();
    expect(parseConductorListQuery({ detail: 'false' }, 82)).toMatchObject({ detail: false, fields: ['hostname', 'conductor_group', 'alive'] });
    expect(parseConductorListQuery({ fields: ' Drivers,hostname,,drivers' }, 82).fields).toEqual(['drivers', 'hostname']);
  });

  it('maps sort keys, including the online flag and version', () => {
    expect(parseConductorListQuery({ sort_key: 'conductor_group', sort_dir: 'desc', limit: '5', marker: 'c-1.example' }, 82)).toMatchObject({
      sortKey: 'conductorGroup',
      sortKeyName: 'conductor_group',
      sortDir: 'desc',
      limit: 5,
      marker: 'c-1.example',
    });
    expect(parseConductorListQuery({ sort_key: 'online' }, 82).sortKey).toBe('online');
    expect(parseConductorListQuery({ sort_key: 'version' }, 82).sortKey).toBe('version');
  });

  it.each([
    [{}, 48, 404, 'Resource could not be found.'],
    [{ limit: 'abc' }, 48, 400, 'Expected an integer for limit: abc'],
    [{ marker: 'a b' }, 82, 400, 'Expected name for marker: a b'],
    [{ detail: 'maybe' }, 82, 400, expect.stringMatching(/^Invalid detail: Unrecognized value 'maybe'/)],
    [{ fields: 'owner' }, 49, 406, 'Request not acceptable.'],
    [{ sort_key: 'shard' }, 81, 406, 'Request not acceptable.'],
    [{ fields: 'hostname', detail: 'True' }, 82, 400, 'Can not specify ?detail=True and fields in the same request.'],
    [{ limit: '0' }, 82, 400, 'Limit must be positive'],
    [{ sort_dir: 'up' }, 82, 400, "Invalid sort direction: up. Acceptable values are 'asc' or 'desc'"],
    [{ sort_key: 'alive' }, 82, 400, 'The sort_key value alive is an invalid field for sorting'],
    [{ sort_key: 'drivers' }, 82, 400, 'The sort_key value drivers is an invalid field for sorting'],
    [{ sort_key: 'name' }, 82, 400, 'The sort_key value "name" is an invalid field for sorting'],
  ])('refuses %j at 1.%d with %d: %s', (query, minor, status, message) => {
    expect(failure(() => parseConductorListQuery(query, minor))).toEqual({ status, message });
  });

  it('checks hostnames as logical names', () => {
    expect(failure(() => checkLogicalName('hostname', 'conductor-1.example.org'))).toBeUndefined();
    expect(failure(() => checkLogicalName('hostname', 'a/b'))).toEqual({ status: 400, message: 'Expected name for hostname: a/b' });
    expect(new ConductorNotFoundError({ conductor: 'x' }).httpStatus).toBe(404);
  });
});
