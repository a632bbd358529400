import { InvalidParameterValueError } from '@slipway/errors';
import { renderTemplate } from './jinja-subset';

// Expected outputs are what Jinja2 3.1 (Drydock's pin) prints for the same template and context.
const context = {
  node: {
    hostname: 'compute01',
    tags: ['test', 'gpu'],
    labels: { foo: 'bar', 'rack-id': 'r 1' },
    interfaces: { bond0: { sriov: true, vf_count: 2 } },
  },
  action: { report_url: 'http://drydock:9000/api/v1.0/bootactions/', design_ref: 'deckhand+http://deckhand/revisions/3/rendered-documents' },
};

describe('renderTemplate', () => {
  it.each([
    ['{{ node.hostname }}', 'compute01'],
    ['{{node.hostname}}', 'compute01'],
    ['{{   node . hostname   }}', 'compute01'],
    ['host={{ node.hostname }}!', 'host=compute01!'],
    ["{{ node.labels['rack-id'] }}", 'r 1'],
    ['{{ node.labels["foo"] }}', 'bar'],
    ['{{ node.tags.1 }} {{ node.tags[0] }}', 'gpu test'],
    ['{{ node.interfaces.bond0.sriov }} {{ node.interfaces.bond0.vf_count }}', 'True 2'],
    ['no tags here {} { } }}', 'no tags here {} { } }}'],
    ['a{# a comment {{ not.rendered }} #}b', 'ab'],
  ])('%s → %s', (source, expected) => {
    expect(renderTemplate(source, context)).toBe(expected);
  });

  it('normalises line endings and drops one trailing newline, as Jinja2 does', () => {
    expect(renderTemplate('x\r\ny\rz\n\n', context)).toBe('x\ny\nz\n');
    expect(renderTemplate("echo 'from {{ node.hostname }}'\n", context)).toBe("echo 'from compute01'");
  });

  it('urlencodes a string leaving letters, digits, _.-~ and / alone', () => {
    expect(renderTemplate("{{ v | urlencode }}", { v: "a b/c!*'()~&=?é" })).toBe('a%20b/c%21%2A%27%28%29~%26%3D%3F%C3%A9');
    expect(renderTemplate('{{ action.design_ref|urlencode }}', context)).toBe('deckhand%2Bhttp%3A//deckhand/revisions/3/rendered-documents');
  });

  it('urlencodes a mapping as a query string', () => {
    expect(renderTemplate('{{ node.labels | urlencode }}', context)).toBe('foo=bar&rack-id=r+1');
  });

  it.each([
    ['{{ node.nothing }}', "line 1: unknown variable 'node.nothing'"],
    ['{{ nothing }}', "line 1: unknown variable 'nothing'"],
    ["a\nb\n{{ node.labels['no-such'] }}", "line 3: unknown variable 'node.labels['no-such']'"],
    ['{{ node.tags[5] }}', "line 1: unknown variable 'node.tags[5]'"],
    ['{{ node.tags }}', "line 1: 'node.tags' is a list (Jinja2 would print Python's repr); name one of its values"],
    ['{{ node.labels }}', "line 1: 'node.labels' is a mapping (Jinja2 would print Python's repr); name one of its values"],
    ['{{ v }}', "line 1: 'v' is null (Jinja2 would print None); name one of its values"],
    ['{{ node.hostname | upper }}', "line 1: unsupported filter 'upper' (only urlencode is supported)"],
    ['{{ node.tags | urlencode }}', "line 1: 'node.tags' cannot be urlencoded (a string, number or mapping of those is needed)"],
    ['{% if node.hostname %}x{% endif %}', 'line 1: statements ({% … %}) are not supported'],
    ['{{- node.hostname }}', "line 1: unsupported expression '- node.hostname' (only variable paths and the urlencode filter are supported)"],
    ["{{ 'literal' }}", "line 1: unsupported expression ''literal'' (only variable paths and the urlencode filter are supported)"],
    ['{{ node.hostname ~ "x" }}', `line 1: unsupported expression 'node.hostname ~ "x"' (only variable paths and the urlencode filter are supported)`],
    ['{{ }}', 'line 1: empty expression'],
    ['{{ node.hostname', "line 1: '{{' is not closed by '}}'"],
    ['echo ${#array[@]}', "line 1: '{#' is not closed by '#}'"],
  ])('refuses %s', (source, message) => {
    const render = () => renderTemplate(source, { ...context, v: null });
    expect(render).toThrow(InvalidParameterValueError);
    expect(render).toThrow(message);
  });
});
