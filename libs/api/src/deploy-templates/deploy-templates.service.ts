import { Injectable } from '@nestjs/common';
import type { DeployTemplateWithSteps } from '@slipway/db';
import { DeployTemplateRepository } from '@slipway/db';
import { DeployTemplateNotFoundError, InvalidParameterValueError, InvalidUuidOrNameError, NotFoundError } from '@slipway/errors';
import { canonicalUuid, isUuid } from '../common/identifiers';
import { nextLink } from '../common/pagination';
import { single } from '../common/query-values';
import { checkFieldsExist, keepFields, parseStringList } from '../common/string-list-fields';
import { checkNodeFieldVersions, parseDeployTemplateListQuery, RawQuery } from './deploy-template-list-query';
import { DEPLOY_TEMPLATES_MIN_MINOR, deployTemplateView } from './deploy-template.view';

export interface DeployTemplateRequestContext {
  baseUrl: string;
  minor: number;
}

const LOGICAL_NAME = /^[A-Za-z0-9\-._~]{1,255}$/;

/** Reads of the deploy templates API. */
@Injectable()
export class DeployTemplatesService {
  constructor(private readonly templates: DeployTemplateRepository) {}

  async list(raw: RawQuery, context: DeployTemplateRequestContext): Promise<{ deploy_templates: Record<string, unknown>[]; next?: string }> {
    checkDeployTemplatesVisible(context.minor);
    const query = parseDeployTemplateListQuery(raw, context.minor);
    const marker = query.marker === undefined ? undefined : await this.byUuid(query.marker);
    const rows = await this.templates.list({ sortKey: query.sortKey, sortDir: query.sortDir, limit: query.limit, marker });
    const body: { deploy_templates: Record<string, unknown>[]; next?: string } = { deploy_templates: rows.map((row) => this.view(row, context, query.fields)) };
    if (rows.length === query.limit && rows.length > 0) {
      // Ironic's next link: the sort, `detail` if given (as Python prints a bool), the fields shown.
      const echoed: Record<string, string | undefined> = { sort_key: query.sortKeyName, sort_dir: query.sortDir };
      if (query.detail !== undefined) echoed.detail = query.detail ? 'True' : 'False';
      if (query.fields?.length) echoed.fields = query.fields.join(',');
      body.next = nextLink(context.baseUrl, 'deploy_templates', echoed, query.limit, rows[rows.length - 1].uuid);
    }
    return body;
  }

  async show(identText: string, rawFields: string | string[] | undefined, context: DeployTemplateRequestContext): Promise<Record<string, unknown>> {
    checkDeployTemplatesVisible(context.minor);
    if (!isUuid(identText) && !LOGICAL_NAME.test(identText)) throw new InvalidParameterValueError(`Expected UUID or name for template_ident: ${identText}`);
    const fields = parseStringList(single(rawFields));
    checkNodeFieldVersions(fields, context.minor);
    return this.view(await this.find(identText), context, fields);
  }

  /** The template named by uuid or name, or DeployTemplateNotFound naming it as given. */
  async find(identText: string): Promise<DeployTemplateWithSteps> {
    let template: DeployTemplateWithSteps | null;
    if (isUuid(identText)) template = await this.templates.findByUuid(canonicalUuid(identText));
    else if (LOGICAL_NAME.test(identText)) template = await this.templates.findByName(identText);
    else throw new InvalidUuidOrNameError({ name: identText });
    if (!template) throw new DeployTemplateNotFoundError({ template: identText });
    return template;
  }

  view(template: DeployTemplateWithSteps, context: DeployTemplateRequestContext, fields: string[] | undefined): Record<string, unknown> {
    const full = deployTemplateView(template, context.baseUrl);
    checkFieldsExist(full, fields);
    return keepFields(full, fields);
  }

  /** A marker names a template by uuid; anything else names none. */
  private async byUuid(marker: string): Promise<DeployTemplateWithSteps> {
    const template = isUuid(marker) ? await this.templates.findByUuid(canonicalUuid(marker)) : null;
    if (!template) throw new DeployTemplateNotFoundError({ template: marker });
    return template;
  }
}

/** Before 1.55 the collection does not exist: GET answers 404 (writes 405). */
export function checkDeployTemplatesVisible(minor: number): void {
  if (minor < DEPLOY_TEMPLATES_MIN_MINOR) throw new NotFoundError('The API version does not allow deploy templates');
}
