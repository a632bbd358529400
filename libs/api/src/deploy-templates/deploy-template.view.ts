import type { DeployTemplateWithSteps } from '@slipway/db';
import { ironicTimestamp } from '../common/ironic-time';
import { resourceLinks } from '../common/links';
import { maskSecrets } from '../common/secrets';

/** Deploy templates appear at 1.55. */
export const DEPLOY_TEMPLATES_MIN_MINOR = 55;

/** The fields of a list without `detail` or `fields`. */
export const DEPLOY_TEMPLATE_LIST_FIELDS = ['uuid', 'name'] as const;

/** A template as Ironic shows it: the steps come after the links, their args with secrets masked. */
export function deployTemplateView(template: DeployTemplateWithSteps, baseUrl: string): Record<string, unknown> {
  return {
    uuid: template.uuid,
    created_at: ironicTimestamp(template.createdAt),
    updated_at: ironicTimestamp(template.updatedAt),
    name: template.name,
    extra: template.extra ?? {},
    links: resourceLinks(baseUrl, `deploy_templates/${template.uuid}`),
    steps: template.steps.map((step) => ({ interface: step.interface, step: step.step, args: maskSecrets(step.args ?? {}), priority: step.priority })),
  };
}
