import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChassisEntity } from '@slipway/db';
import { parsePatch } from '../common/json-patch';
import { checkChassisPatchPaths, validateChassisBody } from './chassis-write.validation';
import { chassisView } from './chassis.view';

// The real Ironic 2023.1's answer (tools/capture-ironic-fixtures.py) is the expected output.
const exchanges = JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/ironic-2023.1/exchanges.json'), 'utf8'));
const created = exchanges['chassis.create'].response.body as Record<string, unknown>;
const chassis = { uuid: created.uuid, createdAt: new Date('2026-11-21T12:39:42.541Z'), updatedAt: null, description: 'cap chassis', extra: { a: 1 } } as unknown as ChassisEntity;
const context = { chassis, baseUrl: 'http://127.0.0.1:6385' };

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('chassisView', () => {
  it("shows a chassis as Ironic does, with its nodes links wrapped in Ironic's extra list", () => {
    const ours = chassisView(context, 82);
    expect(Object.keys(ours)).toEqual(Object.keys(created));
    expect({ ...ours, created_at: undefined }).toEqual({ ...created, created_at: undefined });
  });

  it('shows the list form and asked fields, links always', () => {
    expect(Object.keys(chassisView(context, 82, ['uuid', 'description']))).toEqual(['uuid', 'description', 'links']);
    expect(Object.keys(chassisView(context, 82, ['nodes']))).toEqual(['links', 'nodes']);
  });
});

describe('chassis validation', () => {
  it.each([
    [{ description: 5 }, "Schema error for chassis: 5 is not of type 'string', 'null'"],
    [{ uuid: 'x' }, 'Expected UUID for uuid: x'],
    [{ foo: 'x' }, "Schema error for chassis: Additional properties are not allowed ('foo' was unexpected)"],
    [[], "Schema error for chassis: [] is not of type 'object'"],
    [{ description: 'd'.repeat(256) }, `Schema error for chassis: '${'d'.repeat(256)}' is too long`],
  ])('refuses %j as Ironic does', (body, message) => {
    expect(messageOf(() => validateChassisBody('chassis', body))).toBe(message);
  });

  it("lists the patchable fields in Ironic's (unsorted) order", () => {
    expect(messageOf(() => checkChassisPatchPaths(parsePatch([{ op: 'replace', path: '/foo', value: 'x' }])))).toBe(
      'Cannot patch /foo. Only the following can be updated: uuid, extra, description',
    );
    expect(() => checkChassisPatchPaths(parsePatch([{ op: 'add', path: '/extra/k', value: 1 }]))).not.toThrow();
  });
});
