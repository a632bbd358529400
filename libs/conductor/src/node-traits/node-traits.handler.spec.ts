import type { NodeEntity } from '@slipway/db';
import { InvalidParameterValueError, NodeTraitNotFoundError } from '@slipway/errors';
import type { NodeLock, NodeLockService } from '../locks/node-lock.service';
import { NODE_ID, NODE_UUID } from '../management/testing/fake-node-tasks';
import { MAX_TRAITS_PER_NODE, NodeTraitsHandler } from './node-traits.handler';

/** An in-memory trait store that records the writes, for one node. */
function setup(initial: string[]) {
  let traits = [...initial];
  const writes: string[] = [];
  const purposes: string[] = [];
  const own = (id: number) => {
    if (id !== NODE_ID) throw new Error(`unplanned node id ${id}`);
  };
  const store = {
    namesOf: async (id: number) => (own(id), [...traits].sort()),
    replace: async (id: number, names: readonly string[]) => (own(id), writes.push(`replace ${names.join(',')}`), void (traits = [...new Set(names)])),
    add: async (id: number, names: readonly string[]) => (own(id), writes.push(`add ${names.join(',')}`), void (traits = [...new Set([...traits, ...names])])),
    remove: async (id: number, names?: readonly string[]) => {
      own(id);
      writes.push(`remove ${names?.join(',') ?? 'all'}`);
      const before = traits.length;
      traits = names ? traits.filter((t) => !names.includes(t)) : [];
      return before - traits.length;
    },
  };
  const locks: Pick<NodeLockService, 'withLock'> = {
    withLock: async <T>(uuid: string, purpose: string, work: (lock: NodeLock) => Promise<T>) => {
      purposes.push(purpose);
      return work({ node: { id: NODE_ID, uuid } as NodeEntity, purpose, release: async () => {} });
    },
  };
  return { writes, purposes, current: () => [...traits].sort(), handler: new NodeTraitsHandler(store, locks) };
}

describe('NodeTraitsHandler', () => {
  it('replaces all traits, or adds some, under the node lock', async () => {
    const { writes, purposes, current, handler } = setup(['CUSTOM_OLD']);
    await handler.add({ uuid: NODE_UUID, traits: ['CUSTOM_A', 'HW_CPU_X86_VMX'], replace: true });
    expect(current()).toEqual(['CUSTOM_A', 'HW_CPU_X86_VMX']);
    await handler.add({ uuid: NODE_UUID, traits: ['CUSTOM_B'], replace: false });
    expect(current()).toEqual(['CUSTOM_A', 'CUSTOM_B', 'HW_CPU_X86_VMX']);
    expect(writes).toEqual(['replace CUSTOM_A,HW_CPU_X86_VMX', 'add CUSTOM_B']);
    expect(purposes).toEqual(['add node traits', 'add node traits']);
  });

  it('refuses to go past the per-node limit, counting the traits already there', async () => {
    const many = Array.from({ length: MAX_TRAITS_PER_NODE }, (_, i) => `CUSTOM_T${i}`);
    const { writes, handler } = setup(many);
    await expect(handler.add({ uuid: NODE_UUID, traits: ['CUSTOM_T0'], replace: false })).resolves.toEqual({});
    await expect(handler.add({ uuid: NODE_UUID, traits: ['CUSTOM_NEW'], replace: false })).rejects.toThrow(
      new InvalidParameterValueError(`Could not modify traits for node ${NODE_UUID} as it would exceed the maximum number of traits per node (51 vs. 50)`),
    );
    expect(writes).toEqual(['add CUSTOM_T0']);
  });

  it('removes one trait, and answers NodeTraitNotFound for one the node lacks', async () => {
    const { writes, current, handler } = setup(['CUSTOM_A', 'CUSTOM_B']);
    await handler.remove({ uuid: NODE_UUID, traits: ['CUSTOM_A'] });
    expect(current()).toEqual(['CUSTOM_B']);
    await expect(handler.remove({ uuid: NODE_UUID, traits: ['CUSTOM_A'] })).rejects.toThrow(new NodeTraitNotFoundError({ node: NODE_UUID, trait: 'CUSTOM_A' }));
    expect(writes).toEqual(['remove CUSTOM_A']);
  });

  it('removes every trait when none is named', async () => {
    const { current, handler } = setup(['CUSTOM_A', 'CUSTOM_B']);
    await handler.remove({ uuid: NODE_UUID });
    expect(current()).toEqual([]);
  });
});
