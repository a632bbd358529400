import { DomainError, restoreDomainError, type DomainErrorClass, type ErrorDetails } from './domain-error';

/** Ironic `NotFound` (404): the thing named in the request does not exist. */
export class NotFoundError<D extends ErrorDetails = ErrorDetails> extends DomainError<D> {
  static override readonly code: string = 'NotFound';
  static override readonly httpStatus: number = 404;

  constructor(message = 'Resource could not be found.', details: D = {} as D) {
    super(message, details);
  }
}

export class NodeNotFoundError extends NotFoundError<{ node: string }> {
  static override readonly code = 'NodeNotFound';
  constructor(params: { node: string }) {
    super(`Node ${params.node} could not be found.`, params);
  }
}

export class PortNotFoundError extends NotFoundError<{ port: string }> {
  static override readonly code = 'PortNotFound';
  constructor(params: { port: string }) {
    super(`Port ${params.port} could not be found.`, params);
  }
}

export class PortgroupNotFoundError extends NotFoundError<{ portgroup: string }> {
  static override readonly code = 'PortgroupNotFound';
  constructor(params: { portgroup: string }) {
    super(`Portgroup ${params.portgroup} could not be found.`, params);
  }
}

export class ChassisNotFoundError extends NotFoundError<{ chassis: string }> {
  static override readonly code = 'ChassisNotFound';
  constructor(params: { chassis: string }) {
    super(`Chassis ${params.chassis} could not be found.`, params);
  }
}

export class DriverNotFoundError extends NotFoundError<{ driverName: string }> {
  static override readonly code = 'DriverNotFound';
  constructor(params: { driverName: string }) {
    super(`Could not find the following driver(s) or hardware type(s): ${params.driverName}.`, params);
  }
}

export class ConductorNotFoundError extends NotFoundError<{ conductor: string }> {
  static override readonly code = 'ConductorNotFound';
  constructor(params: { conductor: string }) {
    super(`Conductor ${params.conductor} could not be found.`, params);
  }
}

export class AllocationNotFoundError extends NotFoundError<{ allocation: string }> {
  static override readonly code = 'AllocationNotFound';
  constructor(params: { allocation: string }) {
    super(`Allocation ${params.allocation} could not be found.`, params);
  }
}

export class DeployTemplateNotFoundError extends NotFoundError<{ template: string }> {
  static override readonly code = 'DeployTemplateNotFound';
  constructor(params: { template: string }) {
    super(`Deploy template ${params.template} could not be found.`, params);
  }
}

export class RunbookNotFoundError extends NotFoundError<{ runbook: string }> {
  static override readonly code = 'RunbookNotFound';
  constructor(params: { runbook: string }) {
    super(`Runbook ${params.runbook} could not be found.`, params);
  }
}

export class VolumeConnectorNotFoundError extends NotFoundError<{ connector: string }> {
  static override readonly code = 'VolumeConnectorNotFound';
  constructor(params: { connector: string }) {
    super(`Volume connector ${params.connector} could not be found.`, params);
  }
}

export class VolumeTargetNotFoundError extends NotFoundError<{ target: string }> {
  static override readonly code = 'VolumeTargetNotFound';
  constructor(params: { target: string }) {
    super(`Volume target ${params.target} could not be found.`, params);
  }
}

export class NodeTraitNotFoundError extends NotFoundError<{ node: string; trait: string }> {
  static override readonly code = 'NodeTraitNotFound';
  constructor(params: { node: string; trait: string }) {
    super(`Node ${params.node} has no trait '${params.trait}'.`, params);
  }
}

export class NodeHistoryNotFoundError extends NotFoundError<{ history: string }> {
  static override readonly code = 'NodeHistoryNotFound';
  constructor(params: { history: string }) {
    super(`Node history record ${params.history} could not be found.`, params);
  }
}

export class NodeInventoryNotFoundError extends NotFoundError<{ node: string }> {
  static override readonly code = 'NodeInventoryNotFound';
  constructor(params: { node: string }) {
    super(`Node inventory record for node ${params.node} could not be found.`, params);
  }
}

export class BIOSSettingNotFoundError extends NotFoundError<{ node: string; name: string }> {
  static override readonly code = 'BIOSSettingNotFound';
  constructor(params: { node: string; name: string }) {
    super(`Node ${params.node} doesn't have a BIOS setting '${params.name}'`, params);
  }
}

export class FirmwareComponentNotFoundError extends NotFoundError<{ node: string; name: string }> {
  static override readonly code = 'FirmwareComponentNotFound';
  constructor(params: { node: string; name: string }) {
    super(`Node ${params.node} has no firmware component ${params.name}.`, params);
  }
}

type NoValidHostDetails = { reason: string; badRequest?: boolean };

/**
 * Ironic `NoValidHost`: no conductor can take the request. A 404 like Ironic; node endpoints
 * answer 400 instead (Ironic rewrites the code there), which `asBadRequest()` gives. The choice
 * lives in `details.badRequest` so that it survives an RPC hop.
 */
export class NoValidHostError extends NotFoundError<NoValidHostDetails> {
  static override readonly code = 'NoValidHost';

  static override statusFor(this: DomainErrorClass, details: Readonly<ErrorDetails>): number {
    return details['badRequest'] === true ? 400 : this.httpStatus;
  }

  constructor(params: NoValidHostDetails) {
    super(`No valid host was found. Reason: ${params.reason}`, params);
  }

  asBadRequest(): NoValidHostError {
    // Keep the message as built (it may come from a peer); only the status changes.
    const copy = restoreDomainError(NoValidHostError, this.message, { ...this.details, badRequest: true });
    copy.stack = this.stack;
    return copy;
  }
}
