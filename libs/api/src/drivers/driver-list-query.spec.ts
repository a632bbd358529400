import { parseDriverFields, parseDriverListQuery } from './driver-list-query';

function failure(run: () => unknown): { status?: number; message?: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    const { httpStatus, message } = error as { httpStatus?: number; message?: string };
    return { status: httpStatus, message };
  }
}

describe('parseDriverListQuery', () => {
  it('lists dynamic drivers by default, and none when classic ones are asked for', () => {
    expect(parseDriverListQuery({}, 1)).toEqual({ classicOnly: false, detail: false, fields: undefined });
    expect(parseDriverListQuery({ type: 'dynamic', detail: 'yes' }, 30)).toEqual({ classicOnly: false, detail: true, fields: undefined });
    expect(parseDriverListQuery({ type: 'classic' }, 30).classicOnly).toBe(true);
    expect(parseDriverListQuery({ fields: 'Name,hosts,name' }, 77).fields).toEqual(['name', 'hosts']);
  });

  it.each([
    [{ detail: 'perhaps' }, 82, 400, expect.stringMatching(/^Invalid detail: Unrecognized value 'perhaps'/)],
    [{ detail: 'true', fields: 'name' }, 82, 400, 'Can not specify ?detail=True and fields in the same request.'],
    [{ detail: 'true', fields: 'name' }, 29, 400, 'Can not specify ?detail=True and fields in the same request.'],
    [{ detail: 'false' }, 29, 406, 'Request not acceptable. The minimal required API version should be 1.30'],
    [{ type: 'dynamic' }, 29, 406, 'Request not acceptable. The minimal required API version should be 1.30'],
    [{ fields: 'name' }, 76, 406, 'Request not acceptable.'],
    [{ type: 'static' }, 82, 400, '"type" filter must be one of "classic" or "dynamic", if specified.'],
  ])('refuses %j at 1.%d with %d: %s', (query, minor, status, message) => {
    expect(failure(() => parseDriverListQuery(query, minor))).toEqual({ status, message });
  });

  it('takes fields on a single driver from 1.77', () => {
    expect(parseDriverFields(undefined, 1)).toBeUndefined();
    expect(parseDriverFields(['x', 'name,TYPE'], 77)).toEqual(['name', 'type']);
    expect(failure(() => parseDriverFields('name', 76))).toEqual({ status: 406, message: 'Request not acceptable.' });
  });
});
