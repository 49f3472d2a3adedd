import { describe, expect, it } from 'vitest';
import { dependencyMatrix, isSingleSource } from './matrix.ts';
import { buildSupplyGraph } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import { testBundle } from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';
import type { MatrixCell } from './types.ts';
import { removeOrgs } from './what-if.ts';

const HT = '332811'; // Metal Heat Treating
const MS = '332710'; // Machine Shops

function graphOf(orgs: OrgSpec[], links: LinkSpec[]): SupplyGraph {
  const mask = Uint8Array.from(orgs, (o) => ((o.inRegion ?? true) ? 1 : 0));
  return buildSupplyGraph(testBundle(orgs, links), mask);
}

const cell = (prime: string, capability: string, inRegion: number, outOfRegion: number): MatrixCell => ({
  prime,
  capability,
  inRegion,
  outOfRegion,
});

const cases: { name: string; orgs: OrgSpec[]; links: LinkSpec[]; cells: MatrixCell[] }[] = [
  {
    name: 'suppliers of a capability to a prime are split by region: one inside, two outside',
    orgs: [
      { id: 'P', kind: 'prime' },
      { id: 'H' },
      { id: 'O1', inRegion: false },
      { id: 'O2', inRegion: false },
    ],
    links: [
      ['H', 'P', HT, 100],
      ['O1', 'P', HT, 150],
      ['O2', 'P', HT, 50],
    ],
    cells: [cell('P', HT, 1, 2)],
  },
  {
    name: 'two links from the same supplier count once',
    orgs: [{ id: 'P', kind: 'prime' }, { id: 'A' }],
    links: [
      ['A', 'P', HT, 10],
      ['A', 'P', HT],
    ],
    cells: [cell('P', HT, 1, 0)],
  },
  {
    name: 'one supplier of two capabilities counts in each',
    orgs: [
      { id: 'P', kind: 'prime' },
      { id: 'A', inRegion: false },
    ],
    links: [
      ['A', 'P', HT],
      ['A', 'P', MS],
    ],
    cells: [cell('P', MS, 0, 1), cell('P', HT, 0, 1)],
  },
  {
    name: 'the region of the prime does not matter, only that of the supplier',
    orgs: [{ id: 'P', kind: 'prime', inRegion: false }, { id: 'A' }],
    links: [['A', 'P', HT]],
    cells: [cell('P', HT, 1, 0)],
  },
  {
    name: "a link without capability uses the supplier's primary NAICS",
    orgs: [
      { id: 'P', kind: 'prime' },
      { id: 'A', naics: [MS, HT] },
    ],
    links: [['A', 'P']],
    cells: [cell('P', MS, 1, 0)],
  },
  {
    name: 'a link with neither capability nor supplier NAICS makes no cell',
    orgs: [{ id: 'P', kind: 'prime' }, { id: 'A' }],
    links: [['A', 'P']],
    cells: [],
  },
  {
    name: 'a self-link of a prime makes no cell',
    orgs: [{ id: 'P', kind: 'prime' }],
    links: [['P', 'P', HT, 5]],
    cells: [],
  },
  {
    name: 'links into manufacturers make no cell; a prime supplying a prime does',
    orgs: [{ id: 'P', kind: 'prime' }, { id: 'Q', kind: 'prime' }, { id: 'M' }],
    links: [
      ['M', 'M', HT],
      ['Q', 'M', HT],
      ['Q', 'P', MS],
    ],
    cells: [cell('P', MS, 1, 0)],
  },
  {
    name: 'cells are sorted by prime id, then capability id, not by bundle order',
    orgs: [{ id: 'Zeta', kind: 'prime' }, { id: 'Alpha', kind: 'prime' }, { id: 'S' }],
    links: [
      ['S', 'Zeta', 'nadcap-ht'],
      ['S', 'Zeta', HT],
      ['S', 'Alpha', HT],
      ['S', 'Alpha', MS],
    ],
    cells: [
      cell('Alpha', MS, 1, 0),
      cell('Alpha', HT, 1, 0),
      cell('Zeta', HT, 1, 0),
      cell('Zeta', 'nadcap-ht', 1, 0),
    ],
  },
];

describe('dependencyMatrix', () => {
  it.each(cases)('$name', ({ orgs, links, cells }) => {
    expect(dependencyMatrix(graphOf(orgs, links))).toEqual(cells);
  });

  it('drops a removed prime and a removed supplier', () => {
    const graph = graphOf(
      [{ id: 'P', kind: 'prime' }, { id: 'Q', kind: 'prime' }, { id: 'A' }, { id: 'B', inRegion: false }],
      [
        ['A', 'P', HT],
        ['B', 'P', HT],
        ['A', 'Q', MS],
      ],
    );
    expect(dependencyMatrix(removeOrgs(graph, ['Q', 'B']).graph)).toEqual([cell('P', HT, 1, 0)]);
  });
});

describe('isSingleSource', () => {
  it.each([
    { cell: cell('P', HT, 1, 0), single: true },
    { cell: cell('P', HT, 0, 1), single: true },
    { cell: cell('P', HT, 1, 1), single: false },
    { cell: cell('P', HT, 0, 2), single: false },
  ])('$cell.inRegion inside and $cell.outOfRegion outside → $single', ({ cell, single }) => {
    expect(isSingleSource(cell)).toBe(single);
  });
});
