import { z } from 'zod';
import { defineSetting, loadConfig, settingValue } from './index';

describe('defineSetting', () => {
  it('refuses keys and variable names that do not follow the conventions', () => {
    const base = { schema: z.string(), description: 'd' };
    expect(() => defineSetting({ ...base, key: 'Api.Port', env: 'SLIPWAY_X' })).toThrow(/dotted camelCase/);
    expect(() => defineSetting({ ...base, key: 'api..port', env: 'SLIPWAY_X' })).toThrow(/dotted camelCase/);
    expect(() => defineSetting({ ...base, key: 'api.port', env: 'API_PORT' })).toThrow(/SLIPWAY_NAME/);
  });

  it('accepts any zod schema and reports its messages', () => {
    const custom = defineSetting({ key: 'site.name', env: 'SLIPWAY_SITE_NAME', schema: z.string().min(3, 'expected at least 3 characters'), description: 'd' });
    expect(loadConfig([custom], { env: { SLIPWAY_SITE_NAME: 'lab' } })).toEqual({ site: { name: 'lab' } });
    expect(() => loadConfig([custom], { env: { SLIPWAY_SITE_NAME: 'x' } })).toThrow(
      'SLIPWAY_SITE_NAME (config key site.name) from the environment: got "x"; expected at least 3 characters',
    );
  });

  it('masks a whole secret value that is not a URL, also inside schema messages', () => {
    const token = defineSetting({
      key: 'vbmc.token',
      env: 'SLIPWAY_VBMC_TOKEN',
      secret: true,
      schema: z.string().refine((s) => s.length > 20, { error: (issue) => `too short: ${String(issue.input)}` }),
      description: 'd',
    });
    expect(() => loadConfig([token], { env: { SLIPWAY_VBMC_TOKEN: 'abc123' } })).toThrow(
      'SLIPWAY_VBMC_TOKEN (config key vbmc.token) from the environment: got "***"; too short: "***"',
    );
  });
});

describe('settingValue', () => {
  const parse = (schema: z.ZodType, value: unknown) => schema.safeParse(value);

  it('parses booleans from words and from YAML booleans', () => {
    const schema = settingValue.boolean();
    for (const word of ['true', 'YES', 'on', '1']) expect(parse(schema, word)).toMatchObject({ success: true, data: true });
    for (const word of ['false', 'No', 'off', '0']) expect(parse(schema, word)).toMatchObject({ success: true, data: false });
    expect(parse(schema, true)).toMatchObject({ data: true });
    expect(parse(schema, 'maybe').success).toBe(false);
    expect(parse(schema, 1).success).toBe(false);
  });

  it('parses integers without loose coercion', () => {
    const schema = settingValue.integer({ min: 0, max: 10 });
    expect(parse(schema, '7')).toMatchObject({ data: 7 });
    expect(parse(schema, 7)).toMatchObject({ data: 7 });
    for (const bad of ['', '1e1', '7.0', ' ', 'null', 7.5, true, null, '11']) expect(parse(schema, bad).success).toBe(false);
  });

  it('accepts a URL only with an allowed scheme and a host', () => {
    const schema = settingValue.url({ protocols: ['postgres:', 'postgresql:'] });
    expect(parse(schema, 'postgres://db/x').success).toBe(true);
    expect(parse(schema, 'postgresql:///slipway?host=/var/run/postgresql').success).toBe(true);
    expect(parse(schema, 'postgres:///x').success).toBe(false);
    expect(parse(schema, 'http://db/x').success).toBe(false);
    expect(parse(schema, 5432).success).toBe(false);
  });

  it('takes lists from a comma string or a file list', () => {
    const schema = settingValue.list({ item: /^[a-z]+$/, itemExpected: 'words' });
    expect(parse(schema, 'a, b ,a')).toMatchObject({ data: ['a', 'b'] });
    expect(parse(schema, ['b', 'c'])).toMatchObject({ data: ['b', 'c'] });
    expect(parse(schema, '')).toMatchObject({ data: [] });
    expect(parse(schema, ['a', 1]).success).toBe(false);
    expect(parse(schema, 'a,B').success).toBe(false);
  });
});
