import type { NodeEntity } from '@slipway/db';
import { InvalidUuidOrNameError, NodeNotFoundError } from '@slipway/errors';
import { withParentUuid } from './parent-node';

const PARENT = '0b6a3a94-1f7c-4f1b-9d70-4b7c9c5a0001';
const find = async (ident: string): Promise<NodeEntity> => {
  if (ident === 'bad name!') throw new InvalidUuidOrNameError({ name: ident });
  if (ident !== 'rack-1' && ident !== PARENT) throw new NodeNotFoundError({ node: ident });
  return { uuid: PARENT } as NodeEntity;
};

describe('withParentUuid', () => {
  it("stores the parent's uuid whether the client named the parent by name or uuid", async () => {
    expect(await withParentUuid({ driver: 'fake-hardware', parent_node: 'rack-1' }, 83, find)).toEqual({ driver: 'fake-hardware', parent_node: PARENT });
    expect(await withParentUuid({ parent_node: PARENT }, 87, find)).toEqual({ parent_node: PARENT });
  });

  it('leaves null, other types and older versions to the schema and version checks', async () => {
    const never = async (): Promise<NodeEntity> => Promise.reject(new Error('not looked up'));
    expect(await withParentUuid({ parent_node: null }, 83, never)).toEqual({ parent_node: null });
    expect(await withParentUuid({ parent_node: 5 }, 83, never)).toEqual({ parent_node: 5 });
    expect(await withParentUuid({ parent_node: 'rack-1' }, 82, never)).toEqual({ parent_node: 'rack-1' });
    expect(await withParentUuid('not an object', 83, never)).toBe('not an object');
  });

  it("answers Ironic's 400 for a parent that does not exist or cannot be a node's name", async () => {
    const invalid = 'Unable to apply the requested parent_node. Requested value was invalid.';
    await expect(withParentUuid({ parent_node: 'nope' }, 83, find)).rejects.toMatchObject({ httpStatus: 400, message: invalid });
    await expect(withParentUuid({ parent_node: 'bad name!' }, 83, find)).rejects.toMatchObject({ httpStatus: 400, message: invalid });
  });
});
