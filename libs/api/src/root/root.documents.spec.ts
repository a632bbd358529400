import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDocument, v1Document } from './root.documents';

// Captured from the real Ironic 2023.1 (the anchor in ../shared/anchors/ironic) at 127.0.0.1:6385.
const fixtures = join(__dirname, '../../../../test/fixtures/ironic-2023.1');
const captured = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));
const base = 'http://127.0.0.1:6385';

// The capture is Ironic 2023.1, which stopped at 1.82; Slipway serves up to 1.87.
const atOurMax = (document: { version: string }) => ({ ...document, version: '1.87' });

describe('discovery documents', () => {
  it('GET / matches Ironic apart from the description and the maximum version', () => {
    const ironic = captured('root.json');
    const ours = rootDocument(base);
    const version = atOurMax(ironic.default_version);
    expect({ ...ours, description: undefined }).toEqual({ ...ironic, description: undefined, default_version: version, versions: [version] });
  });

  it('GET /v1 at 1.1 matches Ironic, key order included', () => {
    const ironic = captured('v1-1.1.json');
    const ours = v1Document(base, 1);
    expect(ours).toEqual({ ...ironic, version: atOurMax(ironic.version) });
    expect(Object.keys(ours)).toEqual(Object.keys(ironic));
  });

  it('GET /v1 at 1.82 lists every gated collection like Ironic', () => {
    const ironic = captured('v1-latest.json');
    const ours = v1Document(base, 82);
    expect(ours).toEqual({ ...ironic, version: atOurMax(ironic.version) });
    expect(Object.keys(ours)).toEqual(Object.keys(ironic));
  });

  it('GET /v1 links continue_inspection, last, from 1.84', () => {
    expect(v1Document(base, 83)).not.toHaveProperty('continue_inspection');
    const ours = v1Document(base, 84);
    expect(Object.keys(ours).at(-1)).toBe('continue_inspection');
    expect(ours.continue_inspection).toEqual([
      { href: `${base}/v1/continue_inspection/`, rel: 'self' },
      { href: `${base}/continue_inspection/`, rel: 'bookmark' },
    ]);
  });
});
