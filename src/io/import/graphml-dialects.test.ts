import { describe, expect, it } from 'vitest';
import { readerFailure } from './import-graph.ts';
import { importFiles } from './import-files.ts';

const graphml = (body: string, keys = '') =>
  `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">${keys}<graph edgedefault="directed">${body}</graph></graphml>`;

const yedNode = (id: string, label: string, extra = '') =>
  `<node id="${id}"${extra}><data key="g"><y:ShapeNode><y:Geometry x="0" y="10" width="20" height="10"/><y:NodeLabel>${label}</y:NodeLabel></y:ShapeNode></data></node>`;

const YED_KEYS =
  '<key for="port" id="p" yfiles.type="portgraphics"/><key for="graphml" id="r" yfiles.type="resources"/>' +
  '<key for="node" id="g" yfiles.type="nodegraphics"/>';

function names(text: string) {
  const outcome = importFiles([{ name: 'net.graphml', data: text }], { today: '2026-06-01' });
  return {
    names: outcome.value?.bundle.organizations.map((o) => o.name) ?? null,
    links: outcome.value?.bundle.links.map((l) => `${l.source}>${l.target}`) ?? null,
    reasons: outcome.issues.map((i) => i.reason),
    messages: outcome.issues.map((i) => i.message),
  };
}

describe('GraphML as yEd writes it', () => {
  it('reads port and document keys without failing, naming nodes by their yEd label', () => {
    const result = names(graphml(yedNode('a', 'Acme Tool') + yedNode('b', 'Birch Forge'), YED_KEYS));
    expect(result.names).toEqual(['Acme Tool', 'Birch Forge']);
    expect(result.reasons).toContain('graph-yed-labels');
  });

  it('flattens a group: its members are organizations, the group with no edge of its own is not', () => {
    const group =
      `<node id="g0" yfiles.foldertype="group"><data key="g"><y:ProxyAutoBoundsNode><y:Realizers active="0">` +
      `<y:GroupNode><y:NodeLabel>Tier 2</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>` +
      `<graph id="g0:">${yedNode('g0::a', 'Inner Shop')}</graph></node>`;
    const result = names(
      graphml(yedNode('p', 'Prime Co') + group + '<edge source="g0::a" target="p"/>', YED_KEYS),
    );
    expect(result.names).toEqual(['Prime Co', 'Inner Shop']);
    expect(result.links).toEqual(['g0::a>p']);
    expect(result.messages.find((m) => m.includes('group'))).toContain('"Tier 2"');
  });

  it('keeps a group that an edge names as an organization', () => {
    const group = `<node id="g0"><graph id="g0:">${yedNode('g0::a', 'Inner Shop')}</graph></node>`;
    const result = names(
      graphml(yedNode('p', 'Prime Co') + group + '<edge source="g0" target="p"/>', YED_KEYS),
    );
    expect(result.names).toEqual(['Prime Co', 'g0', 'Inner Shop']);
    expect(result.messages.find((m) => m.includes('group'))).toContain('imported as an organization');
  });

  it('reads a key for="all" on nodes and a key without attr.name under its id', () => {
    const keys =
      '<key id="k" for="all" attr.name="kind" attr.type="string"/><key id="name" for="node" attr.type="string"/>';
    const body = '<node id="a"><data key="k">prime</data><data key="name">Acme</data></node>';
    const outcome = importFiles([{ name: 'n.graphml', data: graphml(body, keys) }], { today: '2026-06-01' });
    expect(outcome.value?.bundle.organizations.map((o) => [o.name, o.kind])).toEqual([['Acme', 'prime']]);
  });
});

describe('readerFailure', () => {
  it("passes on the reader's own words about the file", () => {
    const error = new Error(
      'graphology-graphml/parser: one of your graphml file edges points to an inexisting node.',
    );
    expect(readerFailure(error, 'GraphML')).toBe(
      'The GraphML file could not be read: one of your graphml file edges points to an inexisting node.',
    );
  });

  it('never shows an internal JavaScript error', () => {
    const message = readerFailure(
      new TypeError("Cannot set properties of undefined (setting 'd1')"),
      'GraphML',
    );
    expect(message).not.toMatch(/Cannot set|undefined/);
    expect(message).toMatch(/^The GraphML file could not be read: its <key>, <node> and <edge> elements/);
  });
});
