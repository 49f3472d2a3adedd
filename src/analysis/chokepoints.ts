// Directional resilience (DESIGN.md §3): for each prime p, the suppliers whose closure would cut p off from
// part of its supply base. On the simple directed supply graph (supplier → buyer; self-links dropped,
// parallel links merged), reversed so that it is rooted at p, a supplier s cuts off exactly the organizations
// it dominates: cutOff(p, s) is s's subtree in p's dominator tree, less s. The tree comes from the
// Cooper–Harvey–Kennedy iteration over a reverse postorder ("A Simple, Fast Dominance Algorithm", 2001), in
// near-linear time on supply graphs, which are nearly acyclic. A direct supplier of p is a child of p in
// that tree, so the capabilities p would lose with s are those s alone supplies to p directly.
import { compareText } from './compare-text.ts';
import { computeDominance } from './dominance.ts';
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
 * Every chokepoint pair (p, s) of the graph's primes (kind prime, not removed), ordered by exposure
 * (largest first), then cut-off size (largest first), then prime and supplier id.
 */
export function findChokepoints(graph: SupplyGraph): Chokepoint[] {
  const { kind, linkSource, linkTarget, linkValue, linkCapability, orgIds, capabilityIds } = graph;
  const dominance = computeDominance(graph);
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

  const out: Chokepoint[] = [];
  for (let p = 0; p < P; p++) {
    // What each supplier cuts off: every organization below it in p's tree (its top's, or its ancestors').
    const underTop = new Map<number, number[]>();
    const underSlot = new Map<number, number[]>();
    for (let k = byPrimeStart[p]!; k < byPrimeStart[p + 1]!; k++) {
      const slot = byPrime[k]!;
      const v = dominance.node[slot]!;
      const top = dominance.top[slot]!;
      let list = underTop.get(top);
      if (list === undefined) underTop.set(top, (list = []));
      list.push(v);
      for (let up = dominance.parent[slot]!; up >= 0; up = dominance.parent[up]!) {
        let below = underSlot.get(up);
        if (below === undefined) underSlot.set(up, (below = []));
        below.push(v);
      }
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
    const lost = new Map<number, string[]>();
    for (const [c, s] of soleSupplier) {
      if (s < 0) continue;
      const list = lost.get(s) ?? [];
      list.push(capabilityIds[c]!);
      lost.set(s, list);
    }
    const entry = (s: number, cut: readonly number[]): Chokepoint => ({
      prime: orgIds[primes[p]!]!,
      supplier: orgIds[s]!,
      cutOff: cut.map((v) => orgIds[v]!).sort(compareText),
      exposure: exposure.get(s) ?? 0,
      capabilitiesLost: (lost.get(s) ?? []).sort(compareText),
    });
    // Children of p: those with something below them or a capability of their own; then the deeper ones.
    for (const [top, cut] of underTop) out.push(entry(top, cut));
    for (const s of lost.keys()) if (!underTop.has(s)) out.push(entry(s, []));
    for (const [slot, cut] of underSlot) out.push(entry(dominance.node[slot]!, cut));
  }
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
  /** The largest of its cut-off sets, and the organizations in any of them. */
  largestCutOff: number;
  cutOff: number;
}

/**
 * The suppliers of a list of chokepoints, by region-wide exposure (largest first), then the organizations
 * they cut off (most first), then id.
 */
export function rankSuppliers(chokepoints: readonly Chokepoint[]): SupplierRisk[] {
  const bySupplier = new Map<
    string,
    { exposure: number; primes: Set<string>; lost: Set<string>; largest: number; cut: Set<string> }
  >();
  for (const c of chokepoints) {
    let entry = bySupplier.get(c.supplier);
    if (entry === undefined) {
      entry = { exposure: 0, primes: new Set(), lost: new Set(), largest: 0, cut: new Set() };
      bySupplier.set(c.supplier, entry);
    }
    entry.exposure += c.exposure;
    entry.primes.add(c.prime);
    for (const capability of c.capabilitiesLost) entry.lost.add(capability);
    entry.largest = Math.max(entry.largest, c.cutOff.length);
    for (const id of c.cutOff) entry.cut.add(id);
  }
  return [...bySupplier]
    .map(([supplier, e]) => ({
      supplier,
      exposure: e.exposure,
      primes: [...e.primes].sort(compareText),
      capabilitiesLost: [...e.lost].sort(compareText),
      largestCutOff: e.largest,
      cutOff: e.cut.size,
    }))
    .sort((a, b) => b.exposure - a.exposure || b.cutOff - a.cutOff || compareText(a.supplier, b.supplier));
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
