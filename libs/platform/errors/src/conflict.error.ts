import { DomainError, type ErrorDetails } from './domain-error';

/** Ironic `Conflict` (409): the request clashes with the current state of a resource. */
export class ConflictError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'Conflict';
  static override readonly httpStatus: number = 409;

  constructor(message = 'Conflict.', details: D = {} as D) {
    super(message, details);
  }
}

/** Ironic `InvalidState`: the resource is in a state that forbids the operation (free-form message). */
export class InvalidStateError<D extends ErrorDetails = ErrorDetails> extends ConflictError<D> {
  static override readonly code: string = 'InvalidState';

  constructor(message = 'Invalid resource state.', details: D = {} as D) {
    super(message, details);
  }
}

/** How long a client should wait before retrying a locked node; ironicclient retries every 2 s. */
const NODE_LOCKED_RETRY_AFTER_SECONDS = 2;

/**
 * Another conductor (or operation) holds the node's exclusive lock. Retryable: the lock is
 * released when the current operation ends. The wording is Ironic's; clients look for it.
 */
export class NodeLockedError extends ConflictError<{ node: string; host: string }> {
  static override readonly code = 'NodeLocked';
  static override readonly retryable = true;

  constructor(params: { node: string; host: string }) {
    super(`Node ${params.node} is locked by host ${params.host}, please retry after the current operation is completed.`, params);
  }

  override headers(): Record<string, string> {
    return { 'Retry-After': String(NODE_LOCKED_RETRY_AFTER_SECONDS) };
  }
}

export class NodeAssociatedError extends InvalidStateError<{ node: string; instance: string }> {
  static override readonly code = 'NodeAssociated';
  constructor(params: { node: string; instance: string }) {
    super(`Node ${params.node} is associated with instance ${params.instance}.`, params);
  }
}

export class PowerStateFailureError extends InvalidStateError<{ pstate: string }> {
  static override readonly code = 'PowerStateFailure';
  constructor(params: { pstate: string }) {
    super(`Failed to set node power state to ${params.pstate}.`, params);
  }
}

export class InstanceAssociatedError extends ConflictError<{ instanceUuid: string; node: string }> {
  static override readonly code = 'InstanceAssociated';
  constructor(params: { instanceUuid: string; node: string }) {
    super(
      `Instance ${params.instanceUuid} is already associated with a node, it cannot be associated with this other node ${params.node}`,
      params,
    );
  }
}

export class NodeAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'NodeAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A node with UUID ${params.uuid} already exists.`, params);
  }
}

/** A node name is taken (Ironic calls it `DuplicateName`). */
export class DuplicateNameError extends ConflictError<{ name: string }> {
  static override readonly code = 'DuplicateName';
  constructor(params: { name: string }) {
    super(`A node with name ${params.name} already exists.`, params);
  }
}

export class PortAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'PortAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A port with UUID ${params.uuid} already exists.`, params);
  }
}

export class PortDuplicateNameError extends ConflictError<{ name: string }> {
  static override readonly code = 'PortDuplicateName';
  constructor(params: { name: string }) {
    super(`A port with name ${params.name} already exists.`, params);
  }
}

export class MACAlreadyExistsError extends ConflictError<{ mac: string }> {
  static override readonly code = 'MACAlreadyExists';
  constructor(params: { mac: string }) {
    super(`A port with MAC address ${params.mac} already exists.`, params);
  }
}

export class PortgroupAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'PortgroupAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A portgroup with UUID ${params.uuid} already exists.`, params);
  }
}

export class PortgroupDuplicateNameError extends ConflictError<{ name: string }> {
  static override readonly code = 'PortgroupDuplicateName';
  constructor(params: { name: string }) {
    super(`A portgroup with name ${params.name} already exists.`, params);
  }
}

export class PortgroupMACAlreadyExistsError extends ConflictError<{ mac: string }> {
  static override readonly code = 'PortgroupMACAlreadyExists';
  constructor(params: { mac: string }) {
    super(`A portgroup with MAC address ${params.mac} already exists.`, params);
  }
}

export class ChassisAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'ChassisAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A chassis with UUID ${params.uuid} already exists.`, params);
  }
}

export class AllocationAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'AllocationAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`An allocation with UUID ${params.uuid} already exists.`, params);
  }
}

export class AllocationDuplicateNameError extends ConflictError<{ name: string }> {
  static override readonly code = 'AllocationDuplicateName';
  constructor(params: { name: string }) {
    super(`An allocation with name ${params.name} already exists.`, params);
  }
}

export class DeployTemplateAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'DeployTemplateAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A deploy template with UUID ${params.uuid} already exists.`, params);
  }
}

export class DeployTemplateDuplicateNameError extends ConflictError<{ name: string }> {
  static override readonly code = 'DeployTemplateDuplicateName';
  constructor(params: { name: string }) {
    super(`A deploy template with name ${params.name} already exists.`, params);
  }
}

export class RunbookAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'RunbookAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A runbook with UUID ${params.uuid} already exists.`, params);
  }
}

export class RunbookDuplicateNameError extends ConflictError<{ name: string }> {
  static override readonly code = 'RunbookDuplicateName';
  constructor(params: { name: string }) {
    super(`A runbook with name ${params.name} already exists.`, params);
  }
}

export class VolumeConnectorAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'VolumeConnectorAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A volume connector with UUID ${params.uuid} already exists.`, params);
  }
}

export class VolumeConnectorTypeAndIdAlreadyExistsError extends ConflictError<{ type: string; connectorId: string }> {
  static override readonly code = 'VolumeConnectorTypeAndIdAlreadyExists';
  constructor(params: { type: string; connectorId: string }) {
    super(`A volume connector with type ${params.type} and connector ID ${params.connectorId} already exists.`, params);
  }
}

export class VolumeTargetAlreadyExistsError extends ConflictError<{ uuid: string }> {
  static override readonly code = 'VolumeTargetAlreadyExists';
  constructor(params: { uuid: string }) {
    super(`A volume target with UUID ${params.uuid} already exists.`, params);
  }
}

export class VolumeTargetBootIndexAlreadyExistsError extends ConflictError<{ bootIndex: number | string }> {
  static override readonly code = 'VolumeTargetBootIndexAlreadyExists';
  constructor(params: { bootIndex: number | string }) {
    super(`A volume target with boot index '${params.bootIndex}' for the same node already exists.`, params);
  }
}

export class BIOSSettingAlreadyExistsError extends ConflictError<{ node: string; name: string }> {
  static override readonly code = 'BIOSSettingAlreadyExists';
  constructor(params: { node: string; name: string }) {
    super(`A BIOS setting ${params.name} for node ${params.node} already exists.`, params);
  }
}

export class VifAlreadyAttachedError extends ConflictError<{ vif: string; objectType: string; objectUuid: string }> {
  static override readonly code = 'VifAlreadyAttached';
  constructor(params: { vif: string; objectType: string; objectUuid: string }) {
    super(`VIF ${params.vif} cannot be attached: it is already attached to ${params.objectType} ${params.objectUuid}.`, params);
  }
}

export class VifInvalidForAttachError extends ConflictError<{ vif: string; node: string; reason: string }> {
  static override readonly code = 'VifInvalidForAttach';
  constructor(params: { vif: string; node: string; reason: string }) {
    super(`VIF ${params.vif} cannot be attached to node ${params.node}: ${params.reason}`, params);
  }
}
