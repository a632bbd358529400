import { STEP_WAIT, type DriverNode, type InspectInterface, type JsonObject, type StepOutcome } from '@slipway/drivers-framework';
import { NotFoundError } from '@slipway/errors';
import type { NodeHistoryRecorder, RecordedTransition } from '../history/node-history.recorder';
import { fakeDriver, FakeNodeTasks, NODE_ID, NODE_UUID, strict } from '../management/testing/fake-node-tasks';
import type { NodeTaskContext } from '../tasks/node-task.runner';
import { ContinueInspectionHandler } from './continue-inspection.handler';
import type { InspectionRecorder } from './inspection-recorder';

const INVENTORY = { interfaces: [{ mac_address: '52:54:00:12:34:56' }], memory: { physical_mb: 4096 } };

function setup(inspect: Partial<InspectInterface>, node: Partial<DriverNode> = { provisionState: 'inspect wait', targetProvisionState: 'manageable' }) {
  const tasks = new FakeNodeTasks(fakeDriver({ inspect }), node);
  const stored: Array<{ nodeId: number; inventory: JsonObject; pluginData: JsonObject }> = [];
  const journal: string[] = [];
  const recorder = strict<InspectionRecorder>('recorder', {
    record: async (context: NodeTaskContext, inventory: JsonObject, pluginData: JsonObject = {}) => void stored.push({ nodeId: context.row.id, inventory, pluginData }),
  });
  const history = strict<NodeHistoryRecorder>('history', {
    transition: async (_id: number, t: RecordedTransition) => void journal.push(`${t.from} -${t.event}-> ${t.to}`),
    error: async (_id: number, _state: string, _target: string | null, message: string) => void journal.push(`error: ${message}`),
  });
  const handler = new ContinueInspectionHandler(tasks, history, recorder);
  return { tasks, handler, stored, journal };
}

const request = (pluginData: JsonObject = { root_disk: '/dev/sda' }) => ({ uuid: NODE_UUID, inventory: INVENTORY, pluginData });

describe('ContinueInspectionHandler', () => {
  it('resumes inspecting before answering, then stores the data and ends manageable', async () => {
    const { tasks, handler, stored, journal } = setup({});
    await handler.continueInspection(request());
    expect(tasks.purposes).toEqual(['background continue inspection']);
    expect(tasks.node).toMatchObject({ provisionState: 'inspecting', targetProvisionState: 'manageable' });
    expect(stored).toEqual([]);
    await tasks.runBackground();
    expect(stored).toEqual([{ nodeId: NODE_ID, inventory: INVENTORY, pluginData: { root_disk: '/dev/sda' } }]);
    expect(tasks.node).toMatchObject({ provisionState: 'manageable', targetProvisionState: null });
    expect(journal).toEqual(['inspect wait -resume-> inspecting', 'inspecting -done-> manageable']);
  });

  it("hands the data to the inspect interface, which may add to the plugin data before it is stored", async () => {
    const seen: unknown[] = [];
    const continueInspection = async (_task: unknown, inventory: JsonObject, pluginData: JsonObject): Promise<StepOutcome> => {
      seen.push(inventory);
      pluginData.processed = true;
    };
    const { tasks, handler, stored } = setup({ continueInspection });
    await handler.continueInspection(request());
    await tasks.runBackground();
    expect(seen).toEqual([INVENTORY]);
    expect(stored[0].pluginData).toEqual({ root_disk: '/dev/sda', processed: true });
  });

  it('waits again, storing nothing, when the interface processes the data elsewhere', async () => {
    const { tasks, handler, stored, journal } = setup({ continueInspection: async () => STEP_WAIT });
    await handler.continueInspection(request());
    await tasks.runBackground();
    expect(stored).toEqual([]);
    expect(tasks.node.provisionState).toBe('inspect wait');
    expect(journal).toEqual(['inspect wait -resume-> inspecting', 'inspecting -wait-> inspect wait']);
  });

  it('fails inspection with last_error and a history entry when processing fails', async () => {
    const { tasks, handler, stored, journal } = setup({ continueInspection: async () => Promise.reject(new Error('no disks found')) });
    await handler.continueInspection(request());
    await tasks.runBackground();
    expect(stored).toEqual([]);
    expect(tasks.node).toMatchObject({ provisionState: 'inspect failed', lastError: 'Failed to finish inspection: no disks found' });
    expect(journal).toEqual(['inspect wait -resume-> inspecting', 'error: Failed to finish inspection: no disks found', 'inspecting -fail-> inspect failed']);
  });

  it('answers NotFound, changing nothing, for a node that does not wait for inspection data', async () => {
    const { tasks, handler, journal } = setup({}, { provisionState: 'manageable' });
    await expect(handler.continueInspection(request())).rejects.toThrow(new NotFoundError());
    expect(tasks.pendingBackground).toBe(0);
    expect(tasks.node.provisionState).toBe('manageable');
    expect(journal).toEqual([]);
  });
});
