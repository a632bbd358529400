import { ChassisController } from '../chassis/chassis.controller';
import { ChassisWritesService } from '../chassis/chassis-writes.service';
import { ChassisService } from '../chassis/chassis.service';
import { NodePortgroupsController } from '../portgroups/node-portgroups.controller';
import { PortgroupWritesService } from '../portgroups/portgroup-writes.service';
import { PortgroupsController } from '../portgroups/portgroups.controller';
import { PortgroupsService } from '../portgroups/portgroups.service';
import { NodePortsController } from './node-ports.controller';
import { OwnerNodeLookup } from './owner-node.lookup';
import { PortWritesService } from './port-writes.service';
import { PortgroupPortsController } from './portgroup-ports.controller';
import { PortsController } from './ports.controller';
import { PortsService } from './ports.service';

// Ports, portgroups and chassis: the node's network and enclosure bookkeeping, wired as one group.

export const portResourceControllers = [PortsController, NodePortsController, PortgroupPortsController, PortgroupsController, NodePortgroupsController, ChassisController];

export const portResourceProviders = [OwnerNodeLookup, PortsService, PortWritesService, PortgroupsService, PortgroupWritesService, ChassisService, ChassisWritesService];
