/** How a DomainError travels over RPC: the class is named by its stable `code`. */
export interface WireError {
  type: string;
  message: string;
  details?: Record<string, unknown>;
}

export type ErrorDetails = Record<string, unknown>;

/**
 * The static side every DomainError class declares once. Keeping code, status and retryability
 * on the class (not set per instance) lets `errorFromWire` rebuild an instance without calling
 * the subclass constructor, whose parameters the wire does not carry.
 */
export interface DomainErrorClass<E extends DomainError = DomainError> {
  readonly prototype: E;
  readonly name: string;
  readonly code: string;
  readonly httpStatus: number;
  readonly retryable: boolean;
  statusFor(details: Readonly<ErrorDetails>): number;
}

/**
 * Root of every error that business code throws. Mirrors Ironic's exception tree: `code` is the
 * Ironic class name (stable, clients and RPC peers match on it), `httpStatus` is the HTTP hint the
 * api filter uses, `retryable` says whether trying the same thing later may succeed (BullMQ
 * processors and RPC callers use it).
 */
export abstract class DomainError<D extends ErrorDetails = ErrorDetails> extends Error {
  static readonly code: string = 'DomainError';
  static readonly httpStatus: number = 500;
  static readonly retryable: boolean = false;

  /** Most classes have one status; a class whose status depends on its details overrides this. */
  static statusFor(this: DomainErrorClass, _details: Readonly<ErrorDetails>): number {
    return this.httpStatus;
  }

  readonly code: string;
  readonly httpStatus: number;
  readonly retryable: boolean;
  readonly details: Readonly<D>;

  protected constructor(message: string, details: D, options?: ErrorOptions) {
    super(message, options);
    const cls = new.target as unknown as DomainErrorClass;
    this.name = cls.name;
    this.code = cls.code;
    this.retryable = cls.retryable;
    this.details = Object.freeze({ ...details });
    this.httpStatus = cls.statusFor(this.details);
  }

  /** Extra HTTP response headers (e.g. Retry-After); none by default. */
  headers(): Record<string, string> {
    return {};
  }

  toWire(): WireError {
    const wire: WireError = { type: this.code, message: this.message };
    if (Object.keys(this.details).length > 0) wire.details = { ...this.details };
    return wire;
  }
}

/**
 * Builds an instance of `cls` from a message and details received from a peer. The subclass
 * constructor is skipped on purpose: it formats a message from typed parameters, while the peer
 * already sent the formatted message.
 */
export function restoreDomainError<E extends DomainError>(cls: DomainErrorClass<E>, message: string, details: ErrorDetails): E {
  return Reflect.construct(DomainError, [message, details], cls as unknown as new () => E) as E;
}

export function isDomainErrorClass(value: unknown): value is DomainErrorClass {
  return typeof value === 'function' && value.prototype instanceof DomainError;
}
