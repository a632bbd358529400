import type { ManagementInterface } from '@slipway/drivers-framework';
import { InvalidParameterValueError } from '@slipway/errors';
import { FakeNodeTasks, fakeDriver, NODE_UUID, strict } from './testing/fake-node-tasks';
import { NodeManagementHandler } from './node-management.handler';

function setup(management: Partial<ManagementInterface>) {
  const tasks = new FakeNodeTasks(fakeDriver({ management: strict('management', { validate: async () => {}, ...management }) }));
  return { tasks, handler: new NodeManagementHandler(tasks) };
}

describe('NodeManagementHandler', () => {
  it('reads the boot device on a shared task after validating the interface', async () => {
    const { tasks, handler } = setup({ getBootDevice: async (task) => ({ bootDevice: task.shared ? 'pxe' : 'disk', persistent: false }) });
    expect(await handler.getBootDevice(NODE_UUID)).toEqual({ bootDevice: 'pxe', persistent: false });
    expect(tasks.purposes).toEqual(['shared getting boot device']);
  });

  it('sets a supported boot device under the lock', async () => {
    const set: unknown[] = [];
    const { tasks, handler } = setup({ getSupportedBootDevices: async () => ['pxe', 'disk'], setBootDevice: async (task, device, persistent) => void set.push([task.shared, device, persistent]) });
    await handler.setBootDevice({ uuid: NODE_UUID, device: 'disk', persistent: true });
    expect(set).toEqual([[false, 'disk', true]]);
    expect(tasks.purposes).toEqual(['exclusive setting boot device']);
  });

  it("refuses a device the hardware does not support with Ironic's message", async () => {
    const { handler } = setup({ getSupportedBootDevices: async () => ['pxe'] });
    await expect(handler.setBootDevice({ uuid: NODE_UUID, device: 'floppy', persistent: false })).rejects.toThrow(new InvalidParameterValueError('Invalid boot device floppy specified.'));
  });

  it('lists the supported boot devices', async () => {
    const { handler } = setup({ getSupportedBootDevices: async () => ['pxe', 'cdrom'] });
    expect(await handler.getSupportedBootDevices(NODE_UUID)).toEqual({ devices: ['pxe', 'cdrom'] });
  });

  it('injects an NMI under the lock', async () => {
    let injected = 0;
    const { tasks, handler } = setup({ injectNmi: async () => void injected++ });
    await handler.injectNmi(NODE_UUID);
    expect(injected).toBe(1);
    expect(tasks.purposes).toEqual(['exclusive inject nmi']);
  });

  it('lists indicators per component in the driver order', async () => {
    const { handler } = setup({
      getSupportedIndicators: async () => ({ system: { led: { readonly: false, states: ['off', 'on'] } }, chassis: { 'led-0': { readonly: true, states: ['on'] } } }),
    });
    expect(await handler.getSupportedIndicators(NODE_UUID)).toEqual({
      components: [
        { component: 'system', indicators: [{ name: 'led', readonly: false, states: ['off', 'on'] }] },
        { component: 'chassis', indicators: [{ name: 'led-0', readonly: true, states: ['on'] }] },
      ],
    });
  });

  it('reads and sets an indicator', async () => {
    const set: unknown[] = [];
    const { handler } = setup({ getIndicatorState: async (_t, component, indicator) => (component === 'system' && indicator === 'led' ? 'blinking' : 'off'), setIndicatorState: async (_t, ...args) => void set.push(args) });
    expect(await handler.getIndicatorState({ uuid: NODE_UUID, component: 'system', indicator: 'led' })).toEqual({ state: 'blinking' });
    await handler.setIndicatorState({ uuid: NODE_UUID, component: 'system', indicator: 'led', state: 'on' });
    expect(set).toEqual([['system', 'led', 'on']]);
  });

  it('refuses an indicator state that does not exist before asking the driver', async () => {
    const { handler } = setup({});
    await expect(handler.setIndicatorState({ uuid: NODE_UUID, component: 'system', indicator: 'led', state: 'glowing' })).rejects.toBeInstanceOf(InvalidParameterValueError);
  });
});
