import { Module } from '@nestjs/common';
import { RootController } from './root/root.controller';

/** Ironic's REST API v1. Resources and their services are added here as they land. */
@Module({ controllers: [RootController] })
export class ApiModule {}
