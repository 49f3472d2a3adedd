// What the GEXF and GraphML exports share: read back with graphology's own parsers, both carry every node,
// edge and attribute of a bundle of awkward names, and ids like "__proto__" stay ordinary nodes.
import type Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportGexf, gexfNodeId } from './gexf.ts';
import { exportGraphml, graphmlNodeId } from './graphml.ts';
import { expectedNetwork, reimportNetwork } from './network-roundtrip.ts';
import { edgeCaseBundle } from './test-bundles.ts';
import { decodeXmlId } from './xml-text.ts';

const FORMATS = [
  {
    format: 'GEXF',
    exported: exportGexf,
    nodeId: gexfNodeId,
    parse: (graph: typeof Graph, text: string) => parseGexf(graph, text) as Graph,
    positions: true,
  },
  {
    format: 'GraphML',
    exported: exportGraphml,
    nodeId: graphmlNodeId,
    parse: (graph: typeof Graph, text: string) => parseGraphml(graph, text) as Graph,
    positions: false,
  },
];

describe.each(FORMATS)('$format export', ({ exported, nodeId, parse, positions }) => {
  const bundle = edgeCaseBundle();
  const { graph, nodes, edges } = reimportNetwork(exported(bundle), parse);

  it('re-imports with the same nodes, edges and attributes, escaping names with < & and quotes', () => {
    const expected = expectedNetwork(bundle, positions);
    expect(nodes).toEqual(expected.nodes);
    expect(edges).toEqual(expected.edges);
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
  });

  it('keeps "__proto__" and "constructor" ordinary nodes for graphology, without polluting Object.prototype', () => {
    expect(Object.prototype).not.toHaveProperty('previous');
    expect(Object.prototype).not.toHaveProperty('next');
    const decoded = (ids: string[]) => ids.map(decodeXmlId);
    expect(decoded(graph.inNeighbors(nodeId('__proto__')))).toEqual(['has space/and_x0041_']);
    expect(decoded(graph.outNeighbors(nodeId('__proto__')))).toEqual(['full']);
    expect(graph.outDegree(nodeId('constructor'))).toBe(2);
    expect(decoded(graph.inNeighbors(nodeId('full'))).sort()).toEqual(['__proto__', 'constructor']);
  });
});
