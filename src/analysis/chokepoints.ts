// Directional resilience (DESIGN.md §3): for each prime p, the suppliers whose closure would cut p off from
// part of its supply base. On the simple directed supply graph (supplier → buyer; self-links dropped,
// parallel links merged), reversed so that it is rooted at p, a supplier s cuts off exactly the organizations
// it dominates: cutOff(p, s) is s's subtree in p's dominator tree, less s. The tree comes from the
// Cooper–Harvey–Kennedy iteration over a reverse postorder ("A Simple, Fast Dominance Algorithm", 2001), in
// near-linear time on supply graphs, which are nearly acyclic. A direct supplier of p is a child of p in
// that tree, so the capabilities p would lose with s are those s alone supplies to p directly.
import { compareText } from './compare-text.ts';
import { computeDominance } from './dominance.ts';
import type { Dominance } from './dominance.ts';
import { REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';

export interface Chokepoint {
  prime: string;
  supplier: string;
  /** Organizations, other than the supplier, with no supply path to the prime once the supplier is gone; sorted. */
  cutOff: string[];
  /** USD per year: the value of the prime's purchases from the supplier and from the organizations it cuts off. */
  exposure: number;
  /** Capabilities the prime buys directly only from this supplier; sorted. */
  capabilitiesLost: string[];
}

/**
 * One chokepoint pair as the walk finds it, by organization index: the prime, the supplier, the organizations
 * it cuts off (their indices, or only how many when the walk counts), the prime's direct purchases from it (USD
 * per year), and the capabilities (indices) the prime buys directly from it alone.
 */
type Visit = (
  prime: number,
  supplier: number,
  cutOff: readonly number[] | number,
  exposure: number,
  lost: readonly number[],
) => void;

/**
 * Walks every chokepoint pair of the graph's primes (kind prime, not removed), prime by prime. With `ids`
 * false, only the sizes of the cut-off sets are counted.
 */
function walkChokepoints(graph: SupplyGraph, dominance: Dominance, ids: boolean, visit: Visit): void {
  const { kind, linkSource, linkTarget, linkValue, linkCapability } = graph;
  const { primes, primeIndex } = dominance;
  const P = primes.length;
  // The non-trivial pairs by prime (CSR of slots).
  const byPrimeStart = new Int32Array(P + 1);
  for (let s = 0; s < dominance.count; s++) byPrimeStart[dominance.prime[s]! + 1]!++;
  for (let p = 0; p < P; p++) byPrimeStart[p + 1]! += byPrimeStart[p]!;
  const byPrime = new Int32Array(dominance.count);
  const cursor = byPrimeStart.slice(0, P);
  for (let s = 0; s < dominance.count; s++) byPrime[cursor[dominance.prime[s]!]!++] = s;
  // The links into each prime, by prime (CSR of link indices).
  const intoStart = new Int32Array(P + 1);
  const usableInto = (l: number) => {
    const t = linkTarget[l]!;
    return linkSource[l] !== t && primeIndex[t]! >= 0 && kind[linkSource[l]!] !== REMOVED_KIND;
  };
  for (let l = 0; l < graph.linkCount; l++) if (usableInto(l)) intoStart[primeIndex[linkTarget[l]!]! + 1]!++;
  for (let p = 0; p < P; p++) intoStart[p + 1]! += intoStart[p]!;
  const into = new Int32Array(intoStart[P]!);
  const intoCursor = intoStart.slice(0, P);
  for (let l = 0; l < graph.linkCount; l++)
    if (usableInto(l)) into[intoCursor[primeIndex[linkTarget[l]!]!]!++] = l;

  const none: readonly number[] = [];
  for (let p = 0; p < P; p++) {
    // What each supplier cuts off: every organization below it in p's tree (its top's, or its ancestors').
    const underTop = new Map<number, number[] | number>();
    const underSlot = new Map<number, number[] | number>();
    const add = (map: Map<number, number[] | number>, key: number, v: number) => {
      const known = map.get(key);
      if (!ids) map.set(key, ((known as number | undefined) ?? 0) + 1);
      else if (known === undefined) map.set(key, [v]);
      else (known as number[]).push(v);
    };
    for (let k = byPrimeStart[p]!; k < byPrimeStart[p + 1]!; k++) {
      const slot = byPrime[k]!;
      const v = dominance.node[slot]!;
      add(underTop, dominance.top[slot]!, v);
      for (let up = dominance.parent[slot]!; up >= 0; up = dominance.parent[up]!) add(underSlot, up, v);
    }
    // Direct purchases: dollars by supplier, and the capabilities one supplier alone sells p.
    const exposure = new Map<number, number>();
    const soleSupplier = new Map<number, number>();
    for (let e = intoStart[p]!; e < intoStart[p + 1]!; e++) {
      const l = into[e]!;
      const s = linkSource[l]!;
      const value = linkValue[l]!;
      exposure.set(s, (exposure.get(s) ?? 0) + (value > 0 ? value : 0));
      const c = linkCapability[l]!;
      if (c < 0) continue;
      const known = soleSupplier.get(c);
      if (known === undefined) soleSupplier.set(c, s);
      else if (known !== s) soleSupplier.set(c, -1);
    }
    const lost = new Map<number, number[]>();
    for (const [c, s] of soleSupplier) {
      if (s < 0) continue;
      const list = lost.get(s) ?? [];
      list.push(c);
      lost.set(s, list);
    }
    const prime = primes[p]!;
    // Children of p: those with something below them or a capability of their own; then the deeper ones.
    for (const [top, cut] of underTop) visit(prime, top, cut, exposure.get(top) ?? 0, lost.get(top) ?? none);
    for (const [s, caps] of lost)
      if (!underTop.has(s)) visit(prime, s, ids ? none : 0, exposure.get(s) ?? 0, caps);
    for (const [slot, cut] of underSlot) visit(prime, dominance.node[slot]!, cut, 0, none);
  }
}

/**
 * Every chokepoint pair (p, s) of the graph's primes (kind prime, not removed), ordered by exposure
 * (largest first), then cut-off size (largest first), then prime and supplier id.
 */
export function findChokepoints(graph: SupplyGraph, dominance = computeDominance(graph)): Chokepoint[] {
  const { orgIds, capabilityIds } = graph;
  const out: Chokepoint[] = [];
  walkChokepoints(graph, dominance, true, (prime, supplier, cutOff, exposure, lost) =>
    out.push({
      prime: orgIds[prime]!,
      supplier: orgIds[supplier]!,
      cutOff: (cutOff as readonly number[]).map((v) => orgIds[v]!).sort(compareText),
      exposure,
      capabilitiesLost: lost.map((c) => capabilityIds[c]!).sort(compareText),
    }),
  );
  return out.sort(compareChokepoints);
}

/** A supplier's chokepoints over every prime: the ranking of single points of failure. */
export interface SupplierRisk {
  supplier: string;
  /** Region-wide exposure: the sum of its exposures over the primes, USD per year. */
  exposure: number;
  /** The primes it is a chokepoint of, sorted. */
  primes: string[];
  /** Every capability some prime would lose with it, sorted. */
  capabilitiesLost: string[];
  /** The largest of its cut-off sets: how much of a prime's supply base hangs on it alone. */
  largestCutOff: number;
}

/**
 * The suppliers that are a chokepoint of some prime, by region-wide exposure (largest first), then their
 * largest cut-off set (largest first), then id. Counts the cut-off sets without listing them.
 */
export function supplierRisks(graph: SupplyGraph, dominance = computeDominance(graph)): SupplierRisk[] {
  const { orgIds, capabilityIds } = graph;
  const bySupplier = new Map<
    number,
    { exposure: number; primes: number[]; lost: Set<number>; largest: number }
  >();
  walkChokepoints(graph, dominance, false, (prime, supplier, cutOff, exposure, lost) => {
    let entry = bySupplier.get(supplier);
    if (entry === undefined) {
      entry = { exposure: 0, primes: [], lost: new Set(), largest: 0 };
      bySupplier.set(supplier, entry);
    }
    entry.exposure += exposure;
    entry.primes.push(prime);
    for (const c of lost) entry.lost.add(c);
    entry.largest = Math.max(entry.largest, cutOff as number);
  });
  return [...bySupplier]
    .map(([supplier, e]) => ({
      supplier: orgIds[supplier]!,
      exposure: e.exposure,
      primes: e.primes.map((p) => orgIds[p]!).sort(compareText),
      capabilitiesLost: [...e.lost].map((c) => capabilityIds[c]!).sort(compareText),
      largestCutOff: e.largest,
    }))
    .sort(
      (a, b) =>
        b.exposure - a.exposure || b.largestCutOff - a.largestCutOff || compareText(a.supplier, b.supplier),
    );
}

/** The order of the list: exposure (largest first), cut-off size (largest first), prime id, supplier id. */
export function compareChokepoints(a: Chokepoint, b: Chokepoint): number {
  return (
    b.exposure - a.exposure ||
    b.cutOff.length - a.cutOff.length ||
    compareText(a.prime, b.prime) ||
    compareText(a.supplier, b.supplier)
  );
}
