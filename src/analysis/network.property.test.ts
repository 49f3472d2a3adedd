// Property test of the network facts against brute force on seeded random supply graphs (self-loops, parallel
// and opposite links, ignored link kinds, disconnected parts, removed orgs). Timings at scale are `npm run bench`'s.
import { randomInt, randomLcg } from 'd3-random';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CapabilityId, OrgId } from '../domain/ids.ts';
import type { Bundle, Link, LinkKind, OrgKind } from '../domain/model.ts';
import { findCriticalLinks, findCutStructure } from './critical.ts';
import { REMOVED_KIND, buildSupplyGraph } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';
import { computeTiers, tierCounts, tiersRecord } from './tiers.ts';

interface Case {
  bundle: Bundle;
  removed: boolean[];
  /** True when the removed orgs' links stay in the graph (not what a what-if builds, but must not matter). */
  keepRemovedLinks: boolean;
  label: string;
}

const ORG_KINDS: OrgKind[] = ['prime', 'manufacturer', 'manufacturer', 'manufacturer', 'training', 'support'];
const LINK_KINDS: LinkKind[] = ['supplies', 'supplies', 'supplies', 'subcontract', 'trains', 'partners'];

function randomCase(seed: number): Case {
  const source = randomLcg(seed);
  const int = randomInt.source(source);
  const chance = (p: number) => source() < p;
  const n = int(1, 41)();
  const pick = int(0, n);
  const density = [0.3, 0.8, 1, 1.3, 2, 4][int(0, 6)()]!;
  const linkCount = int(0, Math.ceil(n * density) + 1)();
  // Split mode keeps every link inside one of two halves, so the graph is disconnected whenever n > 1.
  const split = chance(0.2);
  const half = Math.max(1, Math.floor(n / 2));
  const primeShare = [0, 0.1, 0.3][int(0, 3)()]!;

  const organizations = Array.from({ length: n }, (_, i) => ({
    id: `o${i}` as OrgId,
    name: `o${i}`,
    kind: chance(primeShare) ? ('prime' as const) : ORG_KINDS[int(1, ORG_KINDS.length)()]!,
    naics: ['332710'],
    capabilities: [],
    certifications: [],
    trains: [],
    needs: [],
  }));
  const links: Link[] = [];
  const link = (s: number, t: number): Link => ({
    source: `o${s}` as OrgId,
    target: `o${t}` as OrgId,
    kind: LINK_KINDS[int(0, LINK_KINDS.length)()]!,
    capability: `c${int(0, 3)()}` as CapabilityId,
  });
  for (let k = 0; k < linkCount; k++) {
    const previous = links.length > 0 ? links[int(0, links.length)()]! : undefined;
    const roll = source();
    if (previous !== undefined && roll < 0.1) {
      links.push({ ...previous, capability: `c${int(0, 3)()}` as CapabilityId }); // parallel
    } else if (previous !== undefined && roll < 0.2) {
      links.push({ ...previous, source: previous.target, target: previous.source }); // opposite
    } else if (roll > 0.93) {
      const s = pick();
      links.push(link(s, s)); // self-loop
    } else if (split && n > 1) {
      const low = chance(0.5);
      const from = low ? 0 : half;
      const to = low ? half : n;
      links.push(link(int(from, to)(), int(from, to)()));
    } else {
      links.push(link(pick(), pick()));
    }
  }
  const removed = organizations.map(() => false);
  if (chance(0.3)) for (let i = 0; i < n; i++) removed[i] = chance(0.15);
  const bundle: Bundle = {
    format: 'forgemap.bundle',
    version: 1,
    meta: {
      id: 'p',
      title: 'p',
      description: '',
      source: '',
      license: '',
      asOf: '2024-01-01',
      synthetic: true,
    },
    organizations,
    links,
    capabilities: [],
    regions: [],
  };
  return {
    bundle,
    removed,
    keepRemovedLinks: chance(0.5),
    label: `seed ${seed}: ${n} orgs, ${links.length} links${split ? ', split' : ''}`,
  };
}

/** The graph under test: built by buildSupplyGraph, then the removed orgs taken out as a what-if does. */
function graphUnderTest({ bundle, removed, keepRemovedLinks }: Case): SupplyGraph {
  const graph = buildSupplyGraph(bundle, new Uint8Array(bundle.organizations.length));
  const kind = graph.kind.slice();
  removed.forEach((gone, i) => gone && (kind[i] = REMOVED_KIND));
  if (keepRemovedLinks) return { ...graph, kind };
  const keep: number[] = [];
  for (let l = 0; l < graph.linkCount; l++) {
    if (!removed[graph.linkSource[l]!] && !removed[graph.linkTarget[l]!]) keep.push(l);
  }
  return {
    ...graph,
    kind,
    linkCount: keep.length,
    linkSource: Int32Array.from(keep, (l) => graph.linkSource[l]!),
    linkTarget: Int32Array.from(keep, (l) => graph.linkTarget[l]!),
    linkCapability: Int32Array.from(keep, (l) => graph.linkCapability[l]!),
    linkValue: Float64Array.from(keep, (l) => graph.linkValue[l]!),
  };
}

/** Supply links between live, distinct orgs, read straight from the bundle. */
function liveSupplyLinks({ bundle, removed }: Case): [number, number][] {
  const index = (id: string) => Number(id.slice(1));
  return bundle.links
    .filter((l) => l.kind === 'supplies' || l.kind === 'subcontract')
    .map((l): [number, number] => [index(l.source), index(l.target)])
    .filter(([s, t]) => s !== t && !removed[s] && !removed[t]);
}

/** The simple undirected graph of live orgs, built by graphology (mergeEdge collapses repeats). */
function simpleGraph(test: Case): UndirectedGraph {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  test.bundle.organizations.forEach((_, i) => test.removed[i] || graph.addNode(String(i)));
  for (const [s, t] of liveSupplyLinks(test)) graph.mergeEdge(String(s), String(t));
  return graph;
}

/** Connected components by BFS, optionally without one node or without one edge. */
function componentCount(
  graph: UndirectedGraph,
  withoutNode?: string,
  withoutEdge?: [string, string],
): number {
  const seen = new Set<string>();
  const blocked = (a: string, b: string) =>
    withoutEdge !== undefined &&
    ((a === withoutEdge[0] && b === withoutEdge[1]) || (a === withoutEdge[1] && b === withoutEdge[0]));
  let count = 0;
  graph.forEachNode((start) => {
    if (start === withoutNode || seen.has(start)) return;
    count++;
    seen.add(start);
    const queue = [start];
    while (queue.length > 0) {
      const u = queue.pop()!;
      graph.forEachNeighbor(u, (v) => {
        if (v === withoutNode || seen.has(v) || blocked(u, v)) return;
        seen.add(v);
        queue.push(v);
      });
    }
  });
  return count;
}

function bruteCut(test: Case): { articulation: number[]; bridges: [number, number][] } {
  const graph = simpleGraph(test);
  const base = componentCount(graph);
  const articulation = test.bundle.organizations.map((_, i) =>
    !test.removed[i] && componentCount(graph, String(i)) > base ? 1 : 0,
  );
  const bridges: [number, number][] = [];
  graph.forEachEdge((_edge, _attributes, a, b) => {
    if (componentCount(graph, undefined, [a, b]) > base) {
      const x = Number(a);
      const y = Number(b);
      bridges.push(x < y ? [x, y] : [y, x]);
    }
  });
  bridges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { articulation, bridges };
}

/** Tier of each org by its own BFS along supply direction to the nearest live prime. */
function bruteTiers(test: Case): number[] {
  const n = test.bundle.organizations.length;
  const buyers: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of liveSupplyLinks(test)) buyers[s]!.push(t);
  const isPrime = (i: number) => !test.removed[i] && test.bundle.organizations[i]!.kind === 'prime';
  return Array.from({ length: n }, (_, from) => {
    const distance = new Map<number, number>([[from, 0]]);
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      if (isPrime(u)) return distance.get(u)!;
      for (const v of buyers[u]!) {
        if (!distance.has(v)) {
          distance.set(v, distance.get(u)! + 1);
          queue.push(v);
        }
      }
    }
    return -1;
  });
}

const CASES = Array.from({ length: 400 }, (_, k) => randomCase(1000 + k));

describe('network facts on random supply graphs agree with brute force', () => {
  it('covers the interesting shapes', () => {
    // Guards the generator: the cases must include what the properties are about.
    const some = (test: (c: Case) => boolean) => CASES.filter(test).length;
    expect(some((c) => c.removed.some(Boolean))).toBeGreaterThan(30);
    expect(some((c) => c.bundle.links.some((l) => l.source === l.target))).toBeGreaterThan(30);
    expect(some((c) => c.bundle.organizations.length >= 30)).toBeGreaterThan(50);
    expect(some((c) => componentCount(simpleGraph(c)) > 1)).toBeGreaterThan(100);
    expect(some((c) => bruteCut(c).bridges.length > 0)).toBeGreaterThan(100);
    expect(some((c) => bruteTiers(c).some((t) => t >= 2))).toBeGreaterThan(50);
  });

  it.each(CASES)('articulation points and bridges, $label', (test) => {
    const graph = graphUnderTest(test);
    const expected = bruteCut(test);
    const { articulation, bridges } = findCutStructure(graph);
    expect(Array.from(articulation)).toEqual(expected.articulation);
    expect(bridges.every(([a, b]) => a < b)).toBe(true);
    expect(findCriticalLinks(graph)).toEqual(expected.bridges);
    expect([...bridges].sort((p, q) => p[0] - q[0] || p[1] - q[1])).toEqual(expected.bridges);
  });

  it.each(CASES)('tiers, $label', (test) => {
    const graph = graphUnderTest(test);
    const expected = bruteTiers(test);
    const tiers = computeTiers(graph);
    expect(Array.from(tiers)).toEqual(expected);
    const counts: number[] = [];
    for (const t of expected) if (t >= 0) counts[t] = (counts[t] ?? 0) + 1;
    expect(tierCounts(tiers)).toEqual(Array.from(counts, (c) => c ?? 0));
    const record = tiersRecord(graph, tiers);
    expect(Object.keys(record).sort()).toEqual(expected.flatMap((t, i) => (t >= 0 ? [`o${i}`] : [])).sort());
  });
});
