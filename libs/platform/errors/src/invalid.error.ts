import { DomainError, type ErrorDetails } from './domain-error';

/** Ironic `Invalid` (400): the request itself is wrong; repeating it will not help. */
export class InvalidError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'Invalid';
  static override readonly httpStatus: number = 400;

  constructor(message = 'Unacceptable parameters.', details: D = {} as D) {
    super(message, details);
  }
}

/** Ironic `InvalidParameterValue`: the message is free-form, written where the check fails. */
export class InvalidParameterValueError<D extends ErrorDetails = ErrorDetails> extends InvalidError<D> {
  static override readonly code: string = 'InvalidParameterValue';
}

/** Ironic `MissingParameterValue`: a required input is absent (free-form message). */
export class MissingParameterValueError<D extends ErrorDetails = ErrorDetails> extends InvalidParameterValueError<D> {
  static override readonly code: string = 'MissingParameterValue';
}

export class InvalidUUIDError extends InvalidError<{ uuid: string }> {
  static override readonly code = 'InvalidUUID';
  constructor(params: { uuid: string }) {
    super(`Expected a UUID but received ${params.uuid}.`, params);
  }
}

export class InvalidNameError extends InvalidError<{ name: string }> {
  static override readonly code = 'InvalidName';
  constructor(params: { name: string }) {
    super(`Expected a logical name but received ${params.name}.`, params);
  }
}

export class InvalidUuidOrNameError extends InvalidError<{ name: string }> {
  static override readonly code = 'InvalidUuidOrName';
  constructor(params: { name: string }) {
    super(`Expected a logical name or UUID but received ${params.name}.`, params);
  }
}

export class InvalidIdentityError extends InvalidError<{ identity: string }> {
  static override readonly code = 'InvalidIdentity';
  constructor(params: { identity: string }) {
    super(`Expected a UUID or int but received ${params.identity}.`, params);
  }
}

export class InvalidMACError extends InvalidError<{ mac: string }> {
  static override readonly code = 'InvalidMAC';
  constructor(params: { mac: string }) {
    super(`Expected a MAC address but received ${params.mac}.`, params);
  }
}

export class InvalidConductorGroupError extends InvalidError<{ group: string }> {
  static override readonly code = 'InvalidConductorGroup';
  constructor(params: { group: string }) {
    super(`Expected a conductor group but received ${params.group}.`, params);
  }
}

export class PatchError extends InvalidError<{ patch: string; reason: string }> {
  static override readonly code = 'PatchError';
  constructor(params: { patch: string; reason: string }) {
    super(`Couldn't apply patch '${params.patch}'. Reason: ${params.reason}`, params);
  }
}

/** The node's state machine has no transition for the requested action (Ironic: 400, not 409). */
export class InvalidStateRequestedError extends InvalidError<{ action: string; node: string; state: string }> {
  static override readonly code = 'InvalidStateRequested';
  constructor(params: { action: string; node: string; state: string }) {
    super(
      `The requested action "${params.action}" can not be performed on node "${params.node}" while it is in state "${params.state}".`,
      params,
    );
  }
}

export class NodeInMaintenanceError extends InvalidError<{ op: string; node: string }> {
  static override readonly code = 'NodeInMaintenance';
  constructor(params: { op: string; node: string }) {
    super(`The ${params.op} operation can't be performed on node ${params.node} because it's in maintenance mode.`, params);
  }
}

export class NodeIsRetiredError extends InvalidError<{ op: string; node: string }> {
  static override readonly code = 'NodeIsRetired';
  constructor(params: { op: string; node: string }) {
    super(`The ${params.op} operation can't be performed on node ${params.node} because it is retired.`, params);
  }
}

/** Releasing a lock that is not held: a programming error in the caller. */
export class NodeNotLockedError extends InvalidError<{ node: string }> {
  static override readonly code = 'NodeNotLocked';
  constructor(params: { node: string }) {
    super(`Node ${params.node} was not locked when its lock was released.`, params);
  }
}

export class NodeMaintenanceFailureError extends InvalidError<{ node: string; reason: string }> {
  static override readonly code = 'NodeMaintenanceFailure';
  constructor(params: { node: string; reason: string }) {
    super(`Could not change the maintenance flag of node ${params.node}: ${params.reason}`, params);
  }
}

export class NodeConsoleNotEnabledError extends InvalidError<{ node: string }> {
  static override readonly code = 'NodeConsoleNotEnabled';
  constructor(params: { node: string }) {
    super(`The console of node ${params.node} is not enabled.`, params);
  }
}

/** Ironic answers 400 here, not 409: deleting a non-empty chassis is a bad request. */
export class ChassisNotEmptyError extends InvalidError<{ chassis: string }> {
  static override readonly code = 'ChassisNotEmpty';
  constructor(params: { chassis: string }) {
    super(`Cannot complete the requested action because chassis ${params.chassis} contains nodes.`, params);
  }
}

export class PortgroupNotEmptyError extends InvalidError<{ portgroup: string }> {
  static override readonly code = 'PortgroupNotEmpty';
  constructor(params: { portgroup: string }) {
    super(`Cannot complete the requested action because portgroup ${params.portgroup} contains ports.`, params);
  }
}

/** Ironic derives this from `Invalid` (400), although it reads like a not-found. */
export class VifNotAttachedError extends InvalidError<{ vif: string; node: string }> {
  static override readonly code = 'VifNotAttached';
  constructor(params: { vif: string; node: string }) {
    super(`VIF ${params.vif} cannot be detached from node ${params.node}: it is not attached to that node.`, params);
  }
}

export class NoFreePhysicalPortsError extends InvalidError<{ vif: string }> {
  static override readonly code = 'NoFreePhysicalPorts';
  constructor(params: { vif: string }) {
    super(`VIF ${params.vif} cannot be attached: no free physical port is left.`, params);
  }
}

export class UnsupportedDriverExtensionError extends InvalidError<{ driver: string; extension: string }> {
  static override readonly code = 'UnsupportedDriverExtension';
  constructor(params: { driver: string; extension: string }) {
    super(`Driver ${params.driver} does not support ${params.extension} (it is disabled or not implemented).`, params);
  }
}

export class InvalidDeployTemplateError extends InvalidError<{ err: string }> {
  static override readonly code = 'InvalidDeployTemplate';
  constructor(params: { err: string }) {
    super(`Deploy template invalid: ${params.err}.`, params);
  }
}

export class InvalidRunbookError extends InvalidError<{ err: string }> {
  static override readonly code = 'InvalidRunbook';
  constructor(params: { err: string }) {
    super(`Invalid runbook: ${params.err}.`, params);
  }
}

/** An interface name that no registered implementation provides (Ironic: InvalidParameterValue, 400). */
export class InterfaceNotFoundInEntrypointError extends InvalidParameterValueError<{
  entrypoint: string;
  iface: string;
  valid: string[];
}> {
  static override readonly code = 'InterfaceNotFoundInEntrypoint';
  constructor(params: { entrypoint: string; iface: string; valid: string[] }) {
    super(
      `Interface ${params.iface} is not one of the known '${params.entrypoint}' implementations; valid ones are ${params.valid.join(', ')}.`,
      params,
    );
  }
}

export class IncompatibleInterfaceError extends InvalidParameterValueError<{
  interfaceType: string;
  interfaceImpl: string;
  hardwareType: string;
}> {
  static override readonly code = 'IncompatibleInterface';
  constructor(params: { interfaceType: string; interfaceImpl: string; hardwareType: string }) {
    super(
      `Hardware type ${params.hardwareType} does not support the ${params.interfaceType} interface implementation '${params.interfaceImpl}'.`,
      params,
    );
  }
}

export class NoValidDefaultForInterfaceError extends InvalidParameterValueError<{
  node?: string;
  driver: string;
  interfaceType: string;
}> {
  static override readonly code = 'NoValidDefaultForInterface';
  constructor(params: { node?: string; driver: string; interfaceType: string }) {
    const subject = params.node === undefined ? '' : ` of node ${params.node}`;
    super(
      `No default ${params.interfaceType} interface could be chosen for hardware type '${params.driver}'${subject}; make sure a compatible interface is enabled.`,
      params,
    );
  }
}

export class IncompleteLookupError extends InvalidError {
  static override readonly code = 'IncompleteLookup';
  constructor() {
    super("At least one of 'addresses' and 'node_uuid' parameters is required");
  }
}

export class BootModeNotAllowedError extends InvalidError<{ mode: string; op: string }> {
  static override readonly code = 'BootModeNotAllowed';
  constructor(params: { mode: string; op: string }) {
    super(`The ${params.op} operation does not allow boot mode '${params.mode}'.`, params);
  }
}

export class UnsupportedHardwareFeatureError extends InvalidError<{ node: string; feature: string }> {
  static override readonly code = 'UnsupportedHardwareFeature';
  constructor(params: { node: string; feature: string }) {
    super(`The hardware of node ${params.node} lacks feature ${params.feature}, which the requested configuration needs.`, params);
  }
}
