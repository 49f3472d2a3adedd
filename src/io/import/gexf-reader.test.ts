// The GEXF reader against graphology-gexf's parser (on an xmldom DOM), the reader it replaces: the same
// files must give the same nodes, edges and attributes.
import { readFileSync } from 'node:fs';
import xmldom from '@xmldom/xmldom';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { generateGexf } from '../../../scripts/bench/gexf.ts';
import { loadBundle } from '../load-bundle.ts';
import { exportGexf } from '../export/gexf.ts';
import { GexfReadError, mergeRepeatedIds, readGexf } from './gexf-reader.ts';

/** Nodes and edges as graphology-gexf gives them (edge keys only when the file gave them). */
function byGraphology(text: string) {
  const doc = new xmldom.DOMParser().parseFromString(text, 'application/xml');
  // As the import does: a repeated node id's later elements go (graphology would refuse the file).
  const seen = new Set<string>();
  for (const element of Array.from(doc.getElementsByTagName('node'))) {
    const id = element.getAttribute('id') ?? '';
    if (seen.has(id)) element.parentNode?.removeChild(element);
    seen.add(id);
  }
  const graph = gexf.parse(Graph, doc as unknown as Document, {
    addMissingNodes: true,
    allowUndeclaredAttributes: true,
  }) as Graph;
  return {
    lastModifiedDate: graph.getAttribute('lastModifiedDate') as unknown,
    nodes: graph.mapNodes((key, attributes) => ({ key, attributes: { ...attributes } })),
    edges: graph.mapEdges((key, attributes, source, target, _s, _t, undirected) => ({
      key: key.startsWith('geid_') ? null : key,
      source,
      target,
      undirected,
      attributes: { ...attributes },
    })),
  };
}

function byReader(text: string) {
  const read = readGexf(text);
  const edges = mergeRepeatedIds(read.edges);
  const nodes = new Map<string, Record<string, unknown>>();
  for (const node of read.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node.attributes);
  // graphology adds a node that only edges name, after the file's nodes.
  for (const edge of edges)
    for (const end of [edge.source, edge.target]) if (!nodes.has(end)) nodes.set(end, {});
  return {
    lastModifiedDate: read.lastModifiedDate,
    nodes: [...nodes].map(([key, attributes]) => ({ key, attributes: { ...attributes } })),
    edges: edges.map((edge) => ({ ...edge, attributes: { ...edge.attributes } })),
  };
}

const EDGE_CASES = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2025-11-02"><creator>hand</creator></meta>
  <graph defaultedgetype="mutual">
    <attributes class="edge"><attribute id="w" title="ignored for a non-numeric id" type="float"/></attributes>
    <attributes class="node">
      <attribute id="0" title="employees" type="integer"><default>7</default></attribute>
      <attribute id="1" title="certified" type="boolean"/>
      <attribute id="2" title="naics" type="liststring"/>
      <attribute id="sector" type="string"><default>unknown</default></attribute>
      <attribute id="3" type="double"/>
    </attributes>
    <nodes>
      <node id="a" label="Alpha &amp; Sons">
        <attvalues><attvalue for="0" value="12"/><attvalue id="1" value="true"/><attvalue for="2" value="[332710, '336411']"/></attvalues>
        <viz:color r="10" g="20" b="30" a="0.5"/><viz:size value="4.5"/><viz:position x="1.5" y="-2" z="0"/>
        <viz:shape value="disc"/>
      </node>
      <node id="b" label="">
        <attvalues><attvalue for="3" value="2.5e3"/><attvalue for="undeclared" value="kept as text"/><attvalue for="2" value="a|b"/></attvalues>
        <color xmlns="http://gexf.net/1.3/viz" hex="#ff0000"/>
      </node>
      <node id="c" weight="3" kind="x"><attvalues><attvalue for="sector" value="aero"/><attvalue for="1" value="no"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="b" weight="2.5" label="first"><attvalues><attvalue for="w" value="9"/></attvalues><viz:thickness value="3"/></edge>
      <edge source="b" target="a" type="directed"/>
      <edge source="b" target="a" type="directed"/>
      <edge id="e2" source="c" target="ghost"/>
      <edge id="e1" source="b" target="a" label="merged"/>
      <edge source="a" target="a"/>
    </edges>
  </graph>
</gexf>`;

describe('readGexf', () => {
  it.each([
    [
      'the golden Gephi file',
      readFileSync(new URL('../../../tests/golden/import/gexf/network.input.gexf', import.meta.url), 'utf8'),
    ],
    ['the Chicago sample as Forgemap exports it', exportGexf(loadChicago())],
    ['a generated 300-node file (the bench’s)', generateGexf({ nodes: 300, edges: 1200 })],
    [
      'hand-made edge cases: types, lists, defaults, viz, mutual, parallel, repeated and dangling edges',
      EDGE_CASES,
    ],
  ])('reads %s as graphology-gexf does', (_name, text) => {
    expect(byReader(text)).toEqual(byGraphology(text));
  });

  it('says where the XML breaks', () => {
    expect(() => readGexf('<gexf><graph><nodes><node id="a"></nodes></graph></gexf>')).toThrow(GexfReadError);
    expect(() => readGexf('<gexf><graph><nodes><node id="a"></nodes></graph></gexf>')).toThrow(/^1:\d+/);
  });

  it('names the root element, so that another XML file is told apart', () => {
    expect(readGexf('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>').root).toBe('graphml');
    expect(readGexf('<g:gexf xmlns:g="http://gexf.net/1.3"/>').root).toBe('gexf');
  });

  it('refuses an edge id given to two different edges, as graphology does', () => {
    const text = `<gexf><graph defaultedgetype="directed"><nodes><node id="a"/><node id="b"/></nodes><edges>
      <edge id="x" source="a" target="b"/><edge id="x" source="b" target="a"/></edges></graph></gexf>`;
    expect(() => mergeRepeatedIds(readGexf(text).edges)).toThrow(/edge id "x"/);
    expect(() => byGraphology(text)).toThrow();
  });
});

function loadChicago() {
  const loaded = loadBundle(
    JSON.parse(
      readFileSync(new URL('../../../data/samples/chicago.json', import.meta.url), 'utf8'),
    ) as unknown,
  );
  if (loaded.value === null) throw new Error('the Chicago sample does not load');
  return loaded.value;
}
