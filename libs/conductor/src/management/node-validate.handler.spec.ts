import { DriverOperationError, InvalidParameterValueError, UnsupportedDriverExtensionError } from '@slipway/errors';
import { FakeNodeTasks, fakeDriver, NODE_ID, NODE_UUID, strict } from './testing/fake-node-tasks';
import { NodeValidateHandler, VALIDATED_INTERFACES } from './node-validate.handler';

const passing = () => strict('iface', { validate: async () => {} });

function setup(overrides: Record<string, object>, nodeTraits: string[] = [], node = {}) {
  const interfaces = Object.fromEntries(VALIDATED_INTERFACES.map((type) => [type, overrides[type] ?? passing()]));
  const tasks = new FakeNodeTasks(fakeDriver(interfaces), node);
  const traits = { namesOf: async (id: number) => (id === NODE_ID ? nodeTraits : Promise.reject(new Error('wrong node'))) };
  return { tasks, handler: new NodeValidateHandler(tasks, traits, { hostname: 'cond-1' }) };
}

describe('NodeValidateHandler', () => {
  it("validates every interface but vendor, in Ironic's order, on a shared task", async () => {
    const { tasks, handler } = setup({});
    const { interfaces } = await handler.validate(NODE_UUID);
    expect(interfaces.map((entry) => entry.interface)).toEqual(['boot', 'deploy', 'management', 'network', 'power', 'bios', 'console', 'firmware', 'inspect', 'raid', 'rescue', 'storage']);
    expect(interfaces.every((entry) => entry.result === true && entry.reason === undefined)).toBe(true);
    expect(tasks.purposes).toEqual(['shared driver interface validation']);
  });

  it('reports refusals with their reason, and other errors as unexpected', async () => {
    const { handler } = setup({
      power: strict('power', { validate: async () => Promise.reject(new InvalidParameterValueError('ipmi_address is missing')) }),
      console: strict('console', { validate: async () => Promise.reject(new UnsupportedDriverExtensionError({ driver: 'fake-hardware', extension: 'console' })) }),
      raid: strict('raid', { validate: async () => Promise.reject(new DriverOperationError({ driver: 'fake-hardware', reason: 'boom' })) }),
    });
    const byName = Object.fromEntries((await handler.validate(NODE_UUID)).interfaces.map((entry) => [entry.interface, entry]));
    expect(byName.power).toEqual({ interface: 'power', result: false, reason: 'ipmi_address is missing' });
    expect(byName.console).toMatchObject({ result: false, reason: expect.stringContaining('does not support console') });
    expect(byName.raid).toMatchObject({ result: false, reason: expect.stringMatching(/^Unexpected exception, .*cond-1: .*boom/) });
  });

  it('fails deploy when the instance asks for traits the node lacks', async () => {
    const { handler } = setup({}, ['CUSTOM_A'], { instanceInfo: { traits: ['CUSTOM_A', 'CUSTOM_B'] } });
    const deploy = (await handler.validate(NODE_UUID)).interfaces.find((entry) => entry.interface === 'deploy');
    expect(deploy).toEqual({ interface: 'deploy', result: false, reason: `Cannot specify instance traits that are not also set on the node. Node ${NODE_UUID} is missing traits CUSTOM_B` });
  });

  it('fails deploy when instance traits are not a list of strings', async () => {
    const { handler } = setup({}, [], { instanceInfo: { traits: 'CUSTOM_A' } });
    const deploy = (await handler.validate(NODE_UUID)).interfaces.find((entry) => entry.interface === 'deploy');
    expect(deploy?.result).toBe(false);
  });
});
