import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNodeListQuery, RawQuery } from './node-list-query';

// Each bad query answered by the real Ironic 2023.1 (tools/capture-ironic-fixtures.py).
const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));

function ironicAnswer(name: string): { status: number; faultstring: string; query: RawQuery; minor: number } {
  const { request, response } = exchanges[name];
  const url = new URL(`http://x${request.path}`);
  return {
    status: response.status,
    faultstring: JSON.parse(response.body.error_message).faultstring,
    query: Object.fromEntries(url.searchParams),
    minor: Number(request.version.split('.')[1]),
  };
}

describe('parseNodeListQuery', () => {
  it.each(['nodes.list.limit0', 'nodes.list.limit-neg', 'nodes.list.limit-text', 'nodes.list.bad-sort-key', 'nodes.list.unknown-sort-key', 'nodes.list.bad-sort-dir', 'nodes.list.fields+detail', 'nodes.list.filter-maintenance-bad', 'nodes.list.filter-provision-state-bad'])(
    'refuses %s with the status and message Ironic gives',
    (name) => {
      const answer = ironicAnswer(name);
      let error: { httpStatus?: number; message?: string } = {};
      try {
        parseNodeListQuery(answer.query, answer.minor, false);
      } catch (e) {
        error = e as typeof error;
      }
      expect({ status: error.httpStatus, message: error.message }).toEqual({ status: answer.status, message: answer.faultstring });
    },
  );

  it('answers 406 for a filter newer than the requested version', () => {
    expect(() => parseNodeListQuery({ shard: 'a' }, 81, false)).toThrow('Request not acceptable.');
    expect(() => parseNodeListQuery({ conductor_group: 'a' }, 45, false)).toThrow('Request not acceptable.');
  });

  it('reads include_children and parent_node from 1.83, with Ironic\'s 406 before', () => {
    expect(parseNodeListQuery({}, 87, false).children).toEqual({ include: false, parent: undefined });
    expect(parseNodeListQuery({ include_children: 'True', parent_node: 'rack-1' }, 83, false).children).toEqual({ include: true, parent: 'rack-1' });
    const tooOld = 'Request not acceptable. The minimal required API version should be 1.83';
    expect(() => parseNodeListQuery({ include_children: 'true' }, 82, false)).toThrow(tooOld);
    expect(() => parseNodeListQuery({ parent_node: 'rack-1' }, 82, false)).toThrow(tooOld);
    expect(() => parseNodeListQuery({ include_children: 'maybe' }, 83, false)).toThrow(/include_children/);
  });

  it('parses filters, sort and limits', () => {
    const query = parseNodeListQuery({ maintenance: 'yes', associated: 'false', provision_state: 'wait call-back', conductor_group: 'RACK1', limit: '5000', sort_key: 'name', sort_dir: 'desc', shard: 'a, b' }, 82, false);
    expect(query.filter).toMatchObject({ maintenance: true, associated: false, provisionState: 'wait call-back', conductorGroup: 'rack1', shards: ['a', 'b'] });
    expect(query).toMatchObject({ limit: 1000, sortKey: 'name', sortDir: 'desc', detail: false });
    expect(parseNodeListQuery({}, 1, true)).toMatchObject({ sortKey: 'id', sortDir: 'asc', limit: 1000, detail: true });
  });
});
