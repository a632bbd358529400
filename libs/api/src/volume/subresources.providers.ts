import type { Provider, Type } from '@nestjs/common';
import { NodeBiosController } from '../node-bios/node-bios.controller';
import { NodeBiosService } from '../node-bios/node-bios.service';
import { NodeChildrenController } from '../node-children/node-children.controller';
import { NodeChildrenService } from '../node-children/node-children.service';
import { NodeFirmwareController } from '../node-firmware/node-firmware.controller';
import { NodeFirmwareService } from '../node-firmware/node-firmware.service';
import { NodeHistoryController } from '../node-history/node-history.controller';
import { NodeHistoryService } from '../node-history/node-history.service';
import { NodeInventoryController } from '../node-inventory/node-inventory.controller';
import { NodeInventoryService } from '../node-inventory/node-inventory.service';
import { NodeVifsController } from '../node-vifs/node-vifs.controller';
import { NodeVifsService } from '../node-vifs/node-vifs.service';
import { ContinueInspectionController } from '../ramdisk/continue-inspection.controller';
import { ContinueInspectionService } from '../ramdisk/continue-inspection.service';
import { HeartbeatController } from '../ramdisk/heartbeat.controller';
import { InspectionLookup } from '../ramdisk/inspection-lookup';
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

// Volume connectors and targets, the read-only node sub-resources (BIOS, firmware, history,
// inventory, children), VIFs and the ramdisk's lookup, heartbeat and inspection callback, listed
// once for ApiModule.

export const subresourceControllers: Type[] = [
  VolumeRootController,
  VolumeConnectorsController,
  VolumeTargetsController,
  NodeVolumeConnectorsController,
  NodeVolumeTargetsController,
  NodeBiosController,
  NodeFirmwareController,
  NodeHistoryController,
  NodeInventoryController,
  NodeChildrenController,
  NodeVifsController,
  LookupController,
  HeartbeatController,
  ContinueInspectionController,
];

export const subresourceProviders: Provider[] = [
  VolumeRootService,
  VolumeNodes,
  VolumeConnectorsService,
  VolumeTargetsService,
  NodeBiosService,
  NodeFirmwareService,
  NodeHistoryService,
  NodeInventoryService,
  NodeChildrenService,
  NodeVifsService,
  RamdiskService,
  InspectionLookup,
  ContinueInspectionService,
];
