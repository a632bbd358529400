import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DeployTemplateAlreadyExistsError, DeployTemplateDuplicateNameError } from '@slipway/errors';
import { DeployTemplateStepEntity } from '../entities/deploy-template-step.entity';
import { createMigratedTestDatabase, MigratedTestDatabase } from '../testing/test-database';
import { DeployTemplateRepository } from './deploy-template.repository';

// Medium test: the real PostgreSQL, a database of its own.
const adminUrl = process.env.SLIPWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('DeployTemplateRepository', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let templates: DeployTemplateRepository;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(adminUrl);
    dataSource = database.dataSource;
    templates = new DeployTemplateRepository(dataSource);
  });
  afterAll(async () => {
    await database.close();
  });

  const name = () => `CUSTOM_${randomUUID().slice(0, 8).toUpperCase().replace(/-/g, '_')}`;
  const step = (stepName: string, priority = 10) => ({ interface: 'bios', step: stepName, args: { a: stepName }, priority });
  const stepsOf = (template: { steps: { step: string; priority: number }[] }) => template.steps.map((s) => [s.step, s.priority]);

  it('stores a template with its steps in order, found by uuid and by name', async () => {
    const created = await templates.insert({ uuid: randomUUID(), name: name(), extra: { k: 1 } }, [step('b', 5), step('a', 0), step('c')]);
    expect(created).toMatchObject({ extra: { k: 1 }, updatedAt: null });
    expect(stepsOf(created)).toEqual([['b', 5], ['a', 0], ['c', 10]]);
    expect(created.steps[0].args).toEqual({ a: 'b' });
    expect(stepsOf((await templates.findByUuid(created.uuid))!)).toEqual(stepsOf(created));
    expect((await templates.findByName(created.name))?.uuid).toBe(created.uuid);
    expect(await templates.findByName('CUSTOM_NOBODY')).toBeNull();
  });

  it('refuses a taken name or uuid, and writes nothing then', async () => {
    const taken = await templates.insert({ uuid: randomUUID(), name: name(), extra: {} }, [step('x')]);
    const before = await dataSource.getRepository(DeployTemplateStepEntity).count();
    await expect(templates.insert({ uuid: randomUUID(), name: taken.name, extra: {} }, [step('y')])).rejects.toBeInstanceOf(DeployTemplateDuplicateNameError);
    await expect(templates.insert({ uuid: taken.uuid, name: name(), extra: {} }, [step('y')])).rejects.toBeInstanceOf(DeployTemplateAlreadyExistsError);
    expect(await dataSource.getRepository(DeployTemplateStepEntity).count()).toBe(before);
  });

  it('updates fields, replaces steps only when given, and detects a taken name', async () => {
    const other = await templates.insert({ uuid: randomUUID(), name: name(), extra: {} }, [step('x')]);
    const template = await templates.insert({ uuid: randomUUID(), name: name(), extra: {} }, [step('x'), step('y')]);
    const renamed = await templates.update(template.id, { name: `${template.name}_2`, extra: { e: true } });
    expect(renamed).toMatchObject({ name: `${template.name}_2`, extra: { e: true } });
    expect(renamed.updatedAt).not.toBeNull();
    expect(stepsOf(renamed)).toEqual([['x', 10], ['y', 10]]);
    const restepped = await templates.update(template.id, {}, [step('z', 3)]);
    expect(stepsOf(restepped)).toEqual([['z', 3]]);
    await expect(templates.update(template.id, { name: other.name })).rejects.toBeInstanceOf(DeployTemplateDuplicateNameError);
    expect((await templates.findByUuid(template.uuid))?.name).toBe(`${template.name}_2`);
  });

  it('pages by name with a marker and deletes with the steps', async () => {
    const prefix = `CUSTOM_P${randomUUID().slice(0, 6).toUpperCase().replace(/-/g, '_')}`;
    for (const suffix of ['C', 'A', 'B']) await templates.insert({ uuid: randomUUID(), name: `${prefix}_${suffix}`, extra: {} }, [step(suffix)]);
    const all = (await templates.list({ sortKey: 'name', sortDir: 'asc', limit: 1000 })).filter((t) => t.name.startsWith(prefix));
    expect(all.map((t) => t.name.slice(-1))).toEqual(['A', 'B', 'C']);
    expect(all.map((t) => t.steps[0].step)).toEqual(['A', 'B', 'C']);
    const after = await templates.list({ sortKey: 'name', sortDir: 'asc', limit: 1, marker: all[0] });
    expect(after[0].name).toBe(all[1].name);

    expect(await templates.delete(all[0].id)).toBe(true);
    expect(await templates.delete(all[0].id)).toBe(false);
    expect(await dataSource.getRepository(DeployTemplateStepEntity).countBy({ deployTemplateId: all[0].id })).toBe(0);
  });
});
