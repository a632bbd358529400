import { Injectable } from '@nestjs/common';
import { BiosSettingRepository } from '@slipway/db';
import { UnsupportedDriverExtensionError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import type { NodeTaskContext } from '../tasks/node-task.runner';

/**
 * Ironic's node_cache_bios_settings: reads the node's BIOS settings through its bios interface
 * and makes them the cached set that `GET /v1/nodes/{node}/bios` lists. Run when a node is
 * verified and after the bios steps that change settings. A driver without BIOS support is
 * skipped; a read that fails is logged and never fails the work around it.
 */
@Injectable()
export class BiosSettingsCache {
  private readonly log = getLogger('BiosSettingsCache');

  constructor(private readonly settings: BiosSettingRepository) {}

  async refresh(context: NodeTaskContext): Promise<void> {
    const { task, row } = context;
    try {
      const current = await task.driver.bios.cacheBiosSettings(task);
      await this.settings.syncAll(row.id, current);
    } catch (error) {
      if (error instanceof UnsupportedDriverExtensionError) return;
      this.log.warn({ node: row.uuid, err: error }, 'caching the BIOS settings failed');
    }
  }
}
