export {
  DEFAULT_RPC_VERSION,
  defineRpc,
  type AnyRpcContract,
  type RpcCallContract,
  type RpcCastContract,
  type RpcContract,
  type RpcDefinition,
  type RpcKind,
  type RpcRequestOf,
  type RpcResponseOf,
  type RpcVersion,
} from './contract';
export { RPC_NAMES, type RpcName } from './rpc-names';
export { RpcHandlerMap, type RpcHandler, type RpcHandlerContext } from './rpc-handler-map';
export type { BroadcastHandler, RpcCallOptions, RpcServer, RpcTransport } from './rpc-transport';
export { RpcClient } from './rpc-client';
export { DEFAULT_CALL_TIMEOUT_MS, systemTimer, type RpcTimer } from './rpc-timer';
export { RPC_HEADERS, type RpcReply } from './wire/rpc-wire-format';
export { BrokerUnavailableError } from './errors/broker-unavailable.error';

export {
  conductorPing,
  conductorPingRequest,
  conductorPingResponse,
  type ConductorPingRequest,
  type ConductorPingResponse,
} from './contracts/conductor-ping.contract';

export { InProcessRpcTransport, type InProcessRpcTransportOptions } from './in-process/in-process-rpc.transport';
export { AmqpRpcTransport } from './amqp/amqp-rpc.transport';
export { amqpTopology, type AmqpRpcTransportOptions, type AmqpTopology } from './amqp/amqp-rpc.options';
export type { EffectiveSocketOptions } from './amqp/socket-options';
export { nodeCreate, nodeUpdate, nodeDestroy } from './contracts/node-admin.contracts';
export { nodeWritableFields, NODE_INTERFACE_FIELDS, type NodeWritableFields } from './contracts/node-fields.schema';
export { nodeProvision, type RequestedStep } from './contracts/node-provision.contract';
export { driverProperties, driverRaidLogicalDiskProperties } from './contracts/driver-info.contracts';
export { nodeChangePowerState } from './contracts/node-power.contracts';
export {
  nodeGetBootDevice,
  nodeSetBootDevice,
  nodeGetSupportedBootDevices,
  nodeInjectNmi,
  nodeChangeBootMode,
  nodeChangeSecureBoot,
  nodeGetSupportedIndicators,
  nodeGetIndicatorState,
  nodeSetIndicatorState,
  nodeSetMaintenance,
  nodeValidateInterfaces,
  interfaceValidation,
  type InterfaceValidation,
} from './contracts/node-management.contracts';
export { nodeAddTraits, nodeRemoveTraits } from './contracts/node-traits.contracts';
export { portCreate, portUpdate, portDestroy, portWritableFields, type PortWritableFields } from './contracts/port-admin.contracts';
export { portgroupUpdate, portgroupDestroy, portgroupWritableFields, type PortgroupWritableFields } from './contracts/portgroup-admin.contracts';
export { allocationCreate, allocationDestroy, newAllocationSchema } from './contracts/allocation.contracts';
export { nodeVendorPassthru, nodeVendorPassthruMethods, driverVendorPassthru, driverVendorPassthruMethods } from './contracts/vendor-passthru.contracts';
export { nodeVifList, nodeVifAttach, nodeVifDetach } from './contracts/node-vif.contracts';
export { nodeGetWithToken, nodeHeartbeat, AGENT_STATUSES } from './contracts/agent-heartbeat.contracts';
export { nodeContinueInspection } from './contracts/node-inspection.contract';
export { volumeConnectorUpdate, volumeConnectorDestroy, volumeTargetUpdate, volumeTargetDestroy } from './contracts/volume.contracts';
export { nodeSetTargetRaidConfig } from './contracts/node-raid.contract';
