import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { AllocationCandidate, AllocationEntity, NodeEntity } from '@slipway/db';
import { AllocationRepository, NodeRepository } from '@slipway/db';
import { AllocationNotFoundError, InstanceAssociatedError, InvalidParameterValueError, InvalidStateError, NodeAssociatedError, NodeLockedError, NodeNotFoundError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { ProvisionState, UPDATE_ALLOWED_STATES } from '@slipway/provisioning';
import { allocationCreate, allocationDestroy, RpcHandlerMap, RpcRequestOf } from '@slipway/rpc';
import { CONDUCTOR_IDENTITY, ConductorIdentity } from '../conductor-identity';
import { LOCK_TIMING, LockTiming, NodeLockService } from '../locks/node-lock.service';
import { BackgroundWork } from '../tasks/background-work';

/** What allocation processing uses of the allocation repository. */
export type AllocationStore = Pick<
  AllocationRepository,
  'insert' | 'findByUuid' | 'listAllocatingOf' | 'findCandidates' | 'associate' | 'markFailed' | 'delete'
>;
/** What it uses of the node repository: the traits of the nodes it considers. */
export type NodeTraitsReader = Pick<NodeRepository, 'traitsOf'>;
/** What it uses of the lock service. */
export type AllocationLocks = Pick<NodeLockService, 'acquire' | 'withLock'>;
/** Where the search runs after the RPC answer. */
export type AllocationWorkers = Pick<BackgroundWork, 'start'>;

/** Why an allocation could not be processed; becomes its `last_error`, as Ironic's AllocationFailed. */
class AllocationFailure extends Error {
  constructor(
    readonly allocationUuid: string,
    readonly reason: string,
  ) {
    super(`Failed to process allocation ${allocationUuid}: ${reason}.`);
    this.name = 'AllocationFailure';
  }
}

/**
 * Ironic's allocations on a conductor: create_allocation (search in the background, or backfill
 * at once), destroy_allocation, and the resumption of this conductor's unfinished allocations
 * when it starts. A node is only given under its lock, and the allocation and the node change in
 * one transaction.
 */
@Injectable()
export class AllocationHandler implements OnApplicationBootstrap {
  private readonly log = getLogger('AllocationHandler');

  constructor(
    @Inject(AllocationRepository) private readonly allocations: AllocationStore,
    @Inject(NodeRepository) private readonly nodes: NodeTraitsReader,
    @Inject(NodeLockService) private readonly locks: AllocationLocks,
    @Inject(BackgroundWork) private readonly workers: AllocationWorkers,
    @Inject(CONDUCTOR_IDENTITY) private readonly identity: ConductorIdentity,
    @Inject(LOCK_TIMING) private readonly timing: LockTiming,
  ) {}

  register(handlers: RpcHandlerMap): RpcHandlerMap {
    return handlers.on(allocationCreate, (request) => this.create(request)).on(allocationDestroy, (request) => this.destroy(request));
  }

  /** Resumes the allocations this conductor left `allocating` when it stopped. */
  async onApplicationBootstrap(): Promise<void> {
    for (const allocation of await this.allocations.listAllocatingOf(this.identity.hostname)) {
      this.log.info({ allocation: allocation.uuid }, 'resuming an unfinished allocation');
      this.workers.start(`allocation ${allocation.uuid}`, () => this.allocate(allocation));
    }
  }

  async create({ allocation, backfillNode }: RpcRequestOf<typeof allocationCreate>): Promise<{ uuid: string; state: string }> {
    const created = await this.allocations.insert(allocation, this.identity.hostname);
    this.log.info({ allocation: created.uuid, backfill: backfillNode }, 'allocation created');
    if (backfillNode !== undefined) {
      await this.backfill(created, backfillNode);
      return { uuid: created.uuid, state: 'active' };
    }
    try {
      this.workers.start(`allocation ${created.uuid}`, () => this.allocate(created));
    } catch (error) {
      // No worker free (503): leave nothing behind that nobody processes.
      await this.allocations.delete(created.id);
      throw error;
    }
    return { uuid: created.uuid, state: created.state };
  }

  async destroy({ uuid }: RpcRequestOf<typeof allocationDestroy>): Promise<Record<string, never>> {
    const allocation = await this.allocations.findByUuid(uuid);
    if (!allocation) throw new AllocationNotFoundError({ allocation: uuid });
    const nodeUuid = allocation.node?.uuid;
    if (nodeUuid === undefined) {
      await this.allocations.delete(allocation.id);
    } else {
      // Deleted under the node's lock, so no operation on the node sees it half released.
      await this.locks.withLock(nodeUuid, 'allocation deletion', async ({ node }) => {
        checkDeallocatable(node, allocation.uuid);
        await this.allocations.delete(allocation.id);
      });
    }
    this.log.info({ allocation: uuid, node: nodeUuid }, 'allocation deleted');
    return {};
  }

  /** Ironic's do_allocate: find the candidates, reserve one; any failure is recorded, never thrown. */
  async allocate(allocation: AllocationEntity): Promise<void> {
    try {
      const node = await this.reserveOne(allocation, await this.candidates(allocation));
      this.log.info({ allocation: allocation.uuid, node: node.uuid }, 'node reserved for allocation');
    } catch (error) {
      const lastError = error instanceof AllocationFailure ? error.message : `Unexpected exception during allocation: ${messageOf(error)}`;
      this.log.warn({ allocation: allocation.uuid, reason: lastError }, 'allocation failed');
      if (!(await this.allocations.markFailed(allocation.id, lastError))) this.log.debug({ allocation: allocation.uuid }, 'failed allocation is gone');
    }
  }

  /** The nodes that fit, shuffled, a node named like the allocation first (API 1.79 behaviour). */
  private async candidates(allocation: AllocationEntity): Promise<AllocationCandidate[]> {
    const query = { resourceClass: allocation.resourceClass, candidateNodes: allocation.candidateNodes, owner: allocation.owner };
    const nodes = await this.allocations.findCandidates(query, allocation.traits);
    if (!nodes.length) {
      // Say which requirement nothing met, as Ironic does: the node query or the traits.
      const withoutTraits = allocation.traits.length ? await this.allocations.findCandidates(query, []) : [];
      if (!withoutTraits.length) {
        const error = allocation.candidateNodes.length
          ? `none of the requested nodes are available and match the resource class ${String(allocation.resourceClass)}`
          : `no available nodes match the resource class ${String(allocation.resourceClass)}`;
        throw new AllocationFailure(allocation.uuid, error);
      }
      throw new AllocationFailure(allocation.uuid, `no suitable nodes have the requested traits ${[...new Set(allocation.traits)].join(', ')}`);
    }
    // Parallel allocations try the candidates in different orders.
    const shuffled = shuffle(nodes);
    const named = allocation.name === null ? -1 : shuffled.findIndex((node) => node.name === allocation.name);
    if (named > 0) shuffled.unshift(...shuffled.splice(named, 1));
    return shuffled;
  }

  /**
   * Tries each candidate without waiting for its lock, checking under the lock that it still
   * fits; locked ones are tried again on the next pass (Ironic retries the pass, not each node).
   */
  private async reserveOne(allocation: AllocationEntity, candidates: AllocationCandidate[]): Promise<NodeEntity> {
    let pending = candidates;
    for (let pass = 1; ; pass++) {
      const locked: AllocationCandidate[] = [];
      for (const candidate of pending) {
        const outcome = await this.tryReserve(allocation, candidate);
        if (outcome === 'locked') locked.push(candidate);
        else if (outcome !== 'skipped') return outcome;
      }
      pending = locked;
      if (!pending.length || pass >= this.timing.attempts) break;
      await new Promise((resolve) => setTimeout(resolve, this.timing.retryIntervalMs));
    }
    const error = pending.length ? `could not reserve any of ${pending.length} suitable nodes` : 'all nodes were filtered out during reservation';
    throw new AllocationFailure(allocation.uuid, error);
  }

  private async tryReserve(allocation: AllocationEntity, candidate: AllocationCandidate): Promise<NodeEntity | 'locked' | 'skipped'> {
    let lock;
    try {
      lock = await this.locks.acquire(candidate.uuid, 'allocating', { attempts: 1 });
    } catch (error) {
      if (error instanceof NodeLockedError) return 'locked';
      if (error instanceof NodeNotFoundError) return 'skipped';
      throw error;
    }
    try {
      if (!(await this.stillFits(lock.node, allocation))) return 'skipped';
      await this.allocations.associate(allocation.id, lock.node.id);
      return lock.node;
    } catch (error) {
      // Another allocation or a client took the node between the query and the lock.
      if (error instanceof NodeAssociatedError) return 'skipped';
      throw error;
    } finally {
      await lock.release();
    }
  }

  /** Ironic's _verify_node: the node may have changed before its lock was taken. */
  private async stillFits(node: NodeEntity, allocation: AllocationEntity): Promise<boolean> {
    if (node.maintenance || node.instanceUuid || node.provisionState !== 'available' || node.resourceClass !== allocation.resourceClass) return false;
    if (!allocation.traits.length) return true;
    const traits = new Set((await this.nodes.traitsOf([node.id])).get(node.id) ?? []);
    return allocation.traits.every((trait) => traits.has(trait));
  }

  /**
   * Ironic's backfill_allocation (API 1.58): records the allocation of an already deployed node,
   * checking that it matches. A mismatch leaves the allocation in `error` and answers 400 (Ironic
   * answers 500 there).
   */
  private async backfill(allocation: AllocationEntity, nodeUuid: string): Promise<void> {
    try {
      await this.locks.withLock(nodeUuid, 'allocation backfilling', async ({ node }) => {
        const problems: string[] = [];
        if (node.provisionState !== 'active') problems.push(`Node must be in the "active" state, but the current state is "${node.provisionState}"`);
        if (allocation.resourceClass && node.resourceClass !== allocation.resourceClass) {
          problems.push(`Resource class ${String(node.resourceClass)} does not match the requested resource class ${allocation.resourceClass}`);
        }
        if (allocation.traits.length) {
          const traits = (await this.nodes.traitsOf([node.id])).get(node.id) ?? [];
          if (!allocation.traits.every((trait) => traits.includes(trait))) {
            problems.push(`List of traits ${listRepr(traits)} does not match the requested traits ${listRepr(allocation.traits)}`);
          }
        }
        if (allocation.candidateNodes.length && !allocation.candidateNodes.includes(node.uuid)) {
          problems.push(`Candidate nodes must be empty or contain the target node, but got ${listRepr(allocation.candidateNodes)}`);
        }
        if (problems.length) throw new AllocationFailure(allocation.uuid, `Cannot backfill an allocation for node ${node.uuid}: ${problems.join('; ')}`);
        await this.allocations.associate(allocation.id, node.id);
      });
    } catch (error) {
      const expected = error instanceof AllocationFailure || error instanceof NodeAssociatedError || error instanceof InstanceAssociatedError || error instanceof NodeNotFoundError;
      const lastError = expected ? messageOf(error) : `Unexpected exception during allocation: ${messageOf(error)}`;
      await this.allocations.markFailed(allocation.id, lastError);
      throw error instanceof AllocationFailure ? new InvalidParameterValueError(error.message) : error;
    }
    this.log.info({ allocation: allocation.uuid, node: nodeUuid }, 'allocation backfilled');
  }
}

/** Ironic's verify_node_for_deallocation: an active or busy node keeps its allocation unless in maintenance. */
function checkDeallocatable(node: NodeEntity, allocationUuid: string): void {
  if (node.maintenance) return;
  if (node.targetProvisionState && !UPDATE_ALLOWED_STATES.has(node.provisionState as ProvisionState)) {
    throw new InvalidStateError(
      `Cannot remove allocation ${allocationUuid} for node ${node.uuid}, because the node is in state ${node.provisionState} where updates are not allowed (and maintenance mode is off)`,
    );
  }
  if (node.provisionState === 'active') {
    throw new InvalidStateError(`Cannot remove allocation ${allocationUuid} for node ${node.uuid}, because the node is active (and maintenance mode is off)`);
  }
}

function shuffle<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(Math.random() * (i + 1)));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** A list of strings as Python prints it, as Ironic's messages show lists. */
function listRepr(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
