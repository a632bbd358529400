import { PROVISION_VERBS, eventForVerb, isProvisionVerb, verbMinMinor, verbMinMinorInState } from './provision-verbs';

describe('provision verbs', () => {
  it.each([
    ['active', 'deploy', 1],
    ['deploy', 'deploy', 73],
    ['rebuild', 'rebuild', 1],
    ['deleted', 'delete', 1],
    ['undeploy', 'delete', 73],
    ['manage', 'manage', 4],
    ['provide', 'provide', 4],
    ['inspect', 'inspect', 6],
    ['abort', 'abort', 13],
    ['clean', 'clean', 15],
    ['adopt', 'adopt', 17],
    ['rescue', 'rescue', 38],
    ['unrescue', 'unrescue', 38],
    ['unhold', 'unhold', 85],
    ['service', 'service', 87],
  ] as const)('%s fires %s from 1.%i', (verb, event, minMinor) => {
    expect(isProvisionVerb(verb)).toBe(true);
    expect(eventForVerb(verb)).toBe(event);
    expect(verbMinMinor(verb)).toBe(minMinor);
  });

  it('has exactly the 15 API verbs', () => {
    expect(PROVISION_VERBS).toHaveLength(15);
  });

  it('does not take internal events or states as verbs', () => {
    for (const word of ['done', 'fail', 'wait', 'resume', 'hold', 'available', 'deploying', 'constructor', '']) {
      expect(isProvisionVerb(word)).toBe(false);
    }
  });

  it('needs 1.41 to abort inspection and 1.110 to abort a deploy waiting for its callback', () => {
    expect(verbMinMinorInState('abort', 'clean wait')).toBe(13);
    expect(verbMinMinorInState('abort', 'inspect wait')).toBe(41);
    expect(verbMinMinorInState('abort', 'wait call-back')).toBe(110);
    expect(verbMinMinorInState('deploy', 'wait call-back')).toBe(73);
  });
});
