import { InvalidParameterValueError } from '@slipway/errors';
import { runPipeline } from './asset-pipeline';

const context = { node: { hostname: 'compute01' } };
const run = (value: Buffer | string, steps: string[]) => runPipeline(value, steps, context, 'data_pipeline');
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('runPipeline', () => {
  it('with no steps returns the value unchanged', () => {
    expect(run(bytes('x'), [])).toEqual(bytes('x'));
  });

  it('base64_encode turns bytes into base64 bytes', () => {
    expect(run(bytes('Test 1 2 3!'), ['base64_encode'])).toEqual(bytes('VGVzdCAxIDIgMyE='));
  });

  it('utf8_decode turns bytes into text and utf8_encode back', () => {
    expect(run(bytes('Tëst'), ['utf8_decode'])).toBe('Tëst');
    expect(run(bytes('Tëst'), ['utf8_decode', 'utf8_encode'])).toEqual(bytes('Tëst'));
  });

  it('utf8_decode keeps a byte order mark, as Python does', () => {
    expect(run(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), ['utf8_decode'])).toBe('\ufeffA');
  });

  it.each([
    ['YWJj', 'abc'],
    ['YW\nJj\n', 'abc'],
    ['Y!WJj', 'abc'],
    ['YWI=', 'ab'],
    ['YQ==', 'a'],
    ['YWI=YWI=', 'ab'],
    ['YWJj====', 'abc'],
    ['', ''],
  ])('base64_decode %j → %j, as Python b64decode', (input, expected) => {
    expect(run(bytes(input), ['base64_decode'])).toEqual(bytes(expected));
    expect(run(input, ['base64_decode'])).toEqual(bytes(expected));
  });

  it('runs the steps in order: base64, text, template', () => {
    const data = Buffer.from("echo 'from {{ node.hostname }}'\n").toString('base64');
    expect(run(bytes(data), ['base64_decode', 'utf8_decode', 'template'])).toBe("echo 'from compute01'");
    expect(run(bytes('{{ node.hostname }}'), ['utf8_decode', 'template', 'utf8_encode', 'base64_encode'])).toEqual(bytes('Y29tcHV0ZTAx'));
  });

  it.each([
    [bytes('YWJ'), ['base64_decode'], 'data_pipeline[0] (base64_decode): incorrect base64 padding'],
    [bytes('YWJjZ'), ['base64_decode'], 'data_pipeline[0] (base64_decode): the number of base64 characters is one more than a multiple of 4'],
    ['YWJjé', ['base64_decode'], 'data_pipeline[0] (base64_decode): base64 text must be ASCII'],
    [bytes('x'), ['utf8_decode', 'base64_encode'], 'data_pipeline[1] (base64_encode): needs bytes but got text (put utf8_encode before it)'],
    [bytes('x'), ['utf8_decode', 'utf8_decode'], 'data_pipeline[1] (utf8_decode): needs bytes but got text (the value is already decoded)'],
    [Buffer.from([0xff, 0xfe]), ['utf8_decode'], 'data_pipeline[0] (utf8_decode): the bytes are not valid UTF-8'],
    [bytes('x'), ['utf8_encode'], 'data_pipeline[0] (utf8_encode): needs text but got bytes (put utf8_decode before it)'],
    [bytes('{{ node.hostname }}'), ['template'], 'data_pipeline[0] (template): needs text but got bytes (put utf8_decode before it)'],
    [bytes('{{ node.domain }}'), ['utf8_decode', 'template'], "data_pipeline[1] (template): line 1: unknown variable 'node.domain'"],
    [bytes('x'), ['gzip'], 'data_pipeline[0] (gzip): no such pipeline step (known: base64_decode, base64_encode, utf8_decode, utf8_encode, template)'],
  ])('refuses %j through %j', (value, steps, message) => {
    expect(() => run(value, steps)).toThrow(InvalidParameterValueError);
    expect(() => run(value, steps)).toThrow(message);
  });

  it('names the pipeline it runs in errors', () => {
    expect(() => runPipeline('http://{{ node.nope }}', ['template'], context, 'location_pipeline')).toThrow("location_pipeline[0] (template): line 1: unknown variable 'node.nope'");
  });
});
