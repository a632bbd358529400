export * from './task-queue';
export { InProcessTaskQueue } from './in-process/in-process-task-queue';
export { BullMqTaskQueue, BullMqTaskQueueOptions } from './bullmq/bullmq-task-queue';
export { RedisUnavailableError } from './bullmq/redis-unavailable.error';
export { RedisSlots, RedisSlotsOptions } from './redis/redis-slots';
export { SlotsClosedError } from './redis/slots-closed.error';
