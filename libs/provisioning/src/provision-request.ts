import {
  InvalidParameterValueError,
  InvalidStateRequestedError,
  MissingParameterValueError,
  NodeInMaintenanceError,
  NotAcceptableError,
  type DomainError,
} from '@slipway/errors';
import { checkConfigdrive } from './configdrive';
import { PROVISION_EVENTS as E, type ProvisionEvent } from './events';
import { isGiven } from './json-values';
import { eventForVerb, isProvisionVerb, verbMinMinor, verbMinMinorInState, type ProvisionVerb } from './provision-verbs';
import { requestedStepsProblem, type RequestedStepKind } from './requested-steps';
import { PROVISION_STATES as S, type ProvisionState, type StableProvisionState } from './states';
import { transition } from './transitions';

const MINOR_DEPLOY_STEPS = 69;
const MINOR_DISABLE_RAMDISK = 70;
const MINOR_SERVICE_STEPS = 87;
const MINOR_RUNBOOKS = 92;
const MINOR_SERVICE_DISABLE_RAMDISK = 108;

/** The body of `PUT /v1/nodes/{node}/states/provision`, with its wire names, after type parsing. */
export interface ProvisionRequest {
  target: string;
  configdrive?: unknown;
  clean_steps?: unknown;
  deploy_steps?: unknown;
  service_steps?: unknown;
  rescue_password?: string | null;
  disable_ramdisk?: boolean | null;
  runbook?: string | null;
}

export interface ProvisionRequestContext {
  /** The node's UUID, for error messages. */
  node: string;
  currentState: ProvisionState;
  maintenance: boolean;
  /** The negotiated microversion minor (1.N → N). */
  apiMinor: number;
}

export type ProvisionCheck =
  | {
      ok: true;
      verb: ProvisionVerb;
      event: ProvisionEvent;
      /** Set when the event must replace the default target (a manual clean ends in `manageable`). */
      target?: StableProvisionState;
    }
  | { ok: false; error: DomainError };

const DEPLOY_VERBS: readonly ProvisionVerb[] = ['active', 'deploy', 'rebuild'];

/**
 * The api-side rules of a provision request, in Ironic's order: the verb and its microversion,
 * maintenance, the state machine, then the body parameters. An `InvalidStateRequestedError`
 * result means the node's state does not accept the verb; the caller answers `NodeLocked` (409)
 * instead when the node is reserved, because a busy node is usually mid-operation.
 *
 * Differences from Ironic, on purpose: `undeploy` needs 1.73 like `deploy` (Ironic forgets to
 * gate it), and `deploy` is treated like `active` for maintenance, configdrive and deploy_steps.
 */
export function checkProvisionRequest(request: ProvisionRequest, context: ProvisionRequestContext): ProvisionCheck {
  const error = findProblem(request, context);
  if (error !== undefined) return { ok: false, error };
  const verb = request.target as ProvisionVerb;
  const result: ProvisionCheck = { ok: true, verb, event: eventForVerb(verb) };
  return verb === 'clean' ? { ...result, target: S.MANAGEABLE } : result;
}

function findProblem(request: ProvisionRequest, context: ProvisionRequestContext): DomainError | undefined {
  const { node, currentState, maintenance, apiMinor } = context;
  const target = request.target;
  const invalidState = () => new InvalidStateRequestedError({ action: target, node, state: currentState });

  // An unknown verb is no event of the machine, so Ironic rejects it as an invalid state request.
  if (!isProvisionVerb(target)) return invalidState();
  const verb = target;
  if (apiMinor < verbMinMinor(verb)) return tooOld(`The provision action "${verb}"`, verbMinMinor(verb));

  const event = eventForVerb(verb);
  if (maintenance && (event === E.DEPLOY || event === E.REBUILD)) return new NodeInMaintenanceError({ op: 'provisioning', node });
  if (transition(currentState, event) === undefined) return invalidState();

  return (
    checkParameters(request, verb, apiMinor) ??
    checkAbortVersion(verb, currentState, apiMinor) ??
    checkVerbRequirements(request, verb)
  );
}

/** Parameters that belong to another verb, or that are newer than the requested version. */
function checkParameters(request: ProvisionRequest, verb: ProvisionVerb, apiMinor: number): DomainError | undefined {
  const runbookGiven = isGiven(request.runbook);
  if (runbookGiven) {
    if (apiMinor < MINOR_RUNBOOKS) return tooOld('"runbook"', MINOR_RUNBOOKS);
    if (verb !== 'clean' && verb !== 'service') return onlyWith('runbook', ['clean', 'service']);
    if (isGiven(request.clean_steps) || isGiven(request.service_steps)) {
      return new InvalidParameterValueError('"runbook" cannot be combined with "clean_steps" or "service_steps".');
    }
  }

  const configdriveError = checkConfigdrive(verb, request.configdrive, apiMinor);
  if (configdriveError !== undefined) return configdriveError;

  if (request.disable_ramdisk !== undefined && request.disable_ramdisk !== null) {
    if (apiMinor < MINOR_DISABLE_RAMDISK) return tooOld('"disable_ramdisk"', MINOR_DISABLE_RAMDISK);
    const allowed: ProvisionVerb[] = apiMinor >= MINOR_SERVICE_DISABLE_RAMDISK ? ['clean', 'service'] : ['clean'];
    if (!allowed.includes(verb)) return onlyWith('disable_ramdisk', allowed);
  }

  if (isGiven(request.clean_steps) && verb !== 'clean') return onlyWith('clean_steps', ['clean']);

  if (isGiven(request.service_steps)) {
    if (apiMinor < MINOR_SERVICE_STEPS) return tooOld('"service_steps"', MINOR_SERVICE_STEPS);
    if (verb !== 'service') return onlyWith('service_steps', ['service']);
  }

  if (isGiven(request.deploy_steps)) {
    if (apiMinor < MINOR_DEPLOY_STEPS) return tooOld('"deploy_steps"', MINOR_DEPLOY_STEPS);
    if (!DEPLOY_VERBS.includes(verb)) return onlyWith('deploy_steps', DEPLOY_VERBS);
  }

  if (request.rescue_password !== undefined && request.rescue_password !== null && verb !== 'rescue') {
    return onlyWith('rescue_password', ['rescue']);
  }
  return undefined;
}

/** `abort` reached some states in later microversions than the verb itself. */
function checkAbortVersion(verb: ProvisionVerb, state: ProvisionState, apiMinor: number): DomainError | undefined {
  const min = verbMinMinorInState(verb, state);
  return apiMinor < min ? tooOld(`Aborting a node in state "${state}"`, min) : undefined;
}

/** What each verb itself needs. */
function checkVerbRequirements(request: ProvisionRequest, verb: ProvisionVerb): DomainError | undefined {
  switch (verb) {
    case 'rescue':
      if (typeof request.rescue_password !== 'string' || request.rescue_password.trim() === '') {
        return new MissingParameterValueError('A non-empty "rescue_password" is required when setting the provision state to rescue.');
      }
      return undefined;
    case 'clean':
      return checkRequiredSteps('clean', request.clean_steps, isGiven(request.runbook));
    case 'service':
      return checkRequiredSteps('service', request.service_steps, isGiven(request.runbook));
    case 'active':
    case 'deploy':
    case 'rebuild':
      return isGiven(request.deploy_steps) ? checkStepShape('deploy', request.deploy_steps) : undefined;
    default:
      return undefined;
  }
}

/** Clean and service run only the steps asked for, so a list (or a runbook that holds one) is required. */
function checkRequiredSteps(kind: 'clean' | 'service', steps: unknown, runbookGiven: boolean): DomainError | undefined {
  if (runbookGiven) return undefined;
  if (!isGiven(steps)) {
    return new MissingParameterValueError(`"${kind}_steps" is required when setting the provision state to ${kind}.`);
  }
  return checkStepShape(kind, steps);
}

function checkStepShape(kind: RequestedStepKind, steps: unknown): DomainError | undefined {
  const problem = requestedStepsProblem(kind, steps);
  return problem === undefined ? undefined : new InvalidParameterValueError(`Invalid ${kind}_steps: ${problem}.`);
}

function tooOld(what: string, minMinor: number): NotAcceptableError {
  return new NotAcceptableError(`${what} needs API version 1.${minMinor} or later.`);
}

function onlyWith(parameter: string, verbs: readonly ProvisionVerb[]): InvalidParameterValueError {
  return new InvalidParameterValueError(`"${parameter}" is only valid when setting the provision state to ${verbs.join(' or ')}.`);
}
