import {
  InvalidParameterValueError,
  InvalidStateRequestedError,
  MissingParameterValueError,
  NodeInMaintenanceError,
  NotAcceptableError,
  type DomainError,
} from '@slipway/errors';
import { checkProvisionRequest, type ProvisionRequest, type ProvisionRequestContext } from './provision-request';
import type { ProvisionState } from './states';

const NODE = '1be26c0b-03f2-4d2e-ae87-c02d7f33c123';
const LATEST = 82;

function check(request: ProvisionRequest, state: ProvisionState, options: Partial<ProvisionRequestContext> = {}) {
  return checkProvisionRequest(request, { node: NODE, currentState: state, maintenance: false, apiMinor: LATEST, ...options });
}

function errorOf(result: ReturnType<typeof check>): DomainError {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return result.error;
}

const cleanSteps = [{ interface: 'deploy', step: 'erase_devices', args: {} }];
const serviceSteps = [{ interface: 'network', step: 'flip', args: {} }];

describe('checkProvisionRequest: verbs and state', () => {
  it.each([
    ['active', 'available', 'deploy'],
    ['deploy', 'available', 'deploy'],
    ['rebuild', 'active', 'rebuild'],
    ['deleted', 'active', 'delete'],
    ['undeploy', 'active', 'delete'],
    ['manage', 'enroll', 'manage'],
    ['provide', 'manageable', 'provide'],
    ['inspect', 'manageable', 'inspect'],
    ['abort', 'clean wait', 'abort'],
    ['adopt', 'manageable', 'adopt'],
    ['unrescue', 'rescue', 'unrescue'],
  ] as const)('accepts %s on a node in %s as the event %s', (target, state, event) => {
    expect(check({ target }, state)).toEqual({ ok: true, verb: target, event });
  });

  it('accepts clean and asks for manageable as the target', () => {
    expect(check({ target: 'clean', clean_steps: cleanSteps }, 'manageable')).toEqual({
      ok: true,
      verb: 'clean',
      event: 'clean',
      target: 'manageable',
    });
  });

  it('accepts rescue, unhold and service from their versions on', () => {
    expect(check({ target: 'rescue', rescue_password: 'pw' }, 'active').ok).toBe(true);
    expect(check({ target: 'unhold' }, 'deploy hold', { apiMinor: 85 })).toEqual({ ok: true, verb: 'unhold', event: 'unhold' });
    expect(check({ target: 'service', service_steps: serviceSteps }, 'active', { apiMinor: 87 })).toEqual({
      ok: true,
      verb: 'service',
      event: 'service',
    });
  });

  it('rejects an unknown verb or an internal event as an invalid state request', () => {
    for (const target of ['explode', 'done', 'available']) {
      const error = errorOf(check({ target }, 'deploying'));
      expect(error).toBeInstanceOf(InvalidStateRequestedError);
      expect(error.httpStatus).toBe(400);
      expect(error.message).toBe(`The requested action "${target}" can not be performed on node "${NODE}" while it is in state "deploying".`);
    }
  });

  it.each([
    ['manage', 'enroll', 4],
    ['provide', 'manageable', 4],
    ['inspect', 'manageable', 6],
    ['abort', 'clean wait', 13],
    ['clean', 'manageable', 15],
    ['adopt', 'manageable', 17],
    ['rescue', 'active', 38],
    ['unrescue', 'rescue', 38],
    ['deploy', 'available', 73],
    ['undeploy', 'active', 73],
    ['unhold', 'clean hold', 85],
    ['service', 'active', 87],
  ] as const)('answers 406 to %s below 1.%i', (target, state, minMinor) => {
    const request = { target, clean_steps: target === 'clean' ? cleanSteps : undefined, rescue_password: target === 'rescue' ? 'pw' : undefined };
    const error = errorOf(check(request, state, { apiMinor: minMinor - 1 }));
    expect(error).toBeInstanceOf(NotAcceptableError);
    expect(error.httpStatus).toBe(406);
    expect(error.message).toContain(`1.${minMinor}`);
  });

  it('checks the version before the state', () => {
    expect(errorOf(check({ target: 'manage' }, 'active', { apiMinor: 3 }))).toBeInstanceOf(NotAcceptableError);
  });

  it('rejects a verb the state does not accept with InvalidStateRequested (400)', () => {
    const error = errorOf(check({ target: 'provide' }, 'available'));
    expect(error).toBeInstanceOf(InvalidStateRequestedError);
    expect(error.httpStatus).toBe(400);
    expect(error.details).toEqual({ action: 'provide', node: NODE, state: 'available' });
    expect(errorOf(check({ target: 'deleted' }, 'deploying'))).toBeInstanceOf(InvalidStateRequestedError);
  });

  it('refuses to deploy or rebuild a node in maintenance, but allows other verbs', () => {
    for (const [target, state] of [['active', 'available'], ['deploy', 'available'], ['rebuild', 'active']] as const) {
      const error = errorOf(check({ target }, state, { maintenance: true }));
      expect(error).toBeInstanceOf(NodeInMaintenanceError);
      expect(error.httpStatus).toBe(400);
      expect(error.message).toContain(NODE);
    }
    expect(check({ target: 'deleted' }, 'active', { maintenance: true }).ok).toBe(true);
  });

  it('needs 1.41 to abort inspection and 1.110 to abort a deploy that waits for its callback', () => {
    expect(errorOf(check({ target: 'abort' }, 'inspect wait', { apiMinor: 40 }))).toBeInstanceOf(NotAcceptableError);
    expect(check({ target: 'abort' }, 'inspect wait', { apiMinor: 41 }).ok).toBe(true);
    expect(errorOf(check({ target: 'abort' }, 'wait call-back', { apiMinor: LATEST }))).toBeInstanceOf(NotAcceptableError);
    expect(errorOf(check({ target: 'abort' }, 'wait call-back', { apiMinor: 109 }))).toBeInstanceOf(NotAcceptableError);
    expect(check({ target: 'abort' }, 'wait call-back', { apiMinor: 110 }).ok).toBe(true);
    expect(check({ target: 'abort' }, 'deploy hold', { apiMinor: 13 }).ok).toBe(true);
  });
});

describe('checkProvisionRequest: parameters', () => {
  function rejects(request: ProvisionRequest, state: ProvisionState, cls: abstract new (...args: never[]) => DomainError, apiMinor = LATEST) {
    const error = errorOf(check(request, state, { apiMinor }));
    expect(error).toBeInstanceOf(cls);
    return error;
  }

  it('requires clean_steps for clean and takes them only with clean', () => {
    expect(rejects({ target: 'clean' }, 'manageable', MissingParameterValueError).httpStatus).toBe(400);
    rejects({ target: 'clean', clean_steps: [] }, 'manageable', MissingParameterValueError);
    rejects({ target: 'provide', clean_steps: cleanSteps }, 'manageable', InvalidParameterValueError);
    // An empty list counts as not given, as in Ironic.
    expect(check({ target: 'provide', clean_steps: [] }, 'manageable').ok).toBe(true);
  });

  it('checks the shape of clean_steps', () => {
    const bad: unknown[] = [
      'erase',
      [{ interface: 'network', step: 'x' }],
      [{ interface: 'deploy' }],
      [{ interface: 'deploy', step: '' }],
      [{ interface: 'deploy', step: 'x', args: [] }],
      [{ interface: 'deploy', step: 'x', colour: 'red' }],
      [{ interface: 'deploy', step: 'x', order: -1 }],
      [{ interface: 'deploy', step: 'x', execute_on_child_nodes: 'yes' }],
      [{ interface: 'deploy', step: 'x', limit_child_node_execution: [1] }],
    ];
    for (const clean_steps of bad) {
      const error = rejects({ target: 'clean', clean_steps }, 'manageable', InvalidParameterValueError);
      expect(error.message).toMatch(/^Invalid clean_steps: /);
    }
    const good = [{ interface: 'raid', step: 'create_configuration', args: { create_root_volume: true }, order: 1, execute_on_child_nodes: false, limit_child_node_execution: ['a'] }];
    expect(check({ target: 'clean', clean_steps: good }, 'manageable').ok).toBe(true);
  });

  it('requires service_steps for service, takes them only with service, from 1.87', () => {
    rejects({ target: 'service' }, 'active', MissingParameterValueError, 87);
    rejects({ target: 'service', service_steps: [{ interface: 'bogus', step: 'x' }] }, 'active', InvalidParameterValueError, 87);
    rejects({ target: 'rebuild', service_steps: serviceSteps }, 'active', InvalidParameterValueError, 87);
    rejects({ target: 'rebuild', service_steps: serviceSteps }, 'active', NotAcceptableError, 86);
  });

  it('requires a non-empty rescue_password for rescue and takes it only with rescue', () => {
    rejects({ target: 'rescue' }, 'active', MissingParameterValueError);
    rejects({ target: 'rescue', rescue_password: '   ' }, 'active', MissingParameterValueError);
    rejects({ target: 'rescue', rescue_password: null }, 'active', MissingParameterValueError);
    rejects({ target: 'unrescue', rescue_password: 'pw' }, 'rescue', InvalidParameterValueError);
    // Unlike the step lists, an empty password counts as given.
    rejects({ target: 'unrescue', rescue_password: '' }, 'rescue', InvalidParameterValueError);
  });

  it('takes deploy_steps only with active, deploy and rebuild, from 1.69, and checks their shape', () => {
    const deploy_steps = [{ interface: 'bios', step: 'apply_configuration', args: {}, priority: 150 }];
    for (const [target, state] of [['active', 'available'], ['deploy', 'available'], ['rebuild', 'active']] as const) {
      expect(check({ target, deploy_steps }, state).ok).toBe(true);
    }
    rejects({ target: 'active', deploy_steps }, 'available', NotAcceptableError, 68);
    rejects({ target: 'deleted', deploy_steps }, 'active', InvalidParameterValueError);
    rejects({ target: 'active', deploy_steps: [{ interface: 'bios', step: 'x', args: {} }] }, 'available', InvalidParameterValueError);
    rejects({ target: 'active', deploy_steps: [{ interface: 'bios', step: 'x', args: {}, priority: -2 }] }, 'available', InvalidParameterValueError);
    expect(check({ target: 'active', deploy_steps: [{ interface: 'bios', step: 'x', args: {}, priority: '20' }] }, 'available').ok).toBe(true);
  });

  it('takes configdrive only with active and deploy, and with rebuild from 1.35', () => {
    expect(check({ target: 'active', configdrive: 'H4sIAAAA' }, 'available').ok).toBe(true);
    expect(check({ target: 'deploy', configdrive: 'H4sIAAAA' }, 'available').ok).toBe(true);
    expect(check({ target: 'rebuild', configdrive: 'H4sIAAAA' }, 'active', { apiMinor: 35 }).ok).toBe(true);
    rejects({ target: 'rebuild', configdrive: 'H4sIAAAA' }, 'active', InvalidParameterValueError, 34);
    rejects({ target: 'deleted', configdrive: 'H4sIAAAA' }, 'active', InvalidParameterValueError);
    expect(check({ target: 'deleted', configdrive: '' }, 'active').ok).toBe(true);
  });

  it('checks the configdrive format', () => {
    expect(check({ target: 'active', configdrive: 'https://example.com/cd.iso' }, 'available').ok).toBe(true);
    expect(check({ target: 'active', configdrive: { meta_data: {}, user_data: '#!/bin/sh' } }, 'available', { apiMinor: 56 }).ok).toBe(true);
    rejects({ target: 'active', configdrive: 'not base64!' }, 'available', InvalidParameterValueError);
    rejects({ target: 'active', configdrive: 42 }, 'available', InvalidParameterValueError);
    rejects({ target: 'active', configdrive: { meta_data: {} } }, 'available', InvalidParameterValueError, 55);
    rejects({ target: 'active', configdrive: { vendor_data: {} } }, 'available', InvalidParameterValueError, 58);
    expect(check({ target: 'active', configdrive: { vendor_data: {} } }, 'available', { apiMinor: 59 }).ok).toBe(true);
    rejects({ target: 'active', configdrive: { meta_data: 'x' } }, 'available', InvalidParameterValueError);
    rejects({ target: 'active', configdrive: { user_data: 7 } }, 'available', InvalidParameterValueError);
    rejects({ target: 'active', configdrive: { extra: {} } }, 'available', InvalidParameterValueError);
  });

  it('takes disable_ramdisk only with clean from 1.70, and with service from 1.108', () => {
    expect(check({ target: 'clean', clean_steps: cleanSteps, disable_ramdisk: true }, 'manageable', { apiMinor: 70 }).ok).toBe(true);
    expect(check({ target: 'clean', clean_steps: cleanSteps, disable_ramdisk: false }, 'manageable').ok).toBe(true);
    rejects({ target: 'clean', clean_steps: cleanSteps, disable_ramdisk: true }, 'manageable', NotAcceptableError, 69);
    rejects({ target: 'provide', disable_ramdisk: false }, 'manageable', InvalidParameterValueError);
    rejects({ target: 'service', service_steps: serviceSteps, disable_ramdisk: true }, 'active', InvalidParameterValueError, 107);
    expect(check({ target: 'service', service_steps: serviceSteps, disable_ramdisk: true }, 'active', { apiMinor: 108 }).ok).toBe(true);
    expect(check({ target: 'provide', disable_ramdisk: null }, 'manageable').ok).toBe(true);
  });

  it('takes a runbook only with clean or service, instead of steps, from 1.92', () => {
    rejects({ target: 'clean', runbook: 'rb' }, 'manageable', NotAcceptableError, 91);
    expect(check({ target: 'clean', runbook: 'rb' }, 'manageable', { apiMinor: 92 })).toEqual({ ok: true, verb: 'clean', event: 'clean', target: 'manageable' });
    rejects({ target: 'provide', runbook: 'rb' }, 'manageable', InvalidParameterValueError, 92);
    rejects({ target: 'clean', runbook: 'rb', clean_steps: cleanSteps }, 'manageable', InvalidParameterValueError, 92);
  });

  it('checks the state before the parameters', () => {
    rejects({ target: 'provide', clean_steps: cleanSteps }, 'active', InvalidStateRequestedError);
  });
});
