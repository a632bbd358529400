import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795262369659 } from './1795262369659-initial-schema.migration';
import { SiteTasks1795293287648 } from './1795293287648-site-tasks.migration';
import { SiteBootActions1795300935009 } from './1795300935009-site-boot-actions.migration';

/**
 * Every migration, oldest first. Listed explicitly: apps run from dist/, where globs are
 * fragile. A new migration must be added here, or the drift check fails.
 */
export const migrations: Array<new () => MigrationInterface> = [InitialSchema1795262369659, SiteTasks1795293287648, SiteBootActions1795300935009];
