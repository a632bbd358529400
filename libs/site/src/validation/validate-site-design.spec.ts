import { RULE_EXAMPLES } from './__fixtures__/rule-examples.fixture';
import { PLATFORMS, problemsOf, validSite, withPlatforms } from './__fixtures__/valid-site.fixture';
import { SITE_VALIDATION_RULES, toDrydockValidationStatus, validateSiteDesign } from './validate-site-design';

describe('validateSiteDesign', () => {
  it('runs Drydock rules in Drydock order, then the new ones, each id once', () => {
    expect(SITE_VALIDATION_RULES.map((rule) => rule.id)).toEqual([
      'DD1001', 'DD2006', 'DD1008', 'DD2002', 'DD2003', 'DD2004', 'DD2005', 'DD3001', 'DD1006',
      'DD1002', 'DD1003', 'DD1004', 'DD1007', 'DD3003', 'DD4001', 'DD4002', 'DD4003', 'DD4004',
      'DD1005', 'DD2007',
    ]);
  });

  it('passes the valid site with one Info "Validation successful." per rule', () => {
    const result = validateSiteDesign(validSite(), withPlatforms);
    expect(result.status).toBe('success');
    expect(result.errorCount).toBe(0);
    expect(result.findings).toEqual(
      SITE_VALIDATION_RULES.map((rule) => ({ ruleId: rule.id, name: rule.name, level: 'Info', message: 'Validation successful.', documents: [] })),
    );
  });

  it.each(SITE_VALIDATION_RULES.map((rule) => [rule.id, rule] as const))('%s reports nothing on the valid site', (_, rule) => {
    expect(rule.check(validSite(), withPlatforms)).toEqual([]);
  });

  it('warns (DD3001) but passes when no platform catalog is given, as Drydock does without a node driver', () => {
    const result = validateSiteDesign(validSite());
    expect(result.status).toBe('success');
    expect(result.findings.filter((finding) => finding.ruleId === 'DD3001').map((finding) => finding.level)).toEqual(['Warning', 'Info']);
  });

  it('covers every rule with one example change', () => {
    expect(RULE_EXAMPLES.map((example) => example.ruleId).sort()).toEqual(SITE_VALIDATION_RULES.map((rule) => rule.id).sort());
  });

  it.each(RULE_EXAMPLES.map((example) => [`${example.ruleId}-${example.slug}`, example] as const))('%s: only its rule reports', (_, example) => {
    const design = validSite();
    example.apply(design);
    expect(problemsOf(design)).toEqual(Array<string>(example.count).fill(`${example.ruleId} ${example.level}`));
    expect(validateSiteDesign(design, withPlatforms).status).toBe(example.level === 'Error' ? 'failure' : 'success');
  });
});

describe('toDrydockValidationStatus', () => {
  it("renders a passing design as Drydock's validatedesign 200 body", () => {
    const status = toDrydockValidationStatus(validateSiteDesign(validSite(), { platforms: PLATFORMS }));
    expect(status).toMatchObject({ kind: 'Status', apiVersion: 'v1.0', metadata: {}, message: 'Site design passed validation', reason: null, status: 'Success', code: 200 });
    expect(status.details.errorCount).toBe(0);
    expect(status.details.messageList[0]).toEqual({
      kind: 'ValidationMessage',
      name: 'DD1001',
      message: 'Rational Boot Storage: Validation successful.',
      error: false,
      level: 'Info',
      diagnostic: '',
      documents: [],
    });
  });

  it('renders a failing design as the 400 body, with Deckhand document references and the time when given', () => {
    const design = validSite();
    design.nodes[0].storage.physical_devices['sda'].partitions[0].size = '10g';
    const status = toDrydockValidationStatus(validateSiteDesign(design, withPlatforms), { at: new Date('2030-01-02T03:04:05.678Z') });
    expect(status).toMatchObject({ message: 'Site design failed validation.', reason: 'See detail messages.', status: 'Failure', code: 400, details: { errorCount: 1 } });
    expect(status.details.messageList[0]).toEqual({
      kind: 'ValidationMessage',
      name: 'DD1001',
      message: 'Rational Boot Storage: BaremetalNode node01: partition root on device sda is 10g (10 GB); it must be at least 20 GB.',
      error: true,
      level: 'Error',
      diagnostic: 'Configure a larger root partition.',
      ts: '2030-01-02 03:04:05.678000+00:00',
      documents: [{ schema: 'drydock/BaremetalNode/v1', name: 'node01' }],
    });
    expect(status.details.messageList[1]).toMatchObject({ name: 'DD2006', level: 'Info', error: false });
  });
});
