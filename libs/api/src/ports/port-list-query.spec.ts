import { collectionNextLink } from './collection-query';
import { parsePortListQuery } from './port-list-query';

function messageOf(work: () => unknown): { status?: number; message: string } {
  try {
    work();
  } catch (error) {
    return { status: (error as { httpStatus?: number }).httpStatus, message: (error as Error).message };
  }
  throw new Error('expected an error');
}

describe('parsePortListQuery', () => {
  it('parses filters, fields, sort and limit', () => {
    const query = parsePortListQuery({ node: 'node-1', address: '52:54:00:AA:BB:01', fields: 'UUID,address,uuid', sort_key: 'address', sort_dir: 'desc', limit: '5000' }, 82, false);
    expect(query).toMatchObject({ node: 'node-1', address: '52:54:00:aa:bb:01' });
    expect(query.page).toMatchObject({ fields: ['uuid', 'address'], sortKey: 'address', sortDir: 'desc', limit: 1000 });
    expect(parsePortListQuery({}, 82, false).page).toMatchObject({ fields: ['uuid', 'address'], sortKey: 'id', sortDir: 'asc' });
    expect(parsePortListQuery({ detail: 'true' }, 82, false).page.fields).toBeUndefined();
    expect(parsePortListQuery({}, 82, true).page.fields).toBeUndefined();
    expect(parsePortListQuery({ shard: 'a, B' }, 82, false).shards).toEqual(['a', 'b']);
  });

  it('takes the parent of a sub-collection as its filter', () => {
    expect(parsePortListQuery({}, 82, false, { node: 'n1' }).node).toBe('n1');
    expect(parsePortListQuery({ node_uuid: '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0000' }, 82, false).node).toBe('0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0000');
    expect(messageOf(() => parsePortListQuery({ node: 'n1' }, 82, false, { portgroup: 'pg' }))).toEqual({ status: 403, message: 'Operation not permitted.' });
  });

  // Each answer below is what Ironic 2023.1 gave for the same query.
  it.each([
    [{ fields: 'uuid,bogus,zz' }, 82, false, 400, 'Field(s) "bogus, zz" are not valid'],
    [{ fields: 'uuid' }, 7, false, 406, 'Request not acceptable.'],
    [{ fields: 'uuid,pxe_enabled' }, 18, false, 406, 'Request not acceptable.'],
    [{ detail: 'true' }, 42, false, 400, 'Invalid query parameter ?detail=True received.'],
    [{ detail: 'true', fields: 'uuid' }, 82, false, 400, 'Can not specify ?detail=True and fields in the same request.'],
    [{ sort_key: 'extra' }, 82, false, 400, 'The sort_key value extra is an invalid field for sorting'],
    [{ sort_key: 'foo' }, 82, false, 400, 'The sort_key value "foo" is an invalid field for sorting'],
    [{ sort_key: 'pxe_enabled' }, 18, false, 406, 'Request not acceptable.'],
    [{ marker: 'nope' }, 82, false, 400, 'Expected UUID for marker: nope'],
    [{ address: 'zz' }, 82, false, 400, 'Expected valid MAC address for address: zz'],
    [{ node: 'pp-node1', portgroup: 'x' }, 82, false, 403, 'Operation not permitted.'],
    [{ node: 'pp-node1' }, 4, false, 406, 'Request not acceptable.'],
    [{ node_uuid: 'pp-node1' }, 82, false, 400, 'Expected UUID for node_uuid: pp-node1'],
    [{ portgroup: 'x' }, 23, false, 406, 'Request not acceptable.'],
    [{ shard: 'x' }, 81, false, 406, 'Request not acceptable. The minimal required API version should be 1.82'],
    [{ foo: '1', bar: '2' }, 82, false, 400, 'Unexpected arguments: foo, bar'],
    [{ fields: 'uuid' }, 82, true, 400, 'Unexpected arguments: fields'],
    [{ limit: '0' }, 82, false, 400, 'Limit must be positive'],
  ])('refuses %j at 1.%i (detail path: %s) with %i', (query, minor, detailPath, status, message) => {
    expect(messageOf(() => parsePortListQuery(query, minor, detailPath))).toEqual({ status, message });
  });

  it("writes the next link with Ironic's arguments first, then the filters", () => {
    const query = parsePortListQuery({ node: 'n1', limit: '1' }, 82, false);
    expect(collectionNextLink('http://h', 'ports', query.page, query.echoed, 'u1')).toBe('http://h/v1/ports?sort_key=id&sort_dir=asc&fields=uuid,address&node=n1&limit=1&marker=u1');
    const detail = parsePortListQuery({ limit: '2' }, 82, true);
    expect(collectionNextLink('http://h', 'ports/detail', detail.page, detail.echoed, 'u2')).toBe('http://h/v1/ports/detail?sort_key=id&sort_dir=asc&limit=2&marker=u2');
  });
});
