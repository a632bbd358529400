import { Inject, Injectable } from '@nestjs/common';
import { BOOT_ACTION_INCOMPLETE, SiteBootActionRepository, type SiteBootActionEntity } from '@slipway/db';
import { CLOCK, type Clock } from '@slipway/runtime';
import { selectNodes } from '@slipway/site';
import { newBootActionKey } from '../bootactions/boot-action-key';
import { BOOT_ACTION_BASE_URL, bootActionUrls } from '../bootactions/boot-action-urls';
import { ulid } from '../bootactions/ulid';
import { ENGINE_SETTINGS, type EngineSettings } from './engine-settings';
import { stepDone, stepFailed, type NodeStepContext, type StepOutcome } from './node-step';

/** A non-signaling boot action: the node never reports on it, and nothing waits for it (Drydock's `unreported`). */
export const BOOT_ACTION_UNREPORTED = 'unreported';
export const BOOT_ACTION_FAILURE = 'failure';

/**
 * Drydock's boot actions on one node of a deploy_nodes task:
 * - `register` (deploy_node, before the deploy): one row per boot action of the design that
 *   targets the node (its node_filter; none: every node), all sharing a new key; a signaling one
 *   starts `incomplete`, the others `unreported`. Registering again in the same task (a retried or
 *   restarted job) gives back the same rows.
 * - `configdrive`: what the deployed node learns of them, in its config drive's vendor_data:
 *   where to fetch its units and files, its key, and where to report on each action.
 * - `awaitReports` (bootaction_report, the last step): waits until no action is incomplete; a
 *   failure reported, or actions still incomplete at the step's deadline, fail the node.
 */
@Injectable()
export class NodeBootActions {
  constructor(
    private readonly bootActions: SiteBootActionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENGINE_SETTINGS) private readonly settings: EngineSettings,
    @Inject(BOOT_ACTION_BASE_URL) private readonly baseUrl: string,
  ) {}

  async register({ node, design, taskId, subtaskId }: NodeStepContext): Promise<SiteBootActionEntity[]> {
    const targeting = design.bootActions.filter((action) => selectNodes(design, action.node_filter).some((selected) => selected.name === node.name));
    const key = newBootActionKey();
    const at = this.clock.now();
    const rows = targeting.map((action) => ({
      actionId: ulid(at.getTime()),
      taskId,
      subtaskId,
      nodeName: node.name,
      actionName: action.name,
      identityKey: key,
      signaling: action.signaling,
      status: action.signaling ? BOOT_ACTION_INCOMPLETE : BOOT_ACTION_UNREPORTED,
      createdAt: at,
    }));
    return this.bootActions.register(taskId, node.name, rows);
  }

  /** The config drive of the node's deploy: undefined when no boot action targets it. */
  configdrive(nodeName: string, actions: readonly SiteBootActionEntity[]): Record<string, unknown> | undefined {
    if (actions.length === 0) return undefined;
    const urls = bootActionUrls(this.baseUrl, nodeName);
    return {
      vendor_data: {
        slipway_bootactions: {
          key: actions[0].identityKey,
          units_url: urls.units,
          files_url: urls.files,
          actions: actions.map((action) => ({ action_id: action.actionId, name: action.actionName, signaling: action.signaling, report_url: urls.report(action.actionId) })),
        },
      },
    };
  }

  async awaitReports({ node, taskId }: NodeStepContext, deadline: number): Promise<StepOutcome> {
    for (;;) {
      const actions = await this.bootActions.forNodeInTask(taskId, node.name);
      if (actions.length === 0) return stepDone('No boot action to wait for: none targets the node, or this task did not deploy it.');
      const failed = actions.filter((action) => action.status === BOOT_ACTION_FAILURE);
      if (failed.length > 0) return stepFailed(`Boot action ${names(failed)} reported failure.`);
      const waiting = actions.filter((action) => action.status === BOOT_ACTION_INCOMPLETE);
      if (waiting.length === 0) return stepDone(`Boot actions: ${actions.map((action) => `${action.actionName} ${action.status}`).join(', ')}.`);
      const left = deadline - this.clock.now().getTime();
      if (left <= 0) return stepFailed(`Timed out waiting for boot action ${names(waiting)} to report (SLIPWAY_ORCHESTRATOR_BOOTACTION_TIMEOUT).`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.settings.nodePollMaxMs, left)));
    }
  }
}

function names(actions: readonly SiteBootActionEntity[]): string {
  return actions.map((action) => `${action.actionName} (${action.actionId})`).join(', ');
}
