import { readFileSync } from 'node:fs';
import type Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../domain/model.ts';
import { loadBundle } from '../load-bundle.ts';
import { exportGexf, gexfNodeId } from './gexf.ts';
import { expectedNetwork, reimportNetwork, wellFormed } from './network-roundtrip.ts';
import { edgeCaseBundle, emptyBundle } from './test-bundles.ts';

function reimport(bundle: Bundle) {
  return reimportNetwork(exportGexf(bundle), (graph, text) => parse(graph, text) as Graph);
}

describe('exportGexf', () => {
  it('writes GEXF 1.3 with the right viz namespace and positions from lon/lat', () => {
    const text = exportGexf(edgeCaseBundle());
    expect(text).toContain('xmlns="http://gexf.net/1.3"');
    expect(text).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(text).toContain('<viz:position x="-87.6298" y="41.878"/>');
    expect(text).toContain('defaultedgetype="directed"');
    // By code point, so that a lone surrogate shows and a valid pair (🏭) does not.
    expect(Array.from(text).filter((ch) => ch === '\u0001' || ch === '\uD800')).toEqual([]);
  });

  it('declares numbers as numbers and texts as strings', () => {
    const doc = wellFormed(exportGexf(edgeCaseBundle()));
    const types = Object.fromEntries(
      Array.from(doc.getElementsByTagName('attribute')).map((a) => [
        `${(a.parentNode as Element).getAttribute('class')}.${a.getAttribute('id')}`,
        a.getAttribute('type'),
      ]),
    );
    expect(types).toMatchObject({
      'node.lat': 'double',
      'node.employees': 'integer',
      'node.zip': 'string',
      'node.county': 'string',
      'edge.value': 'double',
      'edge.year': 'integer',
      'edge.kind': 'string',
    });
  });

  it('names the dataset, its date and that it is synthetic in <meta>', () => {
    const { graph } = reimport(edgeCaseBundle());
    expect(graph.getAttributes()).toEqual({
      lastModifiedDate: '2026-01-31',
      creator: 'Forgemap',
      title: 'Edge cases <b>&</b> "quotes"',
      description:
        'Synthetic sample data, not real firms. Dataset edge-cases, data as of 2026-01-31. Source: hand-made. License: CC0-1.0.',
    });
  });

  it('says when the data is not synthetic, and includes the description', () => {
    const bundle = emptyBundle();
    bundle.meta.description = 'Real <firms> & more';
    expect(reimport(bundle).graph.getAttribute('description')).toBe(
      'Dataset empty, data as of 2026-01-01. Real <firms> & more Source: hand-made. License: CC0-1.0.',
    );
  });

  it('encodes only ids XML cannot carry, and Object.prototype member names', () => {
    expect(gexfNodeId('has space/and more')).toBe('has space/and more');
    expect(gexfNodeId('bell\u0007')).toBe('bell_x0007_');
    expect(gexfNodeId('__proto__')).toBe('_x005F__proto__');
    expect(gexfNodeId('chicago-prime-01')).toBe('chicago-prime-01');
  });

  it('writes an empty bundle as a graph without nodes', () => {
    const { nodes, edges } = reimport(emptyBundle());
    expect(nodes).toEqual([]);
    expect(edges).toEqual([]);
  });

  it('round-trips the Chicago sample network', () => {
    const text = readFileSync(new URL('../../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const { nodes, edges } = reimport(bundle);
    const expected = expectedNetwork(bundle, true);
    expect(nodes).toEqual(expected.nodes);
    expect(edges).toEqual(expected.edges);
  });
});
