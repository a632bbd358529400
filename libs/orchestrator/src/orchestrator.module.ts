import { Module } from '@nestjs/common';
import { OrchestratorHealthController } from './health/orchestrator-health.controller';

/** The site orchestrator's REST API (`/api/v1.0`, Drydock's shape); designs and tasks build on it. */
@Module({ controllers: [OrchestratorHealthController] })
export class OrchestratorModule {}
