import { Inject, Injectable } from '@nestjs/common';
import { BOOT_ACTION_INCOMPLETE, SiteBootActionRepository, SiteTaskRepository, type SiteBootActionEntity } from '@slipway/db';
import { InvalidParameterValueError } from '@slipway/errors';
import { getLogger } from '@slipway/logging';
import { CLOCK, type Clock } from '@slipway/runtime';
import { bootActionTemplateContext, renderBootActionAssets, tarGz, type BootActionAssetKind, type RenderedAsset } from '@slipway/site';
import { z } from 'zod';
import { SiteDesignLoader } from '../engine/site-design-loader.service';
import { BootActionContextNotFoundError, BootActionFinalizedError, BootActionNotFoundError, BootActionRenderError } from '../errors/boot-action.error';
import { readInput } from '../http/request-input';
import { fetchAssetLocation } from './asset-fetch';
import { checkBootActionKey } from './boot-action-key';
import { BOOT_ACTION_BASE_URL, bootActionUrls } from './boot-action-urls';

/** Drydock's report body: a final status (either case), and detail messages with any extra fields. */
const REPORT = z
  .object({
    status: z.enum(['Success', 'Failure', 'success', 'failure']).optional(),
    details: z.array(z.object({ message: z.string(), error: z.boolean() }).catchall(z.unknown())).optional(),
  })
  .strict();

/** A boot action as the API shows it (Drydock's row, without the key). */
export interface BootActionView {
  action_id: string;
  task_id: string;
  node_name: string;
  action_name: string;
  action_status: string;
}

/**
 * The boot action API, which deployed nodes call with the key their deploy gave them
 * (`X-Bootaction-Key`), not with the API's credentials:
 * - `assets`: the units or files of every boot action of the node's latest deploy, rendered for
 *   it from the design version of that deploy's task, as a gzip tarball;
 * - `report`: detail messages (on the node's subtask, context type `bootaction`) and, once, the
 *   final status, which bootaction_report waits for.
 */
@Injectable()
export class BootActionsService {
  private readonly log = getLogger('BootActionsService');

  constructor(
    private readonly bootActions: SiteBootActionRepository,
    private readonly tasks: SiteTaskRepository,
    private readonly designs: SiteDesignLoader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BOOT_ACTION_BASE_URL) private readonly baseUrl: string,
  ) {}

  async assets(nodeName: string, kind: BootActionAssetKind, key: string | string[] | undefined): Promise<Buffer> {
    const actions = await this.bootActions.latestForNode(nodeName);
    if (actions.length === 0) throw new BootActionContextNotFoundError({ node: nodeName });
    checkBootActionKey(actions[0].identityKey, key, nodeName);
    const task = await this.tasks.byId(actions[0].taskId);
    const loaded = task?.designId != null && task.designVersion != null ? await this.designs.load(task.designId, task.designVersion) : undefined;
    const design = loaded?.design;
    const node = design?.nodes.find((candidate) => candidate.name === nodeName);
    if (loaded === undefined || design === undefined || node === undefined) throw new BootActionContextNotFoundError({ node: nodeName });
    const urls = bootActionUrls(this.baseUrl, nodeName);
    const assets: RenderedAsset[] = [];
    for (const row of actions) {
      const action = design.bootActions.find((candidate) => candidate.name === row.actionName);
      if (action === undefined) continue;
      const context = bootActionTemplateContext(node, design, { actionId: row.actionId, actionKey: row.identityKey, reportUrl: urls.report(row.actionId), designRef: loaded.ref });
      try {
        assets.push(...(await renderBootActionAssets(action, kind, context, { fetch: fetchAssetLocation })));
      } catch (error) {
        // The design's fault, not the node's request: a 500 that names the action and asset.
        if (error instanceof InvalidParameterValueError) throw new BootActionRenderError({ node: nodeName, reason: error.message });
        throw error;
      }
    }
    this.log.info({ node: nodeName, kind, assets: assets.length }, 'boot action assets served');
    return tarGz(assets, { mtime: this.clock.now() });
  }

  async report(actionId: string, key: string | string[] | undefined, body: unknown): Promise<BootActionView> {
    const row = await this.bootActions.byId(actionId);
    if (row === null) throw new BootActionNotFoundError({ action: actionId });
    checkBootActionKey(row.identityKey, key, row.nodeName);
    const report = readInput(REPORT, body ?? {}, 'boot action report');
    if (row.status !== BOOT_ACTION_INCOMPLETE) throw new BootActionFinalizedError({ action: actionId, status: row.status });
    const at = this.clock.now();
    for (const { message, error, ...extra } of report.details ?? []) {
      await this.tasks.addMessage(row.subtaskId, { message: `${row.actionName}: ${message}`, error, contextType: 'bootaction', context: actionId, ts: at, extra });
    }
    if (report.status !== undefined && !(await this.bootActions.finish(actionId, report.status.toLowerCase(), at))) {
      const now = await this.bootActions.byId(actionId);
      throw new BootActionFinalizedError({ action: actionId, status: now?.status ?? 'unknown' });
    }
    return view((await this.bootActions.byId(actionId)) ?? row);
  }
}

function view(row: SiteBootActionEntity): BootActionView {
  return { action_id: row.actionId, task_id: row.taskId, node_name: row.nodeName, action_name: row.actionName, action_status: row.status };
}
