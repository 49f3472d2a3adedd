import { describe, expect, it } from 'vitest';
import { dependencyMatrix } from './matrix.ts';
import { cellKey, cellSuppliers, matrixSuppliers } from './matrix-cell.ts';
import { buildSupplyGraph } from './supply-graph.ts';
import { testBundle } from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';
import { removeOrgs } from './what-if.ts';

const HT = '332811'; // Metal Heat Treating
const MS = '332710'; // Machine Shops

function setup(orgs: OrgSpec[], links: LinkSpec[]) {
  const bundle = testBundle(orgs, links);
  const inRegion = Uint8Array.from(orgs, (o) => ((o.inRegion ?? true) ? 1 : 0));
  return { bundle, inRegion };
}

const orgs: OrgSpec[] = [
  { id: 'P', kind: 'prime' },
  { id: 'Q', kind: 'prime' },
  { id: 'H', naics: [HT] },
  { id: 'O2', inRegion: false },
  { id: 'O1', inRegion: false, naics: [MS, HT] },
  { id: 'M' },
];
const links: LinkSpec[] = [
  ['H', 'P', HT, 100],
  ['O2', 'P', HT],
  ['O1', 'P', HT, 5],
  ['O1', 'P', HT, 6],
  // No capability: O1's primary NAICS, machining.
  ['O1', 'Q'],
  // Into a manufacturer, and a prime's self-link: no cell.
  ['H', 'M', HT],
  ['Q', 'Q', MS],
  // A trains link is not supply (its kind is set below).
  ['M', 'Q', HT],
];

function fixture() {
  const { bundle, inRegion } = setup(orgs, links);
  bundle.links[7]!.kind = 'trains';
  bundle.links[1]!.kind = 'subcontract';
  return { bundle, inRegion };
}

describe('matrixSuppliers', () => {
  it('names the distinct suppliers of each (prime, capability), split by region', () => {
    const { bundle, inRegion } = fixture();
    const cells = matrixSuppliers(bundle, inRegion);
    expect([...cells.keys()].sort()).toEqual([cellKey('P', HT), cellKey('Q', MS)].sort());
    expect(cells.get(cellKey('P', HT))).toEqual({
      prime: 'P',
      capability: HT,
      suppliers: ['H', 'O1', 'O2'],
      inRegion: ['H'],
      outOfRegion: ['O1', 'O2'],
    });
    expect(cells.get(cellKey('Q', MS))?.suppliers).toEqual(['O1']);
  });

  it('leaves out excluded suppliers and primes', () => {
    const { bundle, inRegion } = fixture();
    const cells = matrixSuppliers(bundle, inRegion, ['O1', 'Q']);
    expect([...cells.keys()]).toEqual([cellKey('P', HT)]);
    expect(cells.get(cellKey('P', HT))?.suppliers).toEqual(['H', 'O2']);
  });

  it('agrees with dependencyMatrix on the counts, with and without removals', () => {
    const { bundle, inRegion } = fixture();
    const graph = buildSupplyGraph(bundle, inRegion);
    for (const removed of [[], ['H'], ['O2', 'Q']]) {
      const cells = matrixSuppliers(bundle, inRegion, removed);
      const counts = dependencyMatrix(removeOrgs(graph, removed).graph).map((cell) => {
        const named = cells.get(cellKey(cell.prime, cell.capability));
        return [cell.inRegion, cell.outOfRegion, named?.inRegion.length, named?.outOfRegion.length];
      });
      for (const [a, b, c, d] of counts) expect([c, d]).toEqual([a, b]);
      expect(counts.length).toBe(cells.size);
    }
  });
});

describe('cellSuppliers', () => {
  it.each([
    { name: 'three suppliers, one with two links', prime: 'P', capability: HT, want: ['H', 'O1', 'O2'] },
    {
      name: "a link without capability uses the supplier's primary NAICS",
      prime: 'Q',
      capability: MS,
      want: ['O1'],
    },
    { name: 'a trains link and a self-link are not supply', prime: 'Q', capability: HT, want: [] },
    { name: 'a manufacturer has no matrix row', prime: 'M', capability: HT, want: [] },
    { name: 'an unknown prime has none', prime: 'nobody', capability: HT, want: [] },
  ])('$name', ({ prime, capability, want }) => {
    const { bundle } = fixture();
    expect(cellSuppliers(bundle, prime, capability)).toEqual(want);
  });

  it('leaves out excluded suppliers', () => {
    const { bundle } = fixture();
    expect(cellSuppliers(bundle, 'P', HT, ['O2'])).toEqual(['H', 'O1']);
    expect(cellSuppliers(bundle, 'P', HT, ['P'])).toEqual([]);
  });
});
