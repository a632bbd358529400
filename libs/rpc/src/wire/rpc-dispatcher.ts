// Server side of one host, shared by both transports: turns an incoming message into a reply.
// Every failure before or inside the handler becomes an error reply; nothing here throws, so a bad
// message can never take a consumer down.
import {
  ConductorUnavailableError,
  DomainError,
  DomainErrorClass,
  InternalError,
  InvalidParameterValueError,
  TemporaryFailureError,
  toDomainError,
} from '@slipway/errors';
import { correlation, getLogger, newCorrelationId, type Logger } from '@slipway/logging';
import { rpcMajorVersion } from '../contract';
import { invalidRpcRequest } from '../errors/rpc-failures';
import { RpcHandlerContext, RpcHandlerMap } from '../rpc-handler-map';
import { IncomingRpcRequest, RpcReply, errorReply } from './rpc-wire-format';

// Errors any method may return without declaring them: they come from the RPC layer itself.
const ALWAYS_ALLOWED: readonly DomainErrorClass[] = [
  InvalidParameterValueError,
  ConductorUnavailableError,
  TemporaryFailureError,
  InternalError,
];

export class RpcDispatcher {
  constructor(
    private readonly host: string,
    private readonly handlers: RpcHandlerMap,
    private readonly log: Logger = getLogger('rpc.server'),
  ) {}

  async dispatch(incoming: IncomingRpcRequest): Promise<RpcReply> {
    const method = typeof incoming.method === 'string' ? incoming.method : '<none>';
    const sent = incoming.correlationId;
    const correlationId = typeof sent === 'string' && sent !== '' ? sent : newCorrelationId();
    return correlation.run(correlationId, async () => {
      const registration = this.handlers.get(method);
      if (!registration) return this.reject(method, `host ${this.host} has no handler for method ${method}`);
      const { contract } = registration;

      const major = rpcMajorVersion(incoming.version);
      if (major === undefined) return this.reject(method, `missing or malformed version header ${JSON.stringify(incoming.version)}`);
      if (major !== rpcMajorVersion(contract.version)) {
        return this.reject(method, `version ${String(incoming.version)} is not supported; host ${this.host} speaks ${contract.version}`, {
          supportedVersion: contract.version,
        });
      }

      let body: unknown;
      try {
        body = JSON.parse(incoming.body.toString('utf8'));
      } catch {
        return this.reject(method, 'the body is not valid JSON');
      }
      const parsed = contract.request.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
        return this.reject(method, 'the request does not match its schema', { issues });
      }

      const context: RpcHandlerContext = { host: this.host, method, correlationId, version: String(incoming.version) };
      try {
        const result = await registration.handle(parsed.data, context);
        if (contract.response) {
          const checked = contract.response.safeParse(result);
          if (!checked.success) {
            const issues = checked.error.issues;
            this.log.error({ method, host: this.host, issues }, 'RPC handler returned a result that does not match its contract');
            return errorReply(toDomainError(new Error(`${method} returned an invalid result`)));
          }
          return { ok: true, result: checked.data };
        }
        return { ok: true, result };
      } catch (error) {
        return this.fail(method, error, contract.errors);
      }
    });
  }

  private reject(method: string, problem: string, details?: Record<string, unknown>): RpcReply {
    this.log.warn({ method, host: this.host, problem }, 'rejected a malformed RPC request');
    return errorReply(invalidRpcRequest(method, problem, details));
  }

  private fail(method: string, error: unknown, declared: readonly DomainErrorClass[]): RpcReply {
    if (error instanceof DomainError) {
      if (![...declared, ...ALWAYS_ALLOWED].some((cls) => Object.prototype.isPrototypeOf.call(cls.prototype, error))) {
        this.log.warn({ method, host: this.host, type: error.name }, 'RPC handler threw a domain error its contract does not declare');
      }
      return errorReply(error);
    }
    // The stack stays in this log line; the caller only learns that something went wrong inside.
    this.log.error({ method, host: this.host, err: error }, 'RPC handler failed with an unexpected error');
    return errorReply(toDomainError(error));
  }
}
