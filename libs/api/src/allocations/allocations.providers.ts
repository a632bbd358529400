import { AllocationWritesService } from './allocation-writes.service';
import { AllocationsController } from './allocations.controller';
import { AllocationsService } from './allocations.service';
import { NodeAllocationController } from './node-allocation.controller';

/** The allocations API (1.52+): `/v1/allocations` and `/v1/nodes/{node}/allocation`. */
export const allocationControllers = [AllocationsController, NodeAllocationController];
export const allocationProviders = [AllocationsService, AllocationWritesService];
