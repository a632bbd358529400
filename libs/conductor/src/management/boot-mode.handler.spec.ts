import type { ManagementInterface } from '@slipway/drivers-framework';
import { FakeNodeTasks, fakeDriver, NODE_UUID, strict } from './testing/fake-node-tasks';
import { BootModeHandler } from './boot-mode.handler';

function setup(management: Partial<ManagementInterface>, node = {}) {
  const tasks = new FakeNodeTasks(fakeDriver({ management: strict('management', { validate: async () => {}, ...management }) }), node);
  return { tasks, handler: new BootModeHandler(tasks) };
}

describe('BootModeHandler', () => {
  it('clears last_error before answering and records the new boot mode in the background', async () => {
    const { tasks, handler } = setup({ getBootMode: async () => 'uefi', setBootMode: async () => {} }, { lastError: 'old' });
    await handler.changeBootMode({ uuid: NODE_UUID, mode: 'bios' });
    expect(tasks.node).toMatchObject({ lastError: null, bootMode: null });
    await tasks.runBackground();
    expect(tasks.node.bootMode).toBe('bios');
    expect(tasks.purposes).toEqual(['background changing node boot mode']);
  });

  it('leaves a node already in the requested mode alone', async () => {
    const { tasks, handler } = setup({ getBootMode: async () => 'uefi' });
    await handler.changeBootMode({ uuid: NODE_UUID, mode: 'uefi' });
    await tasks.runBackground();
    expect(tasks.node.bootMode).toBeNull();
  });

  it('changes the mode anyway when the current one cannot be read', async () => {
    const { tasks, handler } = setup({ getBootMode: async () => Promise.reject(new Error('unsupported')), setBootMode: async () => {} });
    await handler.changeBootMode({ uuid: NODE_UUID, mode: 'uefi' });
    await tasks.runBackground();
    expect(tasks.node.bootMode).toBe('uefi');
  });

  it('records a failed secure boot change as last_error', async () => {
    const { tasks, handler } = setup({ getSecureBootState: async () => false, setSecureBootState: async () => Promise.reject(new Error('needs UEFI')) });
    await handler.changeSecureBoot({ uuid: NODE_UUID, enabled: true });
    await tasks.runBackground();
    expect(tasks.node).toMatchObject({ secureBoot: null, lastError: "Failed to change secure_boot state to 'True': needs UEFI" });
  });

  it('records a secure boot change', async () => {
    const { tasks, handler } = setup({ getSecureBootState: async () => false, setSecureBootState: async () => {} });
    await handler.changeSecureBoot({ uuid: NODE_UUID, enabled: true });
    await tasks.runBackground();
    expect(tasks.node.secureBoot).toBe(true);
  });
});
