import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import type { Bundle, Link, OrgKind } from '../domain/model.ts';
import { findGaps } from './gaps.ts';
import { dependencyMatrix } from './matrix.ts';
import { buildSupplyGraph } from './supply-graph.ts';
import {
  HEAT_TREATING_SPLIT,
  HT,
  MS,
  primeBuying,
  specGraph,
  TEST_PRIME,
  testBundle,
} from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';
import type { Gap, GapFlag, MatrixCell } from './types.ts';
import { removeOrgs } from './what-if.ts';

const label = (id: string) => `label ${id}`;

const graphOf = specGraph;

const prime = TEST_PRIME;
const trainer: OrgSpec = { id: 'T', kind: 'training', trains: [HT, MS] };

interface Case {
  name: string;
  orgs: OrgSpec[];
  links: LinkSpec[];
  /** The gap of HT expected, as the fields the case is about; null: HT is not in the gap list. */
  gap: Partial<Gap> | null;
}

const cases: Case[] = [
  {
    name: 'heat treating bought 100k locally and 150k + 50k outside, no trainer → single-source, leakage, workforce',
    orgs: [prime, ...HEAT_TREATING_SPLIT.orgs],
    links: HEAT_TREATING_SPLIT.links,
    gap: {
      demand: 300_000,
      localValue: 100_000,
      importedValue: 200_000,
      leakage: 0.6667,
      localSuppliers: 1,
      flags: ['single-source', 'leakage', 'workforce'],
    },
  },
  {
    name: 'the same with a local trainer → single-source and leakage only',
    orgs: [prime, trainer, ...HEAT_TREATING_SPLIT.orgs],
    links: HEAT_TREATING_SPLIT.links,
    gap: { importedValue: 200_000, trainers: 1, flags: ['single-source', 'leakage'] },
  },
  {
    name: 'two local suppliers at 90/10 → HHI 0.82 → concentrated',
    ...primeBuying([90, 10], trainer),
    gap: { hhi: 0.82, flags: ['concentrated'] },
  },
  {
    name: 'two local suppliers at 50/50 → HHI 0.5 → concentrated',
    ...primeBuying([50, 50], trainer),
    gap: { hhi: 0.5, flags: ['concentrated'] },
  },
  {
    name: 'four equal local suppliers → HHI 0.25 → concentrated (the boundary is inclusive)',
    ...primeBuying([10, 10, 10, 10], trainer),
    gap: { hhi: 0.25, localSuppliers: 4, flags: ['concentrated'] },
  },
  {
    name: 'five equal local suppliers → HHI 0.2 → not concentrated, and listed with no flag',
    ...primeBuying([10, 10, 10, 10, 10], trainer),
    gap: { hhi: 0.2, localSuppliers: 5, flags: [] },
  },
  {
    name: 'a capability bought only from outside → missing (and no leakage flag without local capacity)',
    orgs: [prime, trainer, { id: 'O', naics: [HT], inRegion: false }],
    links: [['O', 'P', HT, 70]],
    gap: { importedValue: 70, leakage: 1, localSuppliers: 0, flags: ['missing'] },
  },
  {
    name: 'a training organization in the region that trains the capability → no workforce flag',
    orgs: [prime, { id: 'T', kind: 'training', trains: [HT] }, { id: 'O', inRegion: false }],
    links: [['O', 'P', HT, 70]],
    gap: { trainers: 1, flags: ['missing'] },
  },
  {
    name: 'a training organization outside the region that trains the capability → workforce flag',
    orgs: [prime, { id: 'T', kind: 'training', trains: [HT], inRegion: false }, { id: 'O', inRegion: false }],
    links: [['O', 'P', HT, 70]],
    gap: { trainers: 0, flags: ['missing', 'workforce'] },
  },
  {
    name: 'needs add to demand and to imported value',
    orgs: [{ ...prime, needs: [{ capability: HT, annualValue: 300 }] }, trainer, { id: 'A' }],
    links: [['A', 'P', HT, 100]],
    gap: {
      demand: 400,
      demandLinks: 2,
      localValue: 100,
      importedValue: 300,
      leakage: 0.75,
      flags: ['single-source', 'leakage'],
    },
  },
  {
    name: 'a need alone, without a value, puts the capability in demand',
    orgs: [{ ...prime, needs: [{ capability: HT }] }, trainer],
    links: [],
    gap: { demand: 0, demandLinks: 1, importedValue: 0, leakage: 0, flags: ['missing'] },
  },
  {
    name: 'links without value → demand 0 but demandLinks > 0, still listed',
    orgs: [prime, trainer, { id: 'A' }, { id: 'B' }],
    links: [
      ['A', 'P', HT],
      ['B', 'P', HT],
    ],
    gap: { demand: 0, demandLinks: 2, leakage: 0, hhi: null, localSuppliers: 2, flags: [] },
  },
  {
    name: 'a link from outside to a buyer outside the region → no demand, not listed',
    orgs: [prime, trainer, { id: 'O', inRegion: false }, { id: 'X', inRegion: false }],
    links: [['O', 'X', HT, 100]],
    gap: null,
  },
  {
    name: "the supplier's primary NAICS is used when the link has no capability",
    orgs: [prime, trainer, { id: 'A', naics: [HT, MS] }],
    links: [['A', 'P', undefined, 100]],
    gap: { demand: 100, localSuppliers: 1, flags: ['single-source'] },
  },
];

describe('findGaps', () => {
  it.each(cases)('$name', ({ orgs, links, gap }) => {
    const found = findGaps(graphOf(orgs, links), label).find((g) => g.capability === HT);
    if (gap === null) {
      expect(found).toBeUndefined();
      return;
    }
    expect(found).toBeDefined();
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    expect({
      ...found!,
      leakage: round(found!.leakage),
      hhi: found!.hhi === null ? null : round(found!.hhi),
    }).toMatchObject({ capability: HT, label: `label ${HT}`, ...gap });
  });

  it('a removed organization (kind 255, offers empty) does not count as a supplier', () => {
    const graph = graphOf(
      [prime, trainer, { id: 'A', naics: [HT] }, { id: 'O', inRegion: false }],
      [['O', 'P', HT, 10]],
    );
    expect(findGaps(graph, label)[0]).toMatchObject({
      localSuppliers: 1,
      flags: ['single-source', 'leakage'],
    });
    const { graph: reduced } = removeOrgs(graph, ['A']);
    expect(reduced.kind[graph.orgIndex.get('A')!]).toBe(255);
    expect(findGaps(reduced, label)[0]).toMatchObject({ localSuppliers: 0, flags: ['missing'] });
  });

  it('ranks by imported value, then demand, then demand links, then capability id', () => {
    const orgs: OrgSpec[] = [prime, { id: 'O', inRegion: false }, { id: 'A' }];
    const links: LinkSpec[] = [
      ['O', 'P', 'imports-50', 50],
      ['O', 'P', 'imports-20', 20],
      ['A', 'P', 'demand-20', 10],
      ['O', 'P', 'demand-20', 10],
      ['O', 'P', 'b-tie', 10],
      ['O', 'P', 'a-tie', 10],
      ['A', 'P', 'two-links'],
      ['A', 'P', 'two-links'],
      ['A', 'P', 'one-link'],
    ];
    expect(findGaps(graphOf(orgs, links), label).map((g) => g.capability)).toEqual([
      'imports-50',
      'imports-20',
      'demand-20',
      'a-tie',
      'b-tie',
      'two-links',
      'one-link',
    ]);
  });

  it('labels each gap with the given function', () => {
    const gaps = findGaps(graphOf([prime, { id: 'A' }], [['A', 'P', HT, 1]]), (id) => `Heat (${id})`);
    expect(gaps.map((g) => g.label)).toEqual([`Heat (${HT})`]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Cross-check against a plain implementation of DESIGN.md §3 over the bundle objects, written apart from the
// compact graph: Maps and Sets keyed by ids, no typed arrays, no shared helpers.

/** A gap as the brute force states it: every number, and the flags; no label. */
type BruteGap = Omit<Gap, 'label'>;

function bruteGaps(bundle: Bundle, inRegion: ReadonlySet<string>): BruteGap[] {
  const orgs = new Map(bundle.organizations.map((o) => [o.id as string, o]));
  const supply = bundle.links.filter((l) => l.kind === 'supplies' || l.kind === 'subcontract');
  const capabilityOf = (l: Link) => l.capability ?? orgs.get(l.source)?.naics[0];
  const capabilities = new Set<string>();
  for (const l of supply) {
    const c = capabilityOf(l);
    if (c !== undefined) capabilities.add(c);
  }
  for (const o of bundle.organizations) for (const n of o.needs) capabilities.add(n.capability);

  const gaps: BruteGap[] = [];
  for (const c of capabilities) {
    const demandItems: { source: string | null; value: number }[] = [];
    for (const l of supply) {
      if (capabilityOf(l) === c && inRegion.has(l.target))
        demandItems.push({ source: l.source, value: l.value ?? 0 });
    }
    for (const o of bundle.organizations) {
      if (!inRegion.has(o.id)) continue;
      for (const n of o.needs)
        if (n.capability === c) demandItems.push({ source: null, value: n.annualValue ?? 0 });
    }
    if (demandItems.length === 0) continue;
    const isLocal = (item: { source: string | null }) => item.source !== null && inRegion.has(item.source);
    const demand = demandItems.reduce((sum, item) => sum + item.value, 0);
    const localValue = demandItems.filter(isLocal).reduce((sum, item) => sum + item.value, 0);
    const importedValue = demandItems
      .filter((item) => !isLocal(item))
      .reduce((sum, item) => sum + item.value, 0);

    const suppliers = new Set<string>();
    for (const o of bundle.organizations) {
      if (inRegion.has(o.id) && (o.naics.includes(c) || o.capabilities.some((x) => x === c)))
        suppliers.add(o.id);
    }
    for (const l of supply) if (capabilityOf(l) === c && inRegion.has(l.source)) suppliers.add(l.source);

    let hhi: number | null = null;
    if (localValue > 0) {
      hhi = 0;
      for (const s of suppliers) {
        const sold = demandItems
          .filter((item) => item.source === s)
          .reduce((sum, item) => sum + item.value, 0);
        hhi += (sold / localValue) ** 2;
      }
    }
    const trainers = bundle.organizations.filter(
      (o) => o.kind === 'training' && inRegion.has(o.id) && o.trains.some((x) => x === c),
    ).length;
    const leakage = demand === 0 ? 0 : importedValue / demand;
    const flags: GapFlag[] = [];
    if (suppliers.size === 0) flags.push('missing');
    if (suppliers.size === 1) flags.push('single-source');
    if (suppliers.size > 0 && leakage >= 0.5) flags.push('leakage');
    if (suppliers.size > 1 && hhi !== null && hhi >= 0.25) flags.push('concentrated');
    if (trainers === 0) flags.push('workforce');
    gaps.push({
      capability: c,
      demand,
      demandLinks: demandItems.length,
      localValue,
      importedValue,
      leakage,
      localSuppliers: suppliers.size,
      hhi,
      trainers,
      flags,
    });
  }
  return gaps.sort(
    (a, b) =>
      b.importedValue - a.importedValue ||
      b.demand - a.demand ||
      b.demandLinks - a.demandLinks ||
      (a.capability < b.capability ? -1 : 1),
  );
}

function bruteMatrix(bundle: Bundle, inRegion: ReadonlySet<string>): MatrixCell[] {
  const orgs = new Map(bundle.organizations.map((o) => [o.id as string, o]));
  const suppliers = new Map<string, Set<string>>();
  for (const l of bundle.links) {
    if (l.kind !== 'supplies' && l.kind !== 'subcontract') continue;
    if (orgs.get(l.target)?.kind !== 'prime' || l.source === l.target) continue;
    const c = l.capability ?? orgs.get(l.source)?.naics[0];
    if (c === undefined) continue;
    const key = JSON.stringify([l.target, c]);
    suppliers.set(key, (suppliers.get(key) ?? new Set()).add(l.source));
  }
  return [...suppliers]
    .map(([key, set]): MatrixCell => {
      const [prime, capability] = JSON.parse(key) as [string, string];
      const inside = [...set].filter((s) => inRegion.has(s)).length;
      return { prime, capability, inRegion: inside, outOfRegion: set.size - inside };
    })
    .sort((a, b) =>
      a.prime !== b.prime ? (a.prime < b.prime ? -1 : 1) : a.capability < b.capability ? -1 : 1,
    );
}

/** A small random bundle: every kind of link, self-links, missing values and capabilities, needs, trainers. */
function randomCase(seed: number): { bundle: Bundle; inRegion: Set<string>; remove: string[] } {
  const random = randomLcg(seed / 1000);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], max: number): T[] =>
    Array.from({ length: int(max + 1) }, () => pick(items));
  const pool = [HT, MS, '336413', 'nadcap-ht'];
  const naicsPool = [HT, MS, '336413'];
  const kinds: OrgKind[] = ['prime', 'manufacturer', 'manufacturer', 'training', 'support'];
  const value = () => (random() < 0.25 ? undefined : random() < 0.5 ? int(5) * 25 : int(300));

  const orgCount = 1 + int(10);
  const orgs: OrgSpec[] = Array.from({ length: orgCount }, (_, i) => ({
    id: `o${i}`,
    kind: pick(kinds),
    inRegion: random() < 0.6,
    naics: [...new Set(some(naicsPool, 2))],
    capabilities: [...new Set(some(pool, 1))],
    trains: some(pool, 2),
    needs: some(pool, 1).map((capability) => ({ capability, annualValue: value() })),
  }));
  const links: LinkSpec[] = Array.from({ length: int(16) }, () => [
    pick(orgs).id,
    pick(orgs).id,
    random() < 0.3 ? undefined : pick(pool),
    value(),
  ]);
  const bundle = testBundle(orgs, links);
  const linkKinds: Link['kind'][] = ['supplies', 'supplies', 'subcontract', 'trains', 'partners'];
  bundle.links = bundle.links.map((l) => ({ ...l, kind: pick(linkKinds) }));
  const inRegion = new Set(orgs.filter((o) => o.inRegion).map((o) => o.id));
  const remove = random() < 0.3 ? [pick(orgs).id] : [];
  return { bundle, inRegion, remove };
}

/**
 * What a what-if removal means for the gaps: the organizations neither buy, need nor count as region members,
 * but what they sold is still needed, so their sales stay as demand bought from outside the region.
 */
function salesImported(
  bundle: Bundle,
  inRegion: ReadonlySet<string>,
  ids: readonly string[],
): { bundle: Bundle; inRegion: Set<string> } {
  const gone = new Set(ids);
  return {
    bundle: {
      ...bundle,
      organizations: bundle.organizations.map((o) =>
        gone.has(o.id) ? { ...o, needs: [], capabilities: [], naics: o.naics.slice(0, 1), trains: [] } : o,
      ),
      links: bundle.links.filter((l) => !gone.has(l.target)),
    },
    inRegion: new Set([...inRegion].filter((id) => !gone.has(id))),
  };
}

/** The bundle without the given organizations and their links: what a what-if removal means for suppliers. */
function withoutOrgs(bundle: Bundle, ids: readonly string[]): Bundle {
  const gone = new Set(ids);
  return {
    ...bundle,
    organizations: bundle.organizations.filter((o) => !gone.has(o.id)),
    links: bundle.links.filter((l) => !gone.has(l.source) && !gone.has(l.target)),
  };
}

describe('findGaps and dependencyMatrix against a brute-force implementation', () => {
  it('agree on 200 random small bundles, some with a what-if removal', () => {
    let listed = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { bundle, inRegion, remove } = randomCase(seed);
      const mask = Uint8Array.from(bundle.organizations, (o) => (inRegion.has(o.id) ? 1 : 0));
      const graph = removeOrgs(buildSupplyGraph(bundle, mask), remove).graph;
      const reference = withoutOrgs(bundle, remove);
      const imported = salesImported(bundle, inRegion, remove);
      const gaps = findGaps(graph, label);
      const expected = bruteGaps(imported.bundle, imported.inRegion);
      listed += gaps.length;
      expect(
        gaps.map(({ label: _, ...stats }) => stats),
        `seed ${seed}`,
      ).toEqual(
        expected.map((gap) => ({
          ...gap,
          leakage: expect.closeTo(gap.leakage, 9),
          hhi: gap.hhi === null ? null : expect.closeTo(gap.hhi, 9),
        })),
      );
      expect(dependencyMatrix(graph), `seed ${seed}`).toEqual(bruteMatrix(reference, inRegion));
    }
    // The cases exercise the rules rather than come out empty.
    expect(listed).toBeGreaterThan(200);
  });
});
