import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSiteDesign, parseDesignYaml } from '../index';
import type { SiteDesign } from '../model/site-design';
import { RULE_EXAMPLES } from './__fixtures__/rule-examples.fixture';
import { problemsOf, validSite } from './__fixtures__/valid-site.fixture';

// docs/examples through the ingestion API: parse, compile, validate.
const EXAMPLES = join(__dirname, '../../../../docs/examples');
const fileOf = (example: { ruleId: string; slug: string }) => `${example.ruleId}-${example.slug}.yaml`;

function loadSite(path: string): SiteDesign {
  const parsed = parseDesignYaml(readFileSync(path, 'utf8'), path);
  expect(parsed.problems).toEqual([]);
  const compiled = compileSiteDesign(parsed.documents);
  expect([...compiled.problems, ...compiled.warnings]).toEqual([]);
  return compiled.design;
}

describe('docs/examples', () => {
  it('valid-site.yaml compiles to the specs\' valid site and passes with Infos only', () => {
    const design = loadSite(join(EXAMPLES, 'valid-site.yaml'));
    expect(design).toMatchObject(validSite());
    expect(problemsOf(design)).toEqual([]);
  });

  it('has one invalid example per rule, and nothing else', () => {
    expect(readdirSync(join(EXAMPLES, 'invalid')).sort()).toEqual(RULE_EXAMPLES.map(fileOf).sort());
  });

  it.each(RULE_EXAMPLES.map((example) => [fileOf(example), example] as const))('invalid/%s makes only its rule report', (file, example) => {
    const design = loadSite(join(EXAMPLES, 'invalid', file));
    expect(problemsOf(design)).toEqual(Array<string>(example.count).fill(`${example.ruleId} ${example.level}`));
    // The fixture changes compiled nodes where the file changes a host profile: compare all but the profiles.
    const { hostProfiles: _profiles, ...fromFixture } = validSite();
    example.apply({ hostProfiles: [], ...fromFixture });
    expect(design).toMatchObject(fromFixture);
  });
});
