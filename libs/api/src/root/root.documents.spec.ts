import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDocument, v1Document } from './root.documents';

// Captured from the real Ironic 2023.1 (the anchor in ../shared/anchors/ironic) at 127.0.0.1:6385.
const fixtures = join(__dirname, '../../../../test/fixtures/ironic-2023.1');
const captured = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));
const base = 'http://127.0.0.1:6385';

describe('discovery documents', () => {
  it('GET / matches Ironic apart from the description', () => {
    const ironic = captured('root.json');
    const ours = rootDocument(base);
    expect({ ...ours, description: undefined }).toEqual({ ...ironic, description: undefined });
  });

  it('GET /v1 at 1.1 matches Ironic, key order included', () => {
    const ours = v1Document(base, 1);
    expect(ours).toEqual(captured('v1-1.1.json'));
    expect(Object.keys(ours)).toEqual(Object.keys(captured('v1-1.1.json')));
  });

  it('GET /v1 at latest lists every gated collection like Ironic', () => {
    const ours = v1Document(base, 82);
    expect(ours).toEqual(captured('v1-latest.json'));
    expect(Object.keys(ours)).toEqual(Object.keys(captured('v1-latest.json')));
  });
});
