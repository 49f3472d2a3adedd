import { readFileSync } from 'node:fs';
import type Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../domain/model.ts';
import { loadBundle } from '../load-bundle.ts';
import { exportGraphml, graphmlNodeId } from './graphml.ts';
import { expectedNetwork, reimportNetwork, wellFormed } from './network-roundtrip.ts';
import { edgeCaseBundle, emptyBundle } from './test-bundles.ts';

function reimport(bundle: Bundle) {
  return reimportNetwork(exportGraphml(bundle), (graph, text) => parse(graph, text) as Graph);
}

describe('exportGraphml', () => {
  it('keeps a carriage return, a tab and a line break in a name', () => {
    const bundle = emptyBundle();
    bundle.organizations = [
      {
        id: 'a' as never,
        name: 'one\rtwo\tthree\nfour',
        kind: 'support',
        naics: [],
        capabilities: [],
        certifications: [],
        trains: [],
        needs: [],
      },
    ];
    expect(reimport(bundle).nodes).toEqual([['a', { label: 'one\rtwo\tthree\nfour', kind: 'support' }]]);
  });

  it('writes node ids as XML NMTOKENs', () => {
    const doc = wellFormed(exportGraphml(edgeCaseBundle()));
    const ids = Array.from(doc.getElementsByTagName('node')).map((n) => n.getAttribute('id'));
    // "has space/and_x0041_": space and "/" encoded, the literal "_x" escaped so that decoding is exact.
    expect(ids).toEqual([
      'full',
      '_x005F__proto__',
      '_x0063_onstructor',
      'has_x0020_space_x002F_and_x005F_x0041_',
    ]);
    for (const id of ids) expect(id).toMatch(/^[-.0-9:A-Z_a-z]+$/);
    expect(graphmlNodeId('chicago-prime-01')).toBe('chicago-prime-01');
  });

  it('declares every attribute with its type, node and edge "kind" under separate keys', () => {
    const doc = wellFormed(exportGraphml(emptyBundle()));
    const keys = Array.from(doc.getElementsByTagName('key')).map((k) =>
      [
        k.getAttribute('id'),
        k.getAttribute('for'),
        k.getAttribute('attr.name'),
        k.getAttribute('attr.type'),
      ].join(' '),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'n_label node label string',
        'n_kind node kind string',
        'n_lat node lat double',
        'n_employees node employees int',
        'e_kind edge kind string',
        'e_value edge value double',
        'e_year edge year int',
        'g_synthetic graph synthetic boolean',
      ]),
    );
  });

  it('carries the dataset description as graph data', () => {
    const { id, homeRegion: _, ...meta } = edgeCaseBundle().meta;
    expect(reimport(edgeCaseBundle()).graph.getAttributes()).toEqual({ id: 'G', dataset: id, ...meta });
  });

  it('says in <desc> what the data is, its date and that it is synthetic', () => {
    const doc = wellFormed(exportGraphml(edgeCaseBundle()));
    expect(doc.getElementsByTagName('desc')[0]?.textContent).toBe(
      'Forgemap supply network of "Edge cases <b>&</b> "quotes"" (dataset edge-cases), data as of 2026-01-31, synthetic sample data, not real firms. Source: hand-made. License: CC0-1.0.',
    );
    expect(
      wellFormed(exportGraphml(emptyBundle())).getElementsByTagName('desc')[0]?.textContent,
    ).not.toContain('synthetic');
  });

  it('round-trips the Chicago sample network', () => {
    const text = readFileSync(new URL('../../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const { nodes, edges } = reimport(bundle);
    const expected = expectedNetwork(bundle, false);
    expect(nodes).toEqual(expected.nodes);
    expect(edges).toEqual(expected.edges);
  });
});
