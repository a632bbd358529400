import { DeployTemplateWritesService } from './deploy-template-writes.service';
import { DeployTemplatesController } from './deploy-templates.controller';
import { DeployTemplatesService } from './deploy-templates.service';

/** The deploy templates API (1.55+): `/v1/deploy_templates`. */
export const deployTemplateControllers = [DeployTemplatesController];
export const deployTemplateProviders = [DeployTemplatesService, DeployTemplateWritesService];
