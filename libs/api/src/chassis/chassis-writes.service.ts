import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ChassisEntity } from '@slipway/db';
import { ChassisRepository } from '@slipway/db';
import { InvalidParameterValueError } from '@slipway/errors';
import { applyPatch, parsePatch } from '../common/json-patch';
import type { RequestContext } from '../nodes/nodes.service';
import { expectUuid } from '../ports/arg-values';
import { checkChassisPatchPaths, validateChassisBody } from './chassis-write.validation';
import { ChassisService } from './chassis.service';

/**
 * Chassis create/update/delete. The api writes them itself, as Ironic's does: a chassis only
 * groups nodes, no conductor work depends on it.
 */
@Injectable()
export class ChassisWritesService {
  constructor(
    private readonly reads: ChassisService,
    private readonly chassis: ChassisRepository,
  ) {}

  async create(body: unknown, context: RequestContext): Promise<{ uuid: string; view: Record<string, unknown> }> {
    const fields = validateChassisBody('chassis', body);
    const created = await this.chassis.insert({
      uuid: (fields.uuid as string | null | undefined) ?? randomUUID(),
      description: (fields.description as string | null | undefined) ?? null,
      extra: (fields.extra as Record<string, unknown> | null | undefined) ?? {},
    });
    return { uuid: created.uuid, view: await this.reads.show(created.uuid, undefined, context) };
  }

  async update(ident: string, body: unknown, context: RequestContext): Promise<Record<string, unknown>> {
    const operations = parsePatch(body);
    checkChassisPatchPaths(operations);
    const chassis = await this.reads.find(ident);
    const before = { uuid: chassis.uuid, description: chassis.description, extra: chassis.extra };
    const patched = validateChassisBody('patch', applyPatch(before, operations));
    if ((patched.uuid ?? null) !== chassis.uuid) throw new InvalidParameterValueError('Cannot overwrite UUID for an existing Chassis.');
    const changes: Partial<ChassisEntity> = {};
    const description = (patched.description as string | null | undefined) ?? null;
    const extra = (patched.extra as Record<string, unknown> | null | undefined) ?? {};
    if (description !== chassis.description) changes.description = description;
    if (JSON.stringify(extra) !== JSON.stringify(chassis.extra)) changes.extra = extra;
    if (Object.keys(changes).length) await this.chassis.update(chassis.id, changes);
    return this.reads.show(chassis.uuid, undefined, context);
  }

  async delete(ident: string): Promise<void> {
    const chassis = await this.reads.find(expectUuid('chassis_uuid', ident));
    await this.chassis.delete(chassis);
  }
}
