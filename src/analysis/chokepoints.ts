// Directional resilience (DESIGN.md §3): for each prime p, the suppliers whose closure would cut p off from
// part of its supply base. On the simple directed supply graph (supplier → buyer; self-links dropped,
// parallel links merged), reversed so that it is rooted at p, a supplier s cuts off exactly the organizations
// it dominates: cutOff(p, s) is s's subtree in p's dominator tree, less s. Every prime's tree comes at once from
// computeDominance (dominance.ts). A direct supplier of p is a child of p in that tree (not every child is a
// direct supplier), so the capabilities p would lose with s are those s alone supplies to p directly.
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
  const P = dominance.primes.length;
  // The non-trivial pairs by prime (CSR of slots).
  const byPrimeStart = new Int32Array(P + 1);
  for (let s = 0; s < dominance.count; s++) byPrimeStart[dominance.prime[s]! + 1]!++;
  for (let p = 0; p < P; p++) byPrimeStart[p + 1]! += byPrimeStart[p]!;
  const byPrime = new Int32Array(dominance.count);
  const cursor = byPrimeStart.slice(0, P);
  for (let s = 0; s < dominance.count; s++) byPrime[cursor[dominance.prime[s]!]!++] = s;
  const into = purchasesByPrime(graph, dominance);

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
    const { exposure, lost } = directPurchases(graph, into, p);
    const prime = dominance.primes[p]!;
    // Children of p: those with something below them or a capability of their own; then the deeper ones.
    for (const [top, cut] of underTop) visit(prime, top, cut, exposure.get(top) ?? 0, lost.get(top) ?? none);
    for (const [s, caps] of lost)
      if (!underTop.has(s)) visit(prime, s, ids ? none : 0, exposure.get(s) ?? 0, caps);
    for (const [slot, cut] of underSlot) visit(prime, dominance.node[slot]!, cut, 0, none);
  }
}

/** The usable links into each prime, by prime index (CSR of link indices). */
interface Purchases {
  start: Int32Array;
  links: Int32Array;
}

function purchasesByPrime(graph: SupplyGraph, dominance: Dominance): Purchases {
  const { kind, linkSource, linkTarget } = graph;
  const { primeIndex } = dominance;
  const P = dominance.primes.length;
  const start = new Int32Array(P + 1);
  const usableInto = (l: number) => {
    const t = linkTarget[l]!;
    return linkSource[l] !== t && primeIndex[t]! >= 0 && kind[linkSource[l]!] !== REMOVED_KIND;
  };
  for (let l = 0; l < graph.linkCount; l++) if (usableInto(l)) start[primeIndex[linkTarget[l]!]! + 1]!++;
  for (let p = 0; p < P; p++) start[p + 1]! += start[p]!;
  const links = new Int32Array(start[P]!);
  const cursor = start.slice(0, P);
  for (let l = 0; l < graph.linkCount; l++)
    if (usableInto(l)) links[cursor[primeIndex[linkTarget[l]!]!]!++] = l;
  return { start, links };
}

/**
 * A prime's direct purchases: USD per year by supplier, their total, and the capabilities (indices) that one
 * supplier alone sells it, by that supplier.
 */
function directPurchases(
  graph: SupplyGraph,
  into: Purchases,
  p: number,
): { exposure: Map<number, number>; total: number; lost: Map<number, number[]> } {
  const { linkSource, linkValue, linkCapability } = graph;
  const exposure = new Map<number, number>();
  const soleSupplier = new Map<number, number>();
  let total = 0;
  for (let e = into.start[p]!; e < into.start[p + 1]!; e++) {
    const l = into.links[e]!;
    const s = linkSource[l]!;
    const value = linkValue[l]! > 0 ? linkValue[l]! : 0;
    exposure.set(s, (exposure.get(s) ?? 0) + value);
    total += value;
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
  return { exposure, total, lost };
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

/**
 * One supplier's chokepoints (with their cut-off sets), by the same rules as findChokepoints and in its order,
 * without walking every prime's tree: one pass over the stored pairs finds those below it (below it as a
 * prime's child, or below its own pair with the prime), and the primes it sells to add what they buy from it.
 */
export function chokepointsOf(
  graph: SupplyGraph,
  supplierId: string,
  dominance = computeDominance(graph),
): Chokepoint[] {
  const { orgIds, capabilityIds } = graph;
  const s = orgIds.indexOf(supplierId);
  if (s < 0) return [];
  // s's own slots, by prime index: where it sits below a child of the prime.
  const mySlot = new Map<number, number>();
  for (let slot = dominance.slotStart[s]!; slot < dominance.slotEnd[s]!; slot++)
    mySlot.set(dominance.prime[slot]!, slot);
  // Below s: under it as a child of the prime (its top), or under its slot.
  const cut = new Map<number, number[]>();
  for (let slot = 0; slot < dominance.count; slot++) {
    const p = dominance.prime[slot]!;
    let below = dominance.top[slot] === s;
    const mine = mySlot.get(p);
    if (mine !== undefined)
      for (let up = dominance.parent[slot]!; !below && up >= 0; up = dominance.parent[up]!)
        below = up === mine;
    if (!below) continue;
    const list = cut.get(p);
    if (list === undefined) cut.set(p, [dominance.node[slot]!]);
    else list.push(dominance.node[slot]!);
  }
  // The primes s sells to directly: their purchases from it.
  const primes = new Set(cut.keys());
  const sellsTo = new Set<number>();
  for (let k = dominance.buyersOf.start[s]!; k < dominance.buyersOf.start[s + 1]!; k++) {
    const p = dominance.primeIndex[dominance.buyersOf.to[k]!]!;
    if (p < 0) continue;
    sellsTo.add(p);
    primes.add(p);
  }
  const into = purchasesByPrime(graph, dominance);
  const out: Chokepoint[] = [];
  for (const p of primes) {
    const cutOff = cut.get(p) ?? [];
    const direct = sellsTo.has(p) ? directPurchases(graph, into, p) : null;
    const lost = direct?.lost.get(s) ?? [];
    if (cutOff.length === 0 && lost.length === 0) continue;
    out.push({
      prime: orgIds[dominance.primes[p]!]!,
      supplier: supplierId,
      cutOff: cutOff.map((v) => orgIds[v]!).sort(compareText),
      exposure: direct?.exposure.get(s) ?? 0,
      capabilitiesLost: lost.map((c) => capabilityIds[c]!).sort(compareText),
    });
  }
  return out.sort(compareChokepoints);
}

/** How one prime's supply rests on single points of failure. */
export interface PrimeResilience {
  prime: string;
  /** USD per year of its direct purchases, and the part bought from suppliers that are its chokepoints. */
  purchases: number;
  onChokepoints: number;
  /** How many suppliers it depends on alone (at any depth). */
  chokepoints: number;
  /** Capabilities it buys directly from one supplier only (each one route), sorted. */
  singleRoute: string[];
  /**
   * Its deepest single dependency: the chokepoint furthest down its dominator tree (depth 1: a direct
   * supplier; 2: a supplier all of whose routes run through one direct supplier; …), the largest cut-off
   * first among equals, then the id; null without chokepoints.
   */
  deepest: { supplier: string; depth: number; cutOff: number } | null;
}

/** Every prime's resilience summary, in prime id order. */
export function primeResilience(graph: SupplyGraph, dominance = computeDominance(graph)): PrimeResilience[] {
  const { orgIds, capabilityIds } = graph;
  const P = dominance.primes.length;
  const into = purchasesByPrime(graph, dominance);
  // Depth of each slot's organization in its prime's tree: 2 under a top, one more under each stored idom.
  const depth = new Int32Array(dominance.count);
  const depthOf = (slot: number): number => {
    const chain: number[] = [];
    let at = slot;
    while (at >= 0 && depth[at] === 0) {
      chain.push(at);
      at = dominance.parent[at]!;
    }
    let d = at < 0 ? 1 : depth[at]!;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]!] = ++d;
    return depth[slot]!;
  };
  // Per prime: the cut-off sizes of its tops and of its deeper chokepoints (slots with something below).
  const topCut = Array.from({ length: P }, () => new Map<number, number>());
  const slotCut = Array.from({ length: P }, () => new Map<number, number>());
  for (let slot = 0; slot < dominance.count; slot++) {
    const p = dominance.prime[slot]!;
    const top = dominance.top[slot]!;
    topCut[p]!.set(top, (topCut[p]!.get(top) ?? 0) + 1);
    for (let up = dominance.parent[slot]!; up >= 0; up = dominance.parent[up]!)
      slotCut[p]!.set(up, (slotCut[p]!.get(up) ?? 0) + 1);
  }
  const out: PrimeResilience[] = [];
  for (let p = 0; p < P; p++) {
    const { exposure, total, lost } = directPurchases(graph, into, p);
    const direct = new Set([...topCut[p]!.keys(), ...lost.keys()]);
    let onChokepoints = 0;
    for (const s of direct) onChokepoints += exposure.get(s) ?? 0;
    let deepest: PrimeResilience['deepest'] = null;
    const consider = (supplier: number, d: number, cutOff: number) => {
      const id = orgIds[supplier]!;
      if (
        deepest === null ||
        d > deepest.depth ||
        (d === deepest.depth &&
          (cutOff > deepest.cutOff || (cutOff === deepest.cutOff && compareText(id, deepest.supplier) < 0)))
      )
        deepest = { supplier: id, depth: d, cutOff };
    };
    for (const s of direct) consider(s, 1, topCut[p]!.get(s) ?? 0);
    for (const [slot, cutOff] of slotCut[p]!) consider(dominance.node[slot]!, depthOf(slot), cutOff);
    out.push({
      prime: orgIds[dominance.primes[p]!]!,
      purchases: total,
      onChokepoints,
      chokepoints: direct.size + slotCut[p]!.size,
      singleRoute: [...lost.values()]
        .flat()
        .map((c) => capabilityIds[c]!)
        .sort(compareText),
      deepest,
    });
  }
  return out.sort((a, b) => compareText(a.prime, b.prime));
}
