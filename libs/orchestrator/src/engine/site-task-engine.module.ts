import { Module } from '@nestjs/common';
import { APP_CONFIG, TASK_QUEUE } from '@slipway/runtime';
import type { TaskQueue } from '@slipway/task-queue';
import { SITE_TASK_QUEUE } from '../tasks/site-task-queue.port';
import { ENGINE_SETTINGS, engineSettingsFrom } from './engine-settings';
import { NodeConductorRpcService } from './node-conductor-rpc.service';
import { NodeJobHandler } from './node-job.handler';
import { bootActionBaseUrlProvider } from '../bootactions/boot-action-urls';
import { NodeBootActions } from './node-boot-actions';
import { NodeNetworkSteps } from './node-network-steps';
import { NodeStepHandler } from './node-step.handler';
import { rackSlotsProvider } from './rack-slots.provider';
import { SiteDesignLoader } from './site-design-loader.service';
import { SiteTaskEngine } from './site-task-engine';
import { SiteTaskHandler } from './site-task.handler';
import { NodeJobProcessor, SiteTaskProcessor } from './site-task.processor';
import { SiteTaskQueueService } from './site-task-queue.service';
import { SiteTaskRecords } from './site-task-records';
import { switchDriverProvider } from './switch-driver.provider';

/**
 * The site task engine: the SITE_TASK_QUEUE port over the process's task queue, the handlers of
 * the site tasks and their node jobs, and the workers. Its settings are the app config's
 * `siteTasks` (SLIPWAY_ORCHESTRATOR_*).
 */
@Module({
  providers: [
    { provide: ENGINE_SETTINGS, inject: [{ token: APP_CONFIG, optional: true }], useFactory: (config?: unknown) => engineSettingsFrom(config) },
    // No task queue in the process (an API under test): no engine, and the API answers 503 for tasks.
    {
      provide: SITE_TASK_QUEUE,
      inject: [SiteTaskQueueService, { token: TASK_QUEUE, optional: true }],
      useFactory: (engine: SiteTaskQueueService, queue?: TaskQueue) => (queue === undefined ? null : engine),
    },
    SiteTaskQueueService,
    SiteTaskRecords,
    SiteDesignLoader,
    NodeConductorRpcService,
    switchDriverProvider,
    NodeNetworkSteps,
    bootActionBaseUrlProvider,
    NodeBootActions,
    NodeStepHandler,
    rackSlotsProvider,
    NodeJobHandler,
    SiteTaskHandler,
    SiteTaskProcessor,
    NodeJobProcessor,
    SiteTaskEngine,
  ],
  exports: [SITE_TASK_QUEUE],
})
export class SiteTaskEngineModule {}

