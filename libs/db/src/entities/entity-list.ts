import { AllocationEntity } from './allocation.entity';
import { BiosSettingEntity } from './bios-setting.entity';
import { ChassisEntity } from './chassis.entity';
import { ConductorHardwareInterfaceEntity } from './conductor-hardware-interface.entity';
import { ConductorEntity } from './conductor.entity';
import { DeployTemplateStepEntity } from './deploy-template-step.entity';
import { DeployTemplateEntity } from './deploy-template.entity';
import { FirmwareComponentEntity } from './firmware-component.entity';
import { NodeHistoryEntity } from './node-history.entity';
import { NodeInventoryEntity } from './node-inventory.entity';
import { NodeTagEntity } from './node-tag.entity';
import { NodeTraitEntity } from './node-trait.entity';
import { NodeEntity } from './node.entity';
import { PortEntity } from './port.entity';
import { PortgroupEntity } from './portgroup.entity';
import { SiteDesignEntity } from './site-design.entity';
import { SiteBootActionEntity } from './site-boot-action.entity';
import { SiteTaskMessageEntity } from './site-task-message.entity';
import { SiteTaskStepEntity } from './site-task-step.entity';
import { SiteTaskEntity } from './site-task.entity';
import { VolumeConnectorEntity } from './volume-connector.entity';
import { VolumeTargetEntity } from './volume-target.entity';

/** Every entity Slipway maps. Listed explicitly: apps run from dist/, where globs are fragile. */
export const entities = [
  ChassisEntity,
  ConductorEntity,
  ConductorHardwareInterfaceEntity,
  NodeEntity,
  NodeTraitEntity,
  NodeTagEntity,
  NodeHistoryEntity,
  NodeInventoryEntity,
  PortEntity,
  PortgroupEntity,
  AllocationEntity,
  DeployTemplateEntity,
  DeployTemplateStepEntity,
  VolumeConnectorEntity,
  VolumeTargetEntity,
  BiosSettingEntity,
  FirmwareComponentEntity,
  SiteDesignEntity,
  SiteTaskEntity,
  SiteTaskMessageEntity,
  SiteTaskStepEntity,
  SiteBootActionEntity,
];
