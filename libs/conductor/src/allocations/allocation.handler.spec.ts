import type { AllocationCandidate, AllocationEntity, NodeEntity } from '@slipway/db';
import { AllocationNotFoundError, InvalidParameterValueError, InvalidStateError, NodeAssociatedError, NodeLockedError, NoFreeConductorWorkerError } from '@slipway/errors';
import type { ConductorIdentity } from '../conductor-identity';
import type { NodeLock } from '../locks/node-lock.service';
import { AllocationHandler, AllocationLocks, AllocationStore, AllocationWorkers, NodeTraitsReader } from './allocation.handler';

// Small test: the handler with strict fakes of its ports (an unplanned call throws).

/** A fake whose methods are only those given; any other method access fails the test. */
function strict<T extends object>(methods: Partial<T>): T {
  return new Proxy(methods as T, {
    get(target, property) {
      if (property === 'then') return undefined;
      if (!(property in target)) throw new Error(`unplanned call: ${String(property)}`);
      return target[property as keyof T];
    },
  });
}

const identity: ConductorIdentity = { hostname: 'c1', conductorGroup: '', enabledHardwareTypes: ['fake-hardware'] };
const timing = { attempts: 3, retryIntervalMs: 0 };

const allocationRow = (fields: Partial<AllocationEntity> = {}): AllocationEntity =>
  ({
    id: 7, uuid: 'a0000000-0000-4000-8000-000000000001', name: null, nodeId: null, node: null, state: 'allocating', owner: null, lastError: null,
    resourceClass: 'gold', traits: [], candidateNodes: [], extra: {}, conductorAffinity: 1, createdAt: new Date(), updatedAt: null, ...fields,
  }) as AllocationEntity;
const nodeRow = (fields: Partial<NodeEntity> = {}): NodeEntity =>
  ({ id: 1, uuid: 'n0000000-0000-4000-8000-000000000001', name: null, maintenance: false, instanceUuid: null, provisionState: 'available', targetProvisionState: null, resourceClass: 'gold', ...fields }) as NodeEntity;
const candidate = (node: NodeEntity): AllocationCandidate => ({ id: node.id, uuid: node.uuid, name: node.name });

/** Locks over a set of nodes; `busy` ones are locked by someone else. */
function lockFake(nodes: NodeEntity[], busy: Set<string> = new Set()) {
  const acquired: string[] = [];
  const lockOf = (node: NodeEntity, purpose: string): NodeLock => ({ node, purpose, release: async () => undefined });
  const locks = strict<AllocationLocks>({
    acquire: async (uuid, purpose) => {
      acquired.push(uuid);
      if (busy.has(uuid)) throw new NodeLockedError({ node: uuid, host: 'other' });
      const node = nodes.find((n) => n.uuid === uuid);
      if (!node) throw new Error(`no node ${uuid}`);
      return lockOf(node, purpose);
    },
    withLock: async (uuid, purpose, work) => {
      acquired.push(uuid);
      const node = nodes.find((n) => n.uuid === uuid);
      if (!node) throw new Error(`no node ${uuid}`);
      return work(lockOf(node, purpose));
    },
  });
  return { locks, acquired };
}

/** Background work kept until the test runs it. */
function workersFake() {
  const started: Array<() => Promise<void>> = [];
  const workers = strict<AllocationWorkers>({ start: (_description, work) => void started.push(work) });
  return { workers, runAll: async () => { for (const work of started.splice(0)) await work(); }, started };
}

const noTraits = strict<NodeTraitsReader>({ traitsOf: async (ids) => new Map(ids.map((id) => [id, []])) });

describe('AllocationHandler', () => {
  it('creates the allocation, answers `allocating`, and reserves a fitting node in the background', async () => {
    const node = nodeRow();
    const inserted: Array<{ hostname: string }> = [];
    const associated: Array<[number, number]> = [];
    const store = strict<AllocationStore>({
      insert: async (allocation, hostname) => (inserted.push({ hostname }), allocationRow({ uuid: allocation.uuid })),
      findCandidates: async () => [candidate(node)],
      associate: async (allocationId, nodeId) => (associated.push([allocationId, nodeId]), allocationRow({ state: 'active' })),
    });
    const { locks, acquired } = lockFake([node]);
    const { workers, runAll } = workersFake();
    const handler = new AllocationHandler(store, noTraits, locks, workers, identity, timing);

    const answer = await handler.create({ allocation: { uuid: 'a0000000-0000-4000-8000-000000000001', name: null, resourceClass: 'gold', traits: [], candidateNodes: [], extra: {}, owner: null } });
    expect(answer).toEqual({ uuid: 'a0000000-0000-4000-8000-000000000001', state: 'allocating' });
    expect(inserted).toEqual([{ hostname: 'c1' }]);
    expect(associated).toEqual([]);
    await runAll();
    expect(acquired).toEqual([node.uuid]);
    expect(associated).toEqual([[7, node.id]]);
  });

  it('deletes the new allocation again when no worker is free (503), leaving nothing unprocessed', async () => {
    const deleted: number[] = [];
    const store = strict<AllocationStore>({ insert: async () => allocationRow(), delete: async (id) => (deleted.push(id), true) });
    const workers = strict<AllocationWorkers>({ start: () => { throw new NoFreeConductorWorkerError(); } });
    const handler = new AllocationHandler(store, noTraits, lockFake([]).locks, workers, identity, timing);
    await expect(handler.create({ allocation: { uuid: 'a0000000-0000-4000-8000-000000000001', name: null, resourceClass: 'gold', traits: [], candidateNodes: [], extra: {}, owner: null } })).rejects.toBeInstanceOf(NoFreeConductorWorkerError);
    expect(deleted).toEqual([7]);
  });

  describe('records why nothing was found, with Ironic\'s words', () => {
    const failWith = async (allocation: AllocationEntity, candidatesByCall: AllocationCandidate[][]) => {
      const failures: string[] = [];
      const queries: string[][] = [];
      const store = strict<AllocationStore>({
        findCandidates: async (_query, traits) => (queries.push([...traits]), candidatesByCall[queries.length - 1] ?? []),
        markFailed: async (_id, lastError) => (failures.push(lastError), true),
      });
      await new AllocationHandler(store, noTraits, lockFake([]).locks, workersFake().workers, identity, timing).allocate(allocation);
      return { failures, queries };
    };

    it('no node of the resource class', async () => {
      const { failures } = await failWith(allocationRow(), [[]]);
      expect(failures).toEqual(['Failed to process allocation a0000000-0000-4000-8000-000000000001: no available nodes match the resource class gold.']);
    });

    it('none of the candidate nodes', async () => {
      const { failures } = await failWith(allocationRow({ candidateNodes: ['n0000000-0000-4000-8000-000000000001'] }), [[]]);
      expect(failures).toEqual(['Failed to process allocation a0000000-0000-4000-8000-000000000001: none of the requested nodes are available and match the resource class gold.']);
    });

    it('nodes of the class exist, but without the traits', async () => {
      const { failures, queries } = await failWith(allocationRow({ traits: ['CUSTOM_A', 'CUSTOM_B'] }), [[], [candidate(nodeRow())]]);
      expect(queries).toEqual([['CUSTOM_A', 'CUSTOM_B'], []]);
      expect(failures).toEqual(['Failed to process allocation a0000000-0000-4000-8000-000000000001: no suitable nodes have the requested traits CUSTOM_A, CUSTOM_B.']);
    });
  });

  it('tries the node named like the allocation first, skips nodes that changed, and fails when all did', async () => {
    const named = nodeRow({ id: 2, uuid: 'n0000000-0000-4000-8000-000000000002', name: 'web-1', maintenance: true });
    const others = [1, 3, 4].map((id) => nodeRow({ id, uuid: `n0000000-0000-4000-8000-00000000000${id}`, provisionState: 'manageable' }));
    const failures: string[] = [];
    const store = strict<AllocationStore>({
      findCandidates: async () => [...others, named].map(candidate),
      markFailed: async (_id, lastError) => (failures.push(lastError), true),
    });
    const { locks, acquired } = lockFake([named, ...others]);
    await new AllocationHandler(store, noTraits, locks, workersFake().workers, identity, timing).allocate(allocationRow({ name: 'web-1' }));
    expect(acquired[0]).toBe(named.uuid);
    expect(new Set(acquired)).toEqual(new Set([named, ...others].map((n) => n.uuid)));
    expect(failures).toEqual(['Failed to process allocation a0000000-0000-4000-8000-000000000001: all nodes were filtered out during reservation.']);
  });

  it('checks traits again under the lock, and moves on when another allocation took the node', async () => {
    const [a, b, c] = [1, 2, 3].map((id) => nodeRow({ id, uuid: `n0000000-0000-4000-8000-00000000000${id}` }));
    const traits = strict<NodeTraitsReader>({ traitsOf: async ([id]) => new Map([[id, id === 1 ? ['CUSTOM_X'] : ['CUSTOM_X', 'CUSTOM_Y']]]) });
    const associated: number[] = [];
    const store = strict<AllocationStore>({
      findCandidates: async () => [a, b, c].map(candidate),
      associate: async (_allocationId, nodeId) => {
        associated.push(nodeId);
        if (associated.length === 1) throw new NodeAssociatedError({ node: 'x', instance: 'y' });
        return allocationRow({ state: 'active', nodeId });
      },
    });
    await new AllocationHandler(store, traits, lockFake([a, b, c]).locks, workersFake().workers, identity, timing).allocate(allocationRow({ traits: ['CUSTOM_X', 'CUSTOM_Y'] }));
    // Node 1 lacks a trait now; of 2 and 3 the first tried was taken meanwhile, the other is given.
    expect(associated).toHaveLength(2);
    expect(new Set(associated)).toEqual(new Set([2, 3]));
  });

  it('retries locked nodes on each pass, then gives up naming how many were suitable', async () => {
    const node = nodeRow();
    const failures: string[] = [];
    const store = strict<AllocationStore>({ findCandidates: async () => [candidate(node)], markFailed: async (_id, lastError) => (failures.push(lastError), true) });
    const { locks, acquired } = lockFake([node], new Set([node.uuid]));
    await new AllocationHandler(store, noTraits, locks, workersFake().workers, identity, timing).allocate(allocationRow());
    expect(acquired).toEqual([node.uuid, node.uuid, node.uuid]);
    expect(failures).toEqual(['Failed to process allocation a0000000-0000-4000-8000-000000000001: could not reserve any of 1 suitable nodes.']);
  });

  it('records an unexpected error as such instead of throwing it', async () => {
    const failures: string[] = [];
    const store = strict<AllocationStore>({ findCandidates: async () => { throw new Error('database went away'); }, markFailed: async (_id, lastError) => (failures.push(lastError), true) });
    await new AllocationHandler(store, noTraits, lockFake([]).locks, workersFake().workers, identity, timing).allocate(allocationRow());
    expect(failures).toEqual(['Unexpected exception during allocation: database went away']);
  });

  describe('backfill (API 1.58)', () => {
    const request = (fields: Record<string, unknown> = {}) => ({
      allocation: { uuid: 'a0000000-0000-4000-8000-000000000001', name: null, resourceClass: 'gold', traits: [], candidateNodes: [], extra: {}, owner: null, ...fields },
      backfillNode: 'n0000000-0000-4000-8000-000000000001',
    });

    it('records the allocation of a deployed node at once', async () => {
      const node = nodeRow({ provisionState: 'active' });
      const associated: number[] = [];
      const store = strict<AllocationStore>({ insert: async () => allocationRow(), associate: async (_a, nodeId) => (associated.push(nodeId), allocationRow({ state: 'active' })) });
      const { workers, started } = workersFake();
      const answer = await new AllocationHandler(store, noTraits, lockFake([node]).locks, workers, identity, timing).create(request());
      expect(answer.state).toBe('active');
      expect(associated).toEqual([node.id]);
      expect(started).toHaveLength(0);
    });

    it('keeps a mismatch as an allocation in error and answers 400 listing every problem', async () => {
      const node = nodeRow({ provisionState: 'available', resourceClass: 'silver' });
      const failures: string[] = [];
      const store = strict<AllocationStore>({ insert: async () => allocationRow({ candidateNodes: ['n0000000-0000-4000-8000-000000000009'] }), markFailed: async (_id, lastError) => (failures.push(lastError), true) });
      const error = await new AllocationHandler(store, noTraits, lockFake([node]).locks, workersFake().workers, identity, timing).create(request()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterValueError);
      const expected =
        'Failed to process allocation a0000000-0000-4000-8000-000000000001: Cannot backfill an allocation for node n0000000-0000-4000-8000-000000000001: ' +
        'Node must be in the "active" state, but the current state is "available"; Resource class silver does not match the requested resource class gold; ' +
        "Candidate nodes must be empty or contain the target node, but got ['n0000000-0000-4000-8000-000000000009'].";
      expect((error as Error).message).toBe(expected);
      expect(failures).toEqual([expected]);
    });
  });

  describe('destroy', () => {
    const withNode = (node: NodeEntity) => allocationRow({ nodeId: node.id, node, state: 'active' });

    it('refuses while the node is active or busy, unless in maintenance', async () => {
      for (const [fields, message] of [
        [{ provisionState: 'active' }, 'because the node is active (and maintenance mode is off)'],
        [{ provisionState: 'deploying', targetProvisionState: 'active' }, 'because the node is in state deploying where updates are not allowed (and maintenance mode is off)'],
      ] as const) {
        const node = nodeRow(fields);
        const store = strict<AllocationStore>({ findByUuid: async () => withNode(node) });
        const error = await new AllocationHandler(store, noTraits, lockFake([node]).locks, workersFake().workers, identity, timing).destroy({ uuid: 'a0000000-0000-4000-8000-000000000001' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidStateError);
        expect((error as Error).message).toBe(`Cannot remove allocation a0000000-0000-4000-8000-000000000001 for node ${node.uuid}, ${message}`);
      }
      const maintained = nodeRow({ provisionState: 'active', maintenance: true });
      const deleted: number[] = [];
      const store = strict<AllocationStore>({ findByUuid: async () => withNode(maintained), delete: async (id) => (deleted.push(id), true) });
      const { locks, acquired } = lockFake([maintained]);
      await new AllocationHandler(store, noTraits, locks, workersFake().workers, identity, timing).destroy({ uuid: 'a0000000-0000-4000-8000-000000000001' });
      expect(deleted).toEqual([7]);
      expect(acquired).toEqual([maintained.uuid]);
    });

    it('deletes an allocation without a node without locking anything, and names a missing one', async () => {
      const deleted: number[] = [];
      const store = strict<AllocationStore>({
        findByUuid: async (uuid) => (uuid.endsWith('1') ? allocationRow({ state: 'error' }) : null),
        delete: async (id) => (deleted.push(id), true),
      });
      const handler = new AllocationHandler(store, noTraits, strict<AllocationLocks>({}), workersFake().workers, identity, timing);
      await handler.destroy({ uuid: 'a0000000-0000-4000-8000-000000000001' });
      expect(deleted).toEqual([7]);
      await expect(handler.destroy({ uuid: 'a0000000-0000-4000-8000-000000000002' })).rejects.toBeInstanceOf(AllocationNotFoundError);
    });
  });

  it('resumes its own unfinished allocations when the conductor starts', async () => {
    const hosts: string[] = [];
    const store = strict<AllocationStore>({ listAllocatingOf: async (hostname) => (hosts.push(hostname), [allocationRow(), allocationRow({ id: 8 })]) });
    const { workers, started } = workersFake();
    await new AllocationHandler(store, noTraits, lockFake([]).locks, workers, identity, timing).onApplicationBootstrap();
    expect(hosts).toEqual(['c1']);
    expect(started).toHaveLength(2);
  });
});
