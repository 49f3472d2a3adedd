import { describe, expect, it } from 'vitest';
import { capabilityStats, isInDemand } from './capability-stats.ts';
import { REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import { HEAT_TREATING_SPLIT, HT, MS, primeBuying, specGraph, TEST_PRIME } from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';
import type { CapabilityStats } from './types.ts';
import { testStats } from './test-results.ts';
import { removeOrgs } from './what-if.ts';

const graphOf = specGraph;

/** Stats of one capability with leakage and HHI rounded to 4 places, as written in the cases; null if absent. */
function statsOf(graph: SupplyGraph, capability: string): CapabilityStats | null {
  const stats = capabilityStats(graph).find((s) => s.capability === capability);
  if (stats === undefined) return null;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { ...stats, leakage: round(stats.leakage), hhi: stats.hhi === null ? null : round(stats.hhi) };
}

/** Expected stats of one capability, zero unless stated. */
function expected(capability: string, numbers: Partial<CapabilityStats>): CapabilityStats {
  return testStats({ capability, ...numbers });
}

const prime = TEST_PRIME;

interface Case {
  name: string;
  orgs: OrgSpec[];
  links: LinkSpec[];
  capability: string;
  /** null: the capability is not in demand, so it has no stats. */
  stats: CapabilityStats | null;
}

const cases: Case[] = [
  {
    name: 'a prime buying heat treating for 100k locally and 150k + 50k outside has 2/3 leakage and one local supplier',
    orgs: [prime, ...HEAT_TREATING_SPLIT.orgs],
    links: HEAT_TREATING_SPLIT.links,
    capability: HT,
    stats: expected(HT, {
      demand: 300_000,
      demandLinks: 3,
      localValue: 100_000,
      importedValue: 200_000,
      leakage: 0.6667,
      localSuppliers: 1,
      hhi: 1,
    }),
  },
  {
    name: 'two local suppliers selling 90 and 10 have an HHI of 0.82',
    ...primeBuying([90, 10]),
    capability: HT,
    stats: expected(HT, { demand: 100, demandLinks: 2, localValue: 100, localSuppliers: 2, hhi: 0.82 }),
  },
  {
    name: 'two local suppliers selling 50 and 50 have an HHI of 0.5',
    ...primeBuying([50, 50]),
    capability: HT,
    stats: expected(HT, { demand: 100, demandLinks: 2, localValue: 100, localSuppliers: 2, hhi: 0.5 }),
  },
  {
    name: 'four equal local suppliers have an HHI of exactly 0.25',
    ...primeBuying([30, 30, 30, 30]),
    capability: HT,
    stats: expected(HT, { demand: 120, demandLinks: 4, localValue: 120, localSuppliers: 4, hhi: 0.25 }),
  },
  {
    name: 'five equal local suppliers have an HHI of 0.2',
    ...primeBuying([7, 7, 7, 7, 7]),
    capability: HT,
    stats: expected(HT, { demand: 35, demandLinks: 5, localValue: 35, localSuppliers: 5, hhi: 0.2 }),
  },
  {
    name: "a supplier's links to several local buyers add up to one share (60/40 → HHI 0.52)",
    orgs: [prime, { id: 'Q', kind: 'prime' }, { id: 'A' }, { id: 'B' }],
    links: [
      ['A', 'P', HT, 30],
      ['A', 'Q', HT, 30],
      ['B', 'P', HT, 40],
    ],
    capability: HT,
    stats: expected(HT, { demand: 100, demandLinks: 3, localValue: 100, localSuppliers: 2, hhi: 0.52 }),
  },
  {
    name: 'a local firm that offers the capability but sold nothing locally is a supplier with share 0',
    orgs: [prime, { id: 'A' }, { id: 'B', naics: [HT] }],
    links: [['A', 'P', HT, 100]],
    capability: HT,
    stats: expected(HT, { demand: 100, demandLinks: 1, localValue: 100, localSuppliers: 2, hhi: 1 }),
  },
  {
    name: 'a capability bought only from outside has no local supplier and no HHI',
    orgs: [prime, { id: 'O', naics: [HT], inRegion: false }],
    links: [['O', 'P', HT, 80]],
    capability: HT,
    stats: expected(HT, { demand: 80, demandLinks: 1, importedValue: 80, leakage: 1 }),
  },
  {
    name: 'listing a capability in `capabilities` (not only `naics`) makes a local supplier',
    orgs: [prime, { id: 'N', capabilities: ['nadcap-heat-treat'] }, { id: 'O', inRegion: false }],
    links: [['O', 'P', 'nadcap-heat-treat', 10]],
    capability: 'nadcap-heat-treat',
    stats: expected('nadcap-heat-treat', {
      demand: 10,
      demandLinks: 1,
      importedValue: 10,
      leakage: 1,
      localSuppliers: 1,
    }),
  },
  {
    name: 'supplying a capability to a buyer outside the region makes a local supplier but no demand',
    orgs: [prime, { id: 'L' }, { id: 'X', inRegion: false }, { id: 'O', inRegion: false }],
    links: [
      ['L', 'X', HT, 500],
      ['O', 'P', HT, 100],
    ],
    capability: HT,
    stats: expected(HT, { demand: 100, demandLinks: 1, importedValue: 100, leakage: 1, localSuppliers: 1 }),
  },
  {
    name: 'needs of a region member add to demand and to imported value',
    orgs: [{ ...prime, needs: [{ capability: HT, annualValue: 40 }, { capability: HT }] }, { id: 'A' }],
    links: [['A', 'P', HT, 60]],
    capability: HT,
    stats: expected(HT, {
      demand: 100,
      demandLinks: 3,
      localValue: 60,
      importedValue: 40,
      leakage: 0.4,
      localSuppliers: 1,
      hhi: 1,
    }),
  },
  {
    name: 'needs of an organization outside the region are no demand',
    orgs: [{ ...prime, inRegion: false, needs: [{ capability: HT, annualValue: 40 }] }],
    links: [],
    capability: HT,
    stats: null,
  },
  {
    name: 'links without a value count in demandLinks, add no dollars and keep the capability in demand',
    orgs: [prime, { id: 'A' }, { id: 'O', inRegion: false }],
    links: [
      ['A', 'P', HT],
      ['O', 'P', HT],
    ],
    capability: HT,
    stats: expected(HT, { demandLinks: 2, localSuppliers: 1 }),
  },
  {
    name: 'a link from outside to a buyer outside the region is no demand',
    orgs: [prime, { id: 'O', inRegion: false }, { id: 'X', inRegion: false }],
    links: [['O', 'X', HT, 100]],
    capability: HT,
    stats: null,
  },
  {
    name: "the supplier's primary (first) NAICS is the capability of a link that has none",
    orgs: [prime, { id: 'S', naics: [HT, MS] }],
    links: [['S', 'P', undefined, 100]],
    capability: HT,
    stats: expected(HT, { demand: 100, demandLinks: 1, localValue: 100, localSuppliers: 1, hhi: 1 }),
  },
  {
    name: "a supplier's secondary NAICS gets no demand from a link without capability",
    orgs: [prime, { id: 'S', naics: [HT, MS] }],
    links: [['S', 'P', undefined, 100]],
    capability: MS,
    stats: null,
  },
  {
    name: 'a self-link of a region member is local demand',
    orgs: [prime],
    links: [['P', 'P', HT, 25]],
    capability: HT,
    stats: expected(HT, { demand: 25, demandLinks: 1, localValue: 25, localSuppliers: 1, hhi: 1 }),
  },
  {
    name: 'a training organization in the region that trains the capability is a trainer',
    orgs: [prime, { id: 'T', kind: 'training', trains: [HT] }, { id: 'O', inRegion: false }],
    links: [['O', 'P', HT, 1]],
    capability: HT,
    stats: expected(HT, { demand: 1, demandLinks: 1, importedValue: 1, leakage: 1, trainers: 1 }),
  },
  {
    name: 'a training organization outside the region, or a non-training one, is no trainer',
    orgs: [
      prime,
      { id: 'T', kind: 'training', trains: [HT], inRegion: false },
      { id: 'S', kind: 'support', trains: [HT] },
      { id: 'O', inRegion: false },
    ],
    links: [['O', 'P', HT, 1]],
    capability: HT,
    stats: expected(HT, { demand: 1, demandLinks: 1, importedValue: 1, leakage: 1 }),
  },
];

describe('capabilityStats', () => {
  it.each(cases)('$name', ({ orgs, links, capability, stats }) => {
    expect(statsOf(graphOf(orgs, links), capability)).toEqual(stats);
  });

  it('ignores a link with neither a capability nor a supplier NAICS', () => {
    expect(capabilityStats(graphOf([prime, { id: 'S' }], [['S', 'P', undefined, 100]]))).toEqual([]);
  });

  it('ignores `trains` and `partners` links: they are not supply', () => {
    for (const kind of ['trains', 'partners'] as const) {
      expect(capabilityStats(graphOf([prime, { id: 'A' }], [['A', 'P', HT, 100]], kind))).toEqual([]);
    }
  });

  it('lists capabilities in capability index order', () => {
    const graph = graphOf(
      [{ ...prime, naics: [MS] }, { id: 'A' }],
      [
        ['A', 'P', HT, 1],
        ['A', 'P', MS, 1],
      ],
    );
    expect(capabilityStats(graph).map((s) => s.capability)).toEqual([MS, HT]);
  });

  it('does not count an organization removed by a what-if as a supplier: what P bought from it is now imported', () => {
    const graph = graphOf(
      [prime, { id: 'A', naics: [HT] }, { id: 'B', naics: [HT] }, { id: 'O', inRegion: false }],
      [
        ['A', 'P', HT, 60],
        ['O', 'P', HT, 40],
      ],
    );
    // P still needs the $60 it bought from A: demand stays 100, all of it bought outside, no local supplier.
    expect(statsOf(removeOrgs(graph, ['A', 'B']).graph, HT)).toEqual(
      expected(HT, { demand: 100, demandLinks: 2, importedValue: 100, leakage: 1 }),
    );
  });

  it('does not count an organization of REMOVED_KIND as local even if its region bit is still set', () => {
    const graph = graphOf(
      [prime, { id: 'A', kind: 'training', trains: [HT] }, { id: 'O', inRegion: false }],
      [['O', 'P', HT, 40]],
    );
    const kind = graph.kind.slice();
    kind[graph.orgIndex.get('A')!] = REMOVED_KIND;
    const offersStart = new Int32Array(graph.orgCount + 1);
    const removed: SupplyGraph = { ...graph, kind, offersStart, offers: new Int32Array(0) };
    expect(statsOf(removed, HT)).toEqual(
      expected(HT, { demand: 40, demandLinks: 1, importedValue: 40, leakage: 1 }),
    );
  });
});

describe('isInDemand', () => {
  it.each([
    { demand: 0, demandLinks: 0, inDemand: false },
    { demand: 0, demandLinks: 1, inDemand: true },
    { demand: 5, demandLinks: 1, inDemand: true },
  ])('demand $demand with $demandLinks demand links → $inDemand', ({ demand, demandLinks, inDemand }) => {
    expect(isInDemand({ demand, demandLinks })).toBe(inDemand);
  });
});
