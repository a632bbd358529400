import type { Provider, Type } from '@nestjs/common';
import { NodeBiosController } from '../node-bios/node-bios.controller';
import { NodeBiosService } from '../node-bios/node-bios.service';
import { NodeHistoryController } from '../node-history/node-history.controller';
import { NodeHistoryService } from '../node-history/node-history.service';
import { NodeInventoryController } from '../node-inventory/node-inventory.controller';
import { NodeInventoryService } from '../node-inventory/node-inventory.service';
import { NodeVifsController } from '../node-vifs/node-vifs.controller';
import { NodeVifsService } from '../node-vifs/node-vifs.service';
import { HeartbeatController } from '../ramdisk/heartbeat.controller';
import { LookupController } from '../ramdisk/lookup.controller';
import { RamdiskService } from '../ramdisk/ramdisk.service';
import { NodeVolumeConnectorsController } from './node-volume-connectors.controller';
import { NodeVolumeTargetsController } from './node-volume-targets.controller';
import { VolumeConnectorsController } from './volume-connectors.controller';
import { VolumeConnectorsService } from './volume-connectors.service';
import { VolumeNodes } from './volume-nodes';
import { VolumeRootController } from './volume-root.controller';
import { VolumeRootService } from './volume-root.service';
import { VolumeTargetsController } from './volume-targets.controller';
import { VolumeTargetsService } from './volume-targets.service';

// Volume connectors and targets, the read-only node sub-resources (BIOS, history, inventory),
// VIFs and the agent's lookup and heartbeat, listed once for ApiModule.

export const subresourceControllers: Type[] = [
  VolumeRootController,
  VolumeConnectorsController,
  VolumeTargetsController,
  NodeVolumeConnectorsController,
  NodeVolumeTargetsController,
  NodeBiosController,
  NodeHistoryController,
  NodeInventoryController,
  NodeVifsController,
  LookupController,
  HeartbeatController,
];

export const subresourceProviders: Provider[] = [
  VolumeRootService,
  VolumeNodes,
  VolumeConnectorsService,
  VolumeTargetsService,
  NodeBiosService,
  NodeHistoryService,
  NodeInventoryService,
  NodeVifsService,
  RamdiskService,
];
