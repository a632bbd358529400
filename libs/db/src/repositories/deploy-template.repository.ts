import { DataSource, EntityManager, Repository } from 'typeorm';
import { DeployTemplateAlreadyExistsError, DeployTemplateDuplicateNameError, DeployTemplateNotFoundError } from '@slipway/errors';
import { DeployTemplateEntity } from '../entities/deploy-template.entity';
import { DeployTemplateStepEntity } from '../entities/deploy-template-step.entity';
import { applyKeysetPage, KeysetPage } from './keyset-page';
import { violatedUniqueConstraint } from './unique-violation';

// The only place with SQL for deploy templates and their steps. The api writes them directly, as
// Ironic does: no node is involved, so no conductor is either.

export type DeployTemplateSortKey = 'id' | 'uuid' | 'name' | 'createdAt' | 'updatedAt';

export type DeployTemplateListPage = KeysetPage<DeployTemplateEntity> & { sortKey: DeployTemplateSortKey };

/** One deploy step of a template, as stored. */
export interface DeployTemplateStepValues {
  interface: string;
  step: string;
  args: Record<string, unknown>;
  priority: number;
}

/** A template with its steps, in the order they were given. */
export type DeployTemplateWithSteps = DeployTemplateEntity & { steps: DeployTemplateStepEntity[] };

export class DeployTemplateRepository {
  private readonly templates: Repository<DeployTemplateEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.templates = dataSource.getRepository(DeployTemplateEntity);
  }

  async findByUuid(uuid: string): Promise<DeployTemplateWithSteps | null> {
    return this.withSteps(await this.templates.findOneBy({ uuid }));
  }

  async findByName(name: string): Promise<DeployTemplateWithSteps | null> {
    return this.withSteps(await this.templates.findOneBy({ name }));
  }

  /** A page of templates in (sort key, id) order, starting after `page.marker`, with their steps. */
  async list(page: DeployTemplateListPage): Promise<DeployTemplateWithSteps[]> {
    const templates = await applyKeysetPage(this.templates.createQueryBuilder('template'), 'template', page).getMany();
    const steps = await this.stepsOf(this.dataSource.manager, templates.map((template) => template.id));
    return templates.map((template) => ({ ...template, steps: steps.get(template.id) ?? [] }));
  }

  /** Inserts a template and its steps in one transaction; a taken uuid or name is the matching conflict. */
  async insert(template: { uuid: string; name: string; extra: Record<string, unknown> }, steps: readonly DeployTemplateStepValues[]): Promise<DeployTemplateWithSteps> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.getRepository(DeployTemplateEntity).save(manager.getRepository(DeployTemplateEntity).create(template));
        await this.insertSteps(manager, saved.id, steps);
        return (await this.loadIn(manager, saved.id)) as DeployTemplateWithSteps;
      });
    } catch (error) {
      throw conflictFor(error, template) ?? error;
    }
  }

  /**
   * Changes a template in one transaction; `steps`, when given, become its whole list. A taken
   * name is DeployTemplateDuplicateName.
   */
  async update(id: number, changes: { name?: string; extra?: Record<string, unknown> }, steps?: readonly DeployTemplateStepValues[]): Promise<DeployTemplateWithSteps> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(DeployTemplateEntity);
        await repository.update({ id }, { ...changes, updatedAt: () => 'now()' } as Parameters<typeof repository.update>[1]);
        if (steps !== undefined) {
          await manager.getRepository(DeployTemplateStepEntity).delete({ deployTemplateId: id });
          await this.insertSteps(manager, id, steps);
        }
        const updated = await this.loadIn(manager, id);
        if (!updated) throw new DeployTemplateNotFoundError({ template: String(id) });
        return updated;
      });
    } catch (error) {
      throw conflictFor(error, changes) ?? error;
    }
  }

  /** Deletes a template and its steps; false when it was already gone. */
  async delete(id: number): Promise<boolean> {
    const result = await this.templates.delete({ id });
    return result.affected === 1;
  }

  private async withSteps(template: DeployTemplateEntity | null): Promise<DeployTemplateWithSteps | null> {
    if (!template) return null;
    const steps = await this.stepsOf(this.dataSource.manager, [template.id]);
    return { ...template, steps: steps.get(template.id) ?? [] };
  }

  private async loadIn(manager: EntityManager, id: number): Promise<DeployTemplateWithSteps | null> {
    const template = await manager.getRepository(DeployTemplateEntity).findOneBy({ id });
    if (!template) return null;
    const steps = await this.stepsOf(manager, [id]);
    return { ...template, steps: steps.get(id) ?? [] };
  }

  /** Steps per template id, each list in insertion (= request) order. */
  private async stepsOf(manager: EntityManager, templateIds: number[]): Promise<Map<number, DeployTemplateStepEntity[]>> {
    const steps = new Map<number, DeployTemplateStepEntity[]>(templateIds.map((id) => [id, []]));
    if (!templateIds.length) return steps;
    const rows = await manager
      .getRepository(DeployTemplateStepEntity)
      .createQueryBuilder('step')
      .where('step.deployTemplateId IN (:...templateIds)', { templateIds })
      .orderBy('step.id')
      .getMany();
    for (const row of rows) steps.get(row.deployTemplateId)?.push(row);
    return steps;
  }

  private async insertSteps(manager: EntityManager, deployTemplateId: number, steps: readonly DeployTemplateStepValues[]): Promise<void> {
    if (!steps.length) return;
    // One row at a time keeps the identity order equal to the list order.
    const repository = manager.getRepository(DeployTemplateStepEntity);
    for (const step of steps) await repository.insert({ ...step, deployTemplateId } as never);
  }
}

function conflictFor(error: unknown, template: { uuid?: string; name?: string }): Error | undefined {
  switch (violatedUniqueConstraint(error)) {
    case 'deploy_templates_uuid_key':
      return new DeployTemplateAlreadyExistsError({ uuid: template.uuid ?? '' });
    case 'deploy_templates_name_key':
      return new DeployTemplateDuplicateNameError({ name: template.name ?? '' });
    default:
      return undefined;
  }
}
