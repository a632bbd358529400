import { parseVolumeListQuery, volumeNextLink, VolumeListSpec } from './volume-list-query';

const SPEC: VolumeListSpec<'id' | 'type'> = {
  fieldNames: ['uuid', 'created_at', 'updated_at', 'connector_id', 'extra', 'type', 'links', 'node_uuid'],
  defaultFields: ['uuid', 'node_uuid', 'type', 'connector_id'],
  sortColumns: { id: 'id', type: 'type' },
  unsortable: ['extra'],
};

describe('volume list query', () => {
  it('defaults to the short form sorted by id, and detail shows everything', () => {
    expect(parseVolumeListQuery({}, SPEC)).toEqual({ node: undefined, marker: undefined, limit: 1000, sortKey: 'id', sortKeyName: 'id', sortDir: 'asc', fields: ['uuid', 'node_uuid', 'type', 'connector_id'], detail: false });
    expect(parseVolumeListQuery({ detail: 'True', limit: '5', sort_key: 'type', sort_dir: 'desc', node: 'n1' }, SPEC)).toMatchObject({ node: 'n1', limit: 5, sortKey: 'type', sortDir: 'desc', fields: undefined, detail: true });
  });

  it("refuses what Ironic refuses, with its messages", () => {
    const fails = (raw: Record<string, string>) => () => parseVolumeListQuery(raw, SPEC);
    expect(fails({ foo: '1' })).toThrow('Unexpected arguments: foo');
    expect(fails({ fields: 'uuid', detail: 'true' })).toThrow("Can't fetch a subset of fields with 'detail' set");
    expect(fails({ fields: 'uuid,bogus' })).toThrow('Field(s) "bogus" are not valid');
    expect(fails({ sort_key: 'extra' })).toThrow('The sort_key value extra is an invalid field for sorting');
    expect(fails({ sort_key: 'foo' })).toThrow('The sort_key value "foo" is an invalid field for sorting');
    expect(fails({ limit: '0' })).toThrow('Limit must be positive');
    expect(fails({ marker: 'x' })).toThrow('Expected UUID for marker: x');
    expect(fails({ node: 'a b' })).toThrow('Expected UUID or name for node: a b');
  });

  it('writes the next link in Ironic argument order, keeping the node filter', () => {
    const query = parseVolumeListQuery({ node: 'n1', limit: '1' }, SPEC);
    expect(volumeNextLink('http://h', 'volume/connectors', query, 'm-1')).toBe(
      'http://h/v1/volume/connectors?sort_key=id&sort_dir=asc&fields=uuid,node_uuid,type,connector_id&node=n1&limit=1&marker=m-1',
    );
    const detail = parseVolumeListQuery({ detail: 'true', limit: '2' }, SPEC);
    expect(volumeNextLink('http://h', 'nodes/n1/volume/connectors', detail, 'm-2')).toBe('http://h/v1/nodes/n1/volume/connectors?sort_key=id&sort_dir=asc&detail=True&limit=2&marker=m-2');
  });
});
