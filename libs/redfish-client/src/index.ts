// Connection layer
export { DEFAULT_ROOT_PATH, InvalidBmcAddressError, parseBmcAddress, type BmcAddress } from './bmc-address';
export { DEFAULT_POOL_OPTIONS, RedfishConnectionPool, type RedfishConnectionPoolOptions } from './connection-pool';
export { type AuthType, type Credentials } from './redfish-auth';
export { RedfishConnection, type RedfishConnectionOptions, type RedfishResponse } from './redfish-connection';
export { type TlsVerification } from './redfish-transport';
export { RequestLimiter } from './request-limiter';
export { DEFAULT_RETRY_POLICY, nextRetry, retryAfterMs, type RetryPolicy } from './retry-policy';

// Errors
export {
  RedfishAccessError,
  RedfishConnectionError,
  RedfishError,
  RedfishHttpError,
  RedfishInvalidValueError,
  RedfishNotFoundError,
  RedfishSessionLimitError,
  RedfishSystemSelectionError,
  RedfishTaskError,
  RedfishTimeoutError,
  RedfishUnsupportedError,
  redfishMessageIds,
  redfishMessages,
  type RedfishErrorDetails,
  type RedfishMessage,
} from './redfish-errors';

// Client, tasks, inventory
export { RedfishClient } from './redfish-client';
export { DEFAULT_POLL_INTERVAL_MS, TaskMonitor, type TaskPoll, type TaskWaitOptions } from './task-monitor';
export { readInventory, type Inventory } from './inventory/inventory-reader';
export { cpuArchitecture } from './inventory/cpu-architecture';
export { localGb, type LocalDiskSizes } from './inventory/local-disk';

// Resources
export { Resource, load, optional, withFields, type ResourceClass, type ResourceFactory, type ResourceInit } from './resources/resource';
export { ResourceCollection, lastSegment } from './resources/collection';
export {
  asBoolean,
  asLink,
  asLinks,
  asNumber,
  asString,
  asStrings,
  bool,
  derived,
  field,
  group,
  link,
  links,
  list,
  num,
  raw,
  readFields,
  str,
  strings,
  valueAt,
  type Adapter,
  type Field,
  type FieldMap,
  type FieldPath,
  type FieldValues,
  type Json,
} from './resources/fields';
export {
  actionField,
  messagesField,
  operationApplyTimeSupportField,
  settingsField,
  statusField,
  type OperationApplyTimeSupport,
  type RedfishAction,
  type RedfishStatus,
  type SettingsInfo,
} from './resources/common-fields';
export { loadSettingsObject, patchSettings, type SettingsWriteOptions } from './resources/settings';
export { checkAllowed, patchResource, postAction, postBodilessAction, toWriteResult, type WriteResult } from './resources/writes';
export { ServiceRoot } from './resources/service-root';
export { ComputerSystem } from './resources/system/computer-system';
export { bootField, setBootOverride, type BootInfo, type BootOverride } from './resources/system/boot-override';
export { Processor } from './resources/system/processor';
export { Memory } from './resources/system/memory';
export { EthernetInterface } from './resources/system/ethernet-interface';
export { SimpleStorage, type SimpleStorageDevice } from './resources/system/simple-storage';
export { Bios, type BiosAttributes } from './resources/system/bios';
export { RESET_KEYS_TYPES, SecureBoot } from './resources/system/secure-boot';
export { Storage } from './resources/storage/storage';
export { Drive } from './resources/storage/drive';
export { Volume } from './resources/storage/volume';
export { VolumeCollection, type VolumeCreateBody } from './resources/storage/volume-collection';
export { Manager } from './resources/manager/manager';
export { TRANSFER_METHODS, VirtualMedia, type InsertMediaOptions } from './resources/manager/virtual-media';
export { Chassis } from './resources/chassis/chassis';
export { UpdateService, type SimpleUpdateOptions } from './resources/update-service';
export { Task } from './resources/task/task';
export { TaskService } from './resources/task/task-service';
export { Session, SessionService } from './resources/session-service';
