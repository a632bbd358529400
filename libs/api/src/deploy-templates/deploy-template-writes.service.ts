import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DeployTemplateStepValues } from '@slipway/db';
import { DeployTemplateRepository } from '@slipway/db';
import { InvalidParameterValueError, MethodNotAllowedError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { applyPatch, parsePatch, PatchOperation } from '../common/json-patch';
import { DeployTemplateBody, pruneStep, validateDeployTemplate, validateDeployStepOfPatch } from './deploy-template-body.validation';
import { DEPLOY_TEMPLATES_MIN_MINOR } from './deploy-template.view';
import { DeployTemplateRequestContext, DeployTemplatesService } from './deploy-templates.service';

/** What a PATCH may change, in Ironic's order (its error message lists them so). */
const PATCHABLE = ['extra', 'name', 'steps', 'description'];
const LOGICAL_NAME = /^[A-Za-z0-9\-._~]{1,255}$/;

/**
 * Deploy template writes. They touch no node, so the api writes them itself, as Ironic does; the
 * repository keeps a template and its steps consistent in one transaction.
 */
@Injectable()
export class DeployTemplateWritesService {
  constructor(
    private readonly reads: DeployTemplatesService,
    private readonly templates: DeployTemplateRepository,
  ) {}

  async create(body: unknown, context: DeployTemplateRequestContext): Promise<{ uuid: string; view: Record<string, unknown> }> {
    checkWritable(context.minor, 'POST');
    const template = validateDeployTemplate(body, 'template');
    const uuid = template.uuid ? canonicalUuid(template.uuid) : randomUUID();
    const created = await this.templates.insert({ uuid, name: template.name, extra: template.extra }, template.steps.map(stepValues));
    return { uuid, view: this.reads.view(created, context, undefined) };
  }

  async update(identText: string, body: unknown, context: DeployTemplateRequestContext): Promise<Record<string, unknown>> {
    checkWritable(context.minor, 'PATCH');
    checkIdent(identText);
    const operations = parsePatch(body);
    checkPatchable(operations);
    const template = await this.reads.find(identText);
    const before: Record<string, unknown> = {
      uuid: template.uuid,
      name: template.name,
      extra: template.extra ?? {},
      steps: template.steps.map((step) => ({ interface: step.interface, step: step.step, args: step.args, priority: step.priority })),
    };
    checkRootAdds(operations, before);
    const after = applyPatch(before, operations);
    // Each step is pruned of unknown keys and checked alone first, then the whole template.
    if (Array.isArray(after.steps)) after.steps = after.steps.map((step: unknown) => validateDeployStepOfPatch(pruneStep(step)));
    const patched: DeployTemplateBody = validateDeployTemplate(pruneTemplate(after), 'patch');

    const changes: { name?: string; extra?: Record<string, unknown> } = {};
    if (patched.name !== template.name) changes.name = patched.name;
    if (JSON.stringify(patched.extra) !== JSON.stringify(before.extra)) changes.extra = patched.extra;
    const stepsChanged = JSON.stringify(patched.steps) !== JSON.stringify(before.steps);
    if (!Object.keys(changes).length && !stepsChanged) return this.reads.view(template, context, undefined);
    const updated = await this.templates.update(template.id, changes, stepsChanged ? patched.steps.map(stepValues) : undefined);
    return this.reads.view(updated, context, undefined);
  }

  async delete(identText: string, context: DeployTemplateRequestContext): Promise<void> {
    checkWritable(context.minor, 'DELETE');
    checkIdent(identText);
    const template = await this.reads.find(identText);
    await this.templates.delete(template.id);
  }
}

/** Before 1.55 the collection does not exist: writes answer 405, as Ironic's router does. */
function checkWritable(minor: number, method: string): void {
  if (minor < DEPLOY_TEMPLATES_MIN_MINOR) throw new MethodNotAllowedError({ method });
}

function checkIdent(identText: string): void {
  if (!isUuid(identText) && !LOGICAL_NAME.test(identText)) throw new InvalidParameterValueError(`Expected UUID or name for template_ident: ${identText}`);
}

function checkPatchable(operations: PatchOperation[]): void {
  for (const { path } of operations) {
    if (!PATCHABLE.includes(path.split('/')[1])) throw new InvalidParameterValueError(`Cannot patch ${path}. Only the following can be updated: ${PATCHABLE.join(', ')}`);
  }
}

/** Ironic refuses to add a root field the template does not have (`description`, in 2023.1). */
function checkRootAdds(operations: PatchOperation[], document: Record<string, unknown>): void {
  for (const operation of operations) {
    const segments = operation.path.split('/');
    if (operation.op === 'add' && segments.length === 2 && !(segments[1] in document)) {
      throw new InvalidParameterValueError(`Adding a new attribute (${operation.path}) to the root of the resource is not allowed`);
    }
  }
}

/** Keeps the keys of the template schema, as Ironic prunes a patched document before checking it. */
function pruneTemplate(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => ['description', 'extra', 'name', 'steps', 'uuid'].includes(key)));
}

function stepValues(step: DeployTemplateBody['steps'][number]): DeployTemplateStepValues {
  return { interface: step.interface, step: step.step, args: step.args, priority: step.priority };
}
