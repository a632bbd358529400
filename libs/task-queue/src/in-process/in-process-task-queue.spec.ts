import { describeTaskQueueConformance } from '../task-queue.conformance';
import { InProcessTaskQueue } from './in-process-task-queue';

describeTaskQueueConformance('in-process', async () => new InProcessTaskQueue());

describe('InProcessTaskQueue', () => {
  it('refuses work after close', async () => {
    const queue = new InProcessTaskQueue();
    await queue.close();
    await expect(queue.add('q', 'j', {})).rejects.toThrow('closed');
    await expect(queue.ping()).rejects.toThrow('closed');
  });
});
