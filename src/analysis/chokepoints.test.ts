import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import {
  chokepointsOf,
  compareChokepoints,
  chokepointCounter,
  chokepointsOfOnTwo,
  cutFinder,
  findChokepoints,
  primeChokepoints,
  primeResilience,
  resilienceOf,
  resilienceOnTwo,
  supplierRisks,
} from './chokepoints.ts';
import type { BlockHelper, Chokepoint, PrimeResilience } from './chokepoints.ts';
import { compareText } from './compare-text.ts';
import { blockCount, dominanceFrame } from './dominance.ts';
import { KIND_CODE, REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import { HT, MS, specGraph } from './test-bundle.ts';
import type { LinkSpec, OrgSpec } from './test-bundle.ts';

const P: OrgSpec = { id: 'P', kind: 'prime' };
const orgs = (...ids: string[]): OrgSpec[] => [P, ...ids.map((id) => ({ id }))];
/** Chokepoints as [prime, supplier, cutOff, exposure, capabilitiesLost] rows, for short expectations. */
const rows = (graph: SupplyGraph) =>
  findChokepoints(graph).map((c) => [c.prime, c.supplier, c.cutOff, c.exposure, c.capabilitiesLost]);

describe('findChokepoints on hand-computed graphs', () => {
  it('a chain: each link of it cuts off everything below', () => {
    // C → B → A → P; A sells P machining at 100/yr.
    const graph = specGraph(orgs('A', 'B', 'C'), [
      ['C', 'B'],
      ['B', 'A'],
      ['A', 'P', MS, 100],
    ]);
    expect(rows(graph)).toEqual([
      ['P', 'A', ['B', 'C'], 100, [MS]],
      ['P', 'B', ['C'], 0, []],
    ]);
  });

  it('a diamond: the tier-2 has two routes, so only the sole suppliers of a capability count', () => {
    // D → B → P (machining), D → C → P (heat treating): B and C each supply one capability alone.
    const graph = specGraph(orgs('B', 'C', 'D'), [
      ['D', 'B'],
      ['D', 'C'],
      ['B', 'P', MS, 40],
      ['C', 'P', HT, 60],
    ]);
    expect(rows(graph)).toEqual([
      ['P', 'C', [], 60, [HT]],
      ['P', 'B', [], 40, [MS]],
    ]);
  });

  it('a shared tier-2 behind two tier-1s cuts off its own suppliers, with no dollars of its own', () => {
    // X → T → A → P and T → B → P; A and B both supply machining, so neither is sole.
    const graph = specGraph(orgs('A', 'B', 'T', 'X'), [
      ['X', 'T'],
      ['T', 'A'],
      ['T', 'B'],
      ['A', 'P', MS, 10],
      ['B', 'P', MS, 20],
    ]);
    expect(rows(graph)).toEqual([['P', 'T', ['X'], 0, []]]);
  });

  it('merges parallel links, sums their dollars, and ignores opposite links and self-links for cut-offs', () => {
    // A sells P heat treating twice (30 + 70); P sells A something back; B → A; A → A.
    const graph = specGraph(orgs('A', 'B'), [
      ['A', 'P', HT, 30],
      ['A', 'P', HT, 70],
      ['P', 'A', MS, 5],
      ['B', 'A', MS, 1],
      ['A', 'A', MS, 1],
    ]);
    expect(rows(graph)).toEqual([['P', 'A', ['B'], 100, [HT]]]);
  });

  it('follows cycles: a supplier in a loop with its only customer is still cut off with it', () => {
    // A ⇄ B, A → P: B reaches P only through A. C → B and C → P: C keeps its own route.
    const graph = specGraph(orgs('A', 'B', 'C'), [
      ['A', 'B'],
      ['B', 'A'],
      ['A', 'P', HT, 50],
      ['C', 'B'],
      ['C', 'P', MS, 5],
    ]);
    expect(rows(graph)).toEqual([
      ['P', 'A', ['B'], 50, [HT]],
      ['P', 'C', [], 5, [MS]],
    ]);
  });

  it('each prime has its own: a supplier feeding two primes is a chokepoint of the one it alone feeds', () => {
    const graph = specGraph(
      [P, { id: 'Q', kind: 'prime' }, { id: 'A' }, { id: 'B' }, { id: 'S' }],
      [
        ['S', 'A'],
        ['S', 'B'],
        ['A', 'P', MS, 10],
        ['B', 'P', MS, 10],
        ['A', 'Q', MS, 7],
      ],
    );
    expect(rows(graph)).toEqual([['Q', 'A', ['S'], 7, [MS]]]);
  });
});

/** The definitions applied literally: remove each upstream organization and search again. */
function bruteForce(graph: SupplyGraph): Chokepoint[] {
  const n = graph.orgCount;
  const suppliers: Set<number>[] = Array.from({ length: n }, () => new Set());
  const usable = (l: number) => {
    const s = graph.linkSource[l]!;
    const t = graph.linkTarget[l]!;
    return s !== t && graph.kind[s] !== REMOVED_KIND && graph.kind[t] !== REMOVED_KIND;
  };
  for (let l = 0; l < graph.linkCount; l++)
    if (usable(l)) suppliers[graph.linkTarget[l]!]!.add(graph.linkSource[l]!);
  const reach = (p: number, without: number): Set<number> => {
    const seen = new Set([p]);
    const queue = [p];
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const w of suppliers[v]!)
        if (w !== without && !seen.has(w)) {
          seen.add(w);
          queue.push(w);
        }
    }
    return seen;
  };
  const out: Chokepoint[] = [];
  for (let p = 0; p < n; p++) {
    if (graph.kind[p] !== KIND_CODE.prime) continue;
    const upstream = reach(p, -1);
    for (const s of upstream) {
      if (s === p) continue;
      const still = reach(p, s);
      const cut = [...upstream].filter((v) => v !== s && !still.has(v));
      const gone = new Set([s, ...cut]);
      let exposure = 0;
      const direct = new Map<number, Set<number>>();
      for (let l = 0; l < graph.linkCount; l++) {
        if (!usable(l) || graph.linkTarget[l] !== p) continue;
        const source = graph.linkSource[l]!;
        if (gone.has(source) && graph.linkValue[l]! > 0) exposure += graph.linkValue[l]!;
        const c = graph.linkCapability[l]!;
        if (c >= 0) direct.set(c, (direct.get(c) ?? new Set()).add(source));
      }
      const lost = [...direct]
        .filter(([, from]) => [...from].every((v) => gone.has(v)))
        .map(([c]) => graph.capabilityIds[c]!);
      if (cut.length === 0 && lost.length === 0) continue;
      out.push({
        prime: graph.orgIds[p]!,
        supplier: graph.orgIds[s]!,
        cutOff: cut.map((v) => graph.orgIds[v]!).sort(compareText),
        exposure,
        capabilitiesLost: lost.sort(compareText),
      });
    }
  }
  return out.sort(compareChokepoints);
}

describe('supplierRisks', () => {
  it('sums a supplier over the primes, unions what they lose, and ranks by dollars, then reach', () => {
    // A alone sells machining to P1 (50) and P2 (30); B feeds only A; C alone sells P2 heat treating (70);
    // D → C, E → C. A: 80 at risk, cuts off B for both primes; C: 70, cuts off D and E for P2.
    const graph = specGraph(
      [
        { id: 'P1', kind: 'prime' },
        { id: 'P2', kind: 'prime' },
        { id: 'A' },
        { id: 'B' },
        { id: 'C' },
        { id: 'D' },
        { id: 'E' },
      ],
      [
        ['A', 'P1', MS, 50],
        ['A', 'P2', MS, 30],
        ['B', 'A'],
        ['C', 'P2', HT, 70],
        ['D', 'C'],
        ['E', 'C'],
      ],
    );
    expect(supplierRisks(graph)).toEqual([
      {
        supplier: 'A',
        exposure: 80,
        primes: ['P1', 'P2'],
        capabilitiesLost: [MS],
        largestCutOff: 1,
      },
      { supplier: 'C', exposure: 70, primes: ['P2'], capabilitiesLost: [HT], largestCutOff: 2 },
    ]);
  });
});

describe('primeResilience', () => {
  it("counts a prime's single routes, its dollars on chokepoints and its deepest single dependency", () => {
    // P buys machining from A (60) and B (40), heat treating from C alone (25); A's only supplier is D, whose
    // only supplier is E; C is fed by F and G. Chokepoints of P: A (cuts D, E), D (cuts E), C (heat treating).
    // Q buys machining from B alone (10).
    const graph = specGraph(
      [P, { id: 'Q', kind: 'prime' }, ...['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => ({ id }))],
      [
        ['A', 'P', MS, 60],
        ['B', 'P', MS, 40],
        ['C', 'P', HT, 25],
        ['D', 'A'],
        ['E', 'D'],
        ['F', 'C'],
        ['G', 'C'],
        ['B', 'Q', MS, 10],
      ],
    );
    expect(primeResilience(graph)).toEqual([
      {
        prime: 'P',
        purchases: 125,
        onChokepoints: 85,
        chokepoints: 3,
        singleRoute: [HT],
        deepest: { supplier: 'D', depth: 2, cutOff: 1 },
      },
      {
        prime: 'Q',
        purchases: 10,
        onChokepoints: 10,
        chokepoints: 1,
        singleRoute: [MS],
        deepest: { supplier: 'B', depth: 1, cutOff: 0 },
      },
    ]);
  });
});

/**
 * The per-prime summary from the brute force's pairs: a chokepoint's depth is one more than the number of the
 * prime's chokepoints that cut it off (its dominators below the prime).
 */
function bruteResilience(graph: SupplyGraph, pairs: readonly Chokepoint[]): PrimeResilience[] {
  const out: PrimeResilience[] = [];
  for (let p = 0; p < graph.orgCount; p++) {
    if (graph.kind[p] !== KIND_CODE.prime) continue;
    const prime = graph.orgIds[p]!;
    const mine = pairs.filter((c) => c.prime === prime);
    const bySupplier = new Map<number, number>();
    const byCapability = new Map<number, Set<number>>();
    for (let l = 0; l < graph.linkCount; l++) {
      const s = graph.linkSource[l]!;
      if (graph.linkTarget[l] !== p || s === p || graph.kind[s] === REMOVED_KIND) continue;
      const value = graph.linkValue[l]!;
      bySupplier.set(s, (bySupplier.get(s) ?? 0) + (value > 0 ? value : 0));
      const c = graph.linkCapability[l]!;
      if (c >= 0) byCapability.set(c, (byCapability.get(c) ?? new Set()).add(s));
    }
    const purchases = [...bySupplier.values()].reduce((a, b) => a + b, 0);
    const onChokepoints = [...bySupplier]
      .filter(([s]) => mine.some((c) => c.supplier === graph.orgIds[s]))
      .reduce((sum, [, v]) => sum + v, 0);
    const depths = mine.map((c) => ({
      supplier: c.supplier,
      depth: 1 + mine.filter((d) => d.cutOff.includes(c.supplier)).length,
      cutOff: c.cutOff.length,
    }));
    depths.sort((a, b) => b.depth - a.depth || b.cutOff - a.cutOff || compareText(a.supplier, b.supplier));
    out.push({
      prime,
      purchases,
      onChokepoints,
      chokepoints: mine.length,
      singleRoute: [...byCapability]
        .filter(([, from]) => from.size === 1)
        .map(([c]) => graph.capabilityIds[c]!)
        .sort(compareText),
      deepest: depths[0] ?? null,
    });
  }
  return out.sort((a, b) => compareText(a.prime, b.prime));
}

/** Every answer about chokepoints equals the brute force's on this graph. */
function expectBruteForce(graph: SupplyGraph): void {
  const expected = bruteForce(graph);
  expect(findChokepoints(graph)).toEqual(expected);
  // One supplier's chokepoints: the same pairs, without the others.
  for (const id of graph.orgIds)
    expect(chokepointsOf(graph, id)).toEqual(expected.filter((c) => c.supplier === id));
  expect(primeResilience(graph)).toEqual(bruteResilience(graph, expected));
  // One prime's chokepoints: the suppliers of its pairs.
  for (const id of graph.orgIds)
    expect(primeChokepoints(graph, id)).toEqual(
      [...new Set(expected.filter((c) => c.prime === id).map((c) => c.supplier))].sort(compareText),
    );
  // The ranking, summed here from the brute force's pairs.
  const bySupplier = new Map<string, Chokepoint[]>();
  for (const c of expected) bySupplier.set(c.supplier, [...(bySupplier.get(c.supplier) ?? []), c]);
  const ranked = [...bySupplier].map(([supplier, list]) => ({
    supplier,
    exposure: list.reduce((sum, c) => sum + c.exposure, 0),
    primes: list.map((c) => c.prime).sort(compareText),
    capabilitiesLost: [...new Set(list.flatMap((c) => c.capabilitiesLost))].sort(compareText),
    largestCutOff: Math.max(...list.map((c) => c.cutOff.length)),
  }));
  expect(supplierRisks(graph)).toEqual(
    ranked.sort(
      (a, b) =>
        b.exposure - a.exposure || b.largestCutOff - a.largestCutOff || compareText(a.supplier, b.supplier),
    ),
  );
}

describe('findChokepoints against the brute force', () => {
  // Tiered graphs (mostly toward lower indices, with back links, parallels and self-links), and loopy ones
  // (any direction: supply loops of every size, primes inside them, primes selling to primes).
  it.each(Array.from({ length: 200 }, (_, i) => i))('random graph %i', (seed) => {
    const random = randomLcg(seed / 200);
    const int = (k: number) => Math.floor(random() * k);
    const loopy = seed % 2 === 1;
    const n = 4 + int(loopy ? 10 : 18);
    const specs: OrgSpec[] = Array.from({ length: n }, (_, i) => ({
      id: `o${i}`,
      kind: i === 0 || random() < 0.15 ? 'prime' : 'manufacturer',
      naics: [[MS, HT, '336413'][int(3)]!],
    }));
    const links: LinkSpec[] = [];
    const m = int(n * (loopy ? 2 : 3));
    for (let k = 0; k < m; k++) {
      const a = int(n);
      const b = !loopy && random() < 0.8 ? int(a + 1) : int(n);
      const capability = random() < 0.3 ? undefined : [MS, HT, '336413', '332813'][int(4)];
      const value = random() < 0.2 ? undefined : 1 + int(1000);
      links.push([specs[a]!.id, specs[b]!.id, capability, value]);
    }
    expectBruteForce(specGraph(specs, links));
  });
});

describe('findChokepoints against the brute force, over several blocks of primes', () => {
  // 40 to 110 primes (BLOCK = 32 to a block) and 30 to 80 other organizations, tiered or loopy, with many
  // buyers per supplier so that several of them reach one prime (under one top or not).
  it.each(Array.from({ length: 24 }, (_, i) => i))('random graph %i', async (seed) => {
    const random = randomLcg((seed + 0.5) / 24);
    const int = (k: number) => Math.floor(random() * k);
    const loopy = seed % 3 === 2;
    const primes = 40 + int(71);
    const n = primes + 30 + int(51);
    const specs: OrgSpec[] = Array.from({ length: n }, (_, i) => ({
      id: `o${String(i).padStart(3, '0')}`,
      kind: i < primes ? 'prime' : 'manufacturer',
      naics: [[MS, HT, '336413'][int(3)]!],
    }));
    const links: LinkSpec[] = [];
    for (let k = 0; k < n * 3; k++) {
      const a = int(n);
      const b = !loopy && random() < 0.9 ? int(Math.max(1, a)) : int(n);
      const capability = random() < 0.3 ? undefined : [MS, HT, '336413', '332813'][int(4)];
      links.push([specs[a]!.id, specs[b]!.id, capability, 1 + int(1000)]);
    }
    const graph = specGraph(specs, links);
    expect(findChokepoints(graph).length).toBeGreaterThan(0);
    expectBruteForce(graph);
    // The blocks shared with a helper thread (what it collects copied as a message would copy it) or, when it
    // fails in any way, counted here: the same ranking and summaries as in one walk, which the brute force has
    // just checked.
    const whole = resilienceOf(graph);
    const frame = dominanceFrame(graph);
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    /**
     * A helper on this thread doing `work` on the blocks it takes and answering `found()` (copied as a message
     * would be); `ahead`: the blocks it says it did before being asked (and did); `skip`: a block it says it did
     * but did not; `fail`: where it fails.
     */
    type FakeOptions = {
      fail?: 'begin' | 'take' | 'collect';
      skip?: number;
      ahead?: (blocks: number) => number[];
    };
    const blocksOf = blockCount(frame);
    const fake = <T>(
      work: (block: number) => void,
      found: () => T,
      options: FakeOptions = {},
    ): BlockHelper<T> => {
      const blocks: number[] = [];
      return {
        begin: () => {
          if (options.fail === 'begin') return Promise.resolve(null);
          const ahead = options.ahead?.(blocksOf) ?? [];
          for (const block of ahead) work(block);
          blocks.push(...ahead);
          return new Promise((resolve) => setTimeout(() => resolve(ahead), 0));
        },
        take: (block) => {
          if (options.fail === 'take') return Promise.resolve(false);
          if (block !== options.skip) work(block);
          blocks.push(block);
          return new Promise((resolve) => setTimeout(() => resolve(true), 0));
        },
        collect: () =>
          Promise.resolve(
            options.fail === undefined
              ? structuredClone({ found: found(), blocks: blocks.filter((b) => b !== options.skip) })
              : null,
          ),
      };
    };
    const counting = (options?: FakeOptions) => {
      const counter = chokepointCounter(graph, structuredClone(frame));
      return fake(
        (block) => counter.count(block),
        () => counter.sums,
        options,
      );
    };
    const given: number[] = [];
    const watched = counting();
    const counted = await resilienceOnTwo(
      graph,
      frame,
      {
        begin: () => watched.begin(),
        take: (block) => (given.push(block), watched.take(block)),
        collect: () => watched.collect(),
      },
      pause,
    );
    expect(counted).toEqual(whole);
    expect(given.length).toBeGreaterThan(0);
    // Failing anywhere, leaving a block out, or saying it did blocks ahead: the last ones (fine), or more than
    // half of them, or the first (not used then, as if it had failed).
    const failures: FakeOptions[] = [
      { fail: 'begin' },
      { fail: 'take' },
      { fail: 'collect' },
      { skip: 1 },
      { ahead: (blocks) => [blocks - 1] },
      { ahead: (blocks) => [blocks - 1], fail: 'collect' },
      { ahead: (blocks) => Array.from({ length: blocks }, (_, k) => blocks - 1 - k) },
      { ahead: () => [0] },
    ];
    for (const options of failures)
      expect(await resilienceOnTwo(graph, frame, counting(options), pause)).toEqual(whole);
    // One supplier's cut-off sets, found on two threads: as on one (checked against the brute force above).
    const finding = (options?: FakeOptions) => (at: number) => {
      const finder = cutFinder(structuredClone(frame), at);
      return fake(
        (block) => finder.find(block),
        () => finder.cut,
        options,
      );
    };
    for (const { supplier } of whole.suppliers.slice(0, 6))
      for (const options of [{}, ...failures])
        expect(await chokepointsOfOnTwo(graph, supplier, frame, finding(options), pause)).toEqual(
          chokepointsOf(graph, supplier),
        );
    expect(await chokepointsOfOnTwo(graph, 'nobody', frame, finding(), pause)).toEqual([]);
    // The first rows of the ranking only, and how many there are in all.
    expect(whole.total).toBe(whole.suppliers.length);
    for (const rows of [1, 3, 10]) {
      const firstRows = { ...whole, suppliers: whole.suppliers.slice(0, rows) };
      expect(resilienceOf(graph, frame, rows)).toEqual(firstRows);
      expect(await resilienceOnTwo(graph, frame, counting(), pause, rows)).toEqual(firstRows);
    }
  });
});
