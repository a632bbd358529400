import { InvalidParameterValueError, NotAcceptableError } from '@slipway/errors';
import { parseAllocationListQuery } from './allocation-list-query';

// Messages as Ironic 2023.1 answered them.
describe('parseAllocationListQuery', () => {
  const fails = (query: Record<string, string>, minor = 82) => {
    try {
      parseAllocationListQuery(query, minor);
    } catch (error) {
      return error as Error;
    }
    throw new Error('accepted');
  };

  it('reads filters, paging and fields with their defaults', () => {
    expect(parseAllocationListQuery({ node: 'n1', resource_class: 'gold', state: 'active', owner: 'p', fields: 'UUID, name,uuid', limit: '5', sort_key: 'name', sort_dir: 'desc' }, 82)).toEqual({
      node: { name: 'n1' }, nodeText: 'n1', resourceClass: 'gold', state: 'active', owner: 'p', marker: undefined, limit: 5,
      sortKey: 'name', sortKeyName: 'name', sortDir: 'desc', fields: ['uuid', 'name'],
    });
    expect(parseAllocationListQuery({}, 52)).toMatchObject({ limit: 1000, sortKey: 'id', sortDir: 'asc', fields: undefined });
  });

  it.each([
    [{ node: 'bad name' }, 'Expected UUID or name for node: bad name'],
    [{ marker: 'nope' }, 'Expected UUID for marker: nope'],
    [{ limit: '0' }, 'Limit must be positive'],
    [{ sort_key: 'traits' }, 'The sort_key value traits is an invalid field for sorting'],
    [{ sort_key: 'foo' }, 'The sort_key value "foo" is an invalid field for sorting'],
    [{ sort_dir: 'up' }, "Invalid sort direction: up. Acceptable values are 'asc' or 'desc'"],
  ])('%j → 400 %s', (query, message) => {
    const error = fails(query);
    expect(error).toBeInstanceOf(InvalidParameterValueError);
    expect(error.message).toBe(message);
  });

  it('answers 406 for the owner filter or field before 1.60', () => {
    expect(fails({ owner: 'p' }, 59)).toBeInstanceOf(NotAcceptableError);
    expect(fails({ fields: 'owner' }, 59)).toBeInstanceOf(NotAcceptableError);
    expect(parseAllocationListQuery({ owner: 'p' }, 60).owner).toBe('p');
  });
});
