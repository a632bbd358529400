export { OrchestratorModule } from './orchestrator.module';
export { DrydockExceptionFilter } from './errors/drydock-exception.filter';
