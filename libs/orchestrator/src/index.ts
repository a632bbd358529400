export { OrchestratorModule } from './orchestrator.module';
export { DrydockExceptionFilter } from './errors/drydock-exception.filter';
export { DESIGN_SOURCE_LIMITS, type DesignSourceLimits } from './designs/design-source.service';
export { SITE_PLATFORM_CATALOG } from './validation/site-platform-catalog';
// The shapes of the API's answers, for its clients (the site CLI).
export type { DesignCreatedView, DesignSummaryView } from './designs/design.view';
export type { SiteNodeView } from './nodes/site-node.view';
export type { TaskTreeView } from './tasks/task-tree.view';
export type { LocatedValidationMessage, LocatedValidationStatus } from './validation/validation-status';
