import { InternalError } from './internal.error';

// Operations that failed on the hardware or in a driver. Ironic raises these as plain
// IronicException (500); the messages name the node and reason so that last_error is useful.

export class DriverOperationError extends InternalError<{ driver: string; reason: string }> {
  static override readonly code = 'DriverOperationError';
  constructor(params: { driver: string; reason: string }) {
    super(`Runtime failure in driver ${params.driver}: ${params.reason}`, params);
  }
}

export class DriverLoadError extends InternalError<{ driver: string; reason: string }> {
  static override readonly code = 'DriverLoadError';
  constructor(params: { driver: string; reason: string }) {
    super(`Driver, hardware type or interface ${params.driver} could not be loaded: ${params.reason}`, params);
  }
}

/** A conductor refuses to start when it would serve no hardware type at all. */
export class NoDriversLoadedError extends InternalError<{ conductor: string }> {
  static override readonly code = 'NoDriversLoaded';
  constructor(params: { conductor: string }) {
    super(`Conductor ${params.conductor} cannot start: no hardware type was loaded.`, params);
  }
}

export class ConductorAlreadyRegisteredError extends InternalError<{ conductor: string }> {
  static override readonly code = 'ConductorAlreadyRegistered';
  constructor(params: { conductor: string }) {
    super(`Conductor ${params.conductor} is already registered.`, params);
  }
}

export class InstanceDeployFailureError extends InternalError<{ reason: string }> {
  static override readonly code = 'InstanceDeployFailure';
  constructor(params: { reason: string }) {
    super(`Failed to deploy instance: ${params.reason}`, params);
  }
}

export class NodeCleaningFailureError extends InternalError<{ node: string; reason: string }> {
  static override readonly code = 'NodeCleaningFailure';
  constructor(params: { node: string; reason: string }) {
    super(`Failed to clean node ${params.node}: ${params.reason}`, params);
  }
}

export class NodeServicingFailureError extends InternalError<{ node: string; reason: string }> {
  static override readonly code = 'NodeServicingFailure';
  constructor(params: { node: string; reason: string }) {
    super(`Failed to service node ${params.node}: ${params.reason}`, params);
  }
}

export class NodeVerifyFailureError extends InternalError<{ node: string; reason: string }> {
  static override readonly code = 'NodeVerifyFailure';
  constructor(params: { node: string; reason: string }) {
    super(`Failed to verify node ${params.node}: ${params.reason}`, params);
  }
}

export class HardwareInspectionFailureError extends InternalError<{ error: string }> {
  static override readonly code = 'HardwareInspectionFailure';
  constructor(params: { error: string }) {
    super(`Failed to inspect hardware: ${params.error}`, params);
  }
}

export class IPMIFailureError extends InternalError<{ cmd: string }> {
  static override readonly code = 'IPMIFailure';
  constructor(params: { cmd: string }) {
    super(`IPMI call failed: ${params.cmd}.`, params);
  }
}

export class RedfishError extends InternalError<{ error: string }> {
  static override readonly code = 'RedfishError';
  constructor(params: { error: string }) {
    super(`Redfish request failed: ${params.error}`, params);
  }
}

/** The BMC could not be reached; unlike most failures, trying again later may work. */
export class RedfishConnectionError extends InternalError<{ node: string; error: string }> {
  static override readonly code = 'RedfishConnectionError';
  static override readonly retryable = true;
  constructor(params: { node: string; error: string }) {
    super(`Could not connect to the Redfish BMC of node ${params.node}: ${params.error}`, params);
  }
}
