import { Module } from '@nestjs/common';
import { bootActionBaseUrlProvider } from './bootactions/boot-action-urls';
import { BootActionsController } from './bootactions/boot-actions.controller';
import { BootActionsService } from './bootactions/boot-actions.service';
import { DesignLookupService } from './designs/design-lookup.service';
import { DEFAULT_DESIGN_SOURCE_LIMITS, DESIGN_SOURCE_LIMITS, DesignSourceService } from './designs/design-source.service';
import { DesignsController } from './designs/designs.controller';
import { DesignsService } from './designs/designs.service';
import { SiteDesignLoader } from './engine/site-design-loader.service';
import { SiteTaskEngineModule } from './engine/site-task-engine.module';
import { OrchestratorHealthController } from './health/orchestrator-health.controller';
import { SiteNodesController } from './nodes/site-nodes.controller';
import { SiteNodesService } from './nodes/site-nodes.service';
import { SiteTasksService } from './tasks/site-tasks.service';
import { TasksController } from './tasks/tasks.controller';
import { DesignValidationService } from './validation/design-validation.service';
import { ValidateDesignController } from './validation/validate-design.controller';

/**
 * The site orchestrator's REST API (`/api/v1.0`, Drydock's shape): designs, validation, tasks,
 * nodes, boot actions. Repositories, the clock and the readiness checks come from the runtime's global modules.
 * Tasks are handed to the engine through SITE_TASK_QUEUE (tasks/site-task-queue.port.ts).
 */
@Module({
  imports: [SiteTaskEngineModule],
  controllers: [OrchestratorHealthController, DesignsController, ValidateDesignController, TasksController, SiteNodesController, BootActionsController],
  providers: [
    { provide: DESIGN_SOURCE_LIMITS, useValue: DEFAULT_DESIGN_SOURCE_LIMITS },
    DesignSourceService,
    DesignLookupService,
    DesignsService,
    DesignValidationService,
    SiteTasksService,
    SiteNodesService,
    SiteDesignLoader,
    bootActionBaseUrlProvider,
    BootActionsService,
  ],
})
export class OrchestratorModule {}
