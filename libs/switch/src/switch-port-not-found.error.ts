import { NotFoundError, registerDomainErrors } from '@slipway/errors';

/** The switch, or the port on it, is not one the network driver knows (404, like Ironic's PortNotFound). */
export class SwitchPortNotFoundError extends NotFoundError<{ port: string; reason: string }> {
  static override readonly code = 'SwitchPortNotFound';
  constructor(params: { port: string; reason: string }) {
    super(`Switch port ${params.port} could not be found: ${params.reason}.`, params);
  }
}

registerDomainErrors(SwitchPortNotFoundError);
