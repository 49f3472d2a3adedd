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
 * it cuts off, the prime's direct purchases from it (USD per year), and the capabilities (indices) the prime
 * buys directly from it alone.
 */
type Visit = (
  prime: number,
  supplier: number,
  cutOff: readonly number[],
  exposure: number,
  lost: readonly number[],
) => void;

/** The non-trivial pairs by prime index (CSR of slots, each prime's in slot order). */
function slotsByPrime(dominance: Dominance): { start: Int32Array; slots: Int32Array } {
  const P = dominance.primes.length;
  const start = new Int32Array(P + 1);
  for (let s = 0; s < dominance.count; s++) start[dominance.prime[s]! + 1]!++;
  for (let p = 0; p < P; p++) start[p + 1]! += start[p]!;
  const slots = new Int32Array(dominance.count);
  const cursor = start.slice(0, P);
  for (let s = 0; s < dominance.count; s++) slots[cursor[dominance.prime[s]!]!++] = s;
  return { start, slots };
}

/** Walks every chokepoint pair of the graph's primes (kind prime, not removed), prime by prime, listing the cut-off sets. */
function walkChokepoints(graph: SupplyGraph, dominance: Dominance, visit: Visit): void {
  const P = dominance.primes.length;
  const byPrime = slotsByPrime(dominance);
  const into = purchasesByPrime(graph, dominance);
  const none: readonly number[] = [];
  for (let p = 0; p < P; p++) {
    // What each supplier cuts off: every organization below it in p's tree (its top's, or its ancestors').
    const underTop = new Map<number, number[]>();
    const underSlot = new Map<number, number[]>();
    const add = (map: Map<number, number[]>, key: number, v: number) => {
      const known = map.get(key);
      if (known === undefined) map.set(key, [v]);
      else known.push(v);
    };
    for (let k = byPrime.start[p]!; k < byPrime.start[p + 1]!; k++) {
      const slot = byPrime.slots[k]!;
      const v = dominance.node[slot]!;
      add(underTop, dominance.top[slot]!, v);
      for (let up = dominance.parent[slot]!; up >= 0; up = dominance.parent[up]!) add(underSlot, up, v);
    }
    const { exposure, lost } = directPurchases(graph, into, p);
    const prime = dominance.primes[p]!;
    // Children of p: those with something below them or a capability of their own; then the deeper ones.
    for (const [top, cut] of underTop) visit(prime, top, cut, exposure.get(top) ?? 0, lost.get(top) ?? none);
    for (const [s, caps] of lost) if (!underTop.has(s)) visit(prime, s, none, exposure.get(s) ?? 0, caps);
    for (const [slot, cut] of underSlot) visit(prime, dominance.node[slot]!, cut, 0, none);
  }
}

/**
 * A chokepoint pair as the counting walk finds it: like Visit, with the size of the cut-off set instead of its
 * members, and the supplier's depth in the prime's tree (1: a child of the prime).
 */
type CountVisit = (
  prime: number,
  supplier: number,
  cutOff: number,
  exposure: number,
  lost: readonly number[],
  depth: number,
) => void;

/**
 * Walks every chokepoint pair like walkChokepoints, counting the cut-off sets in typed arrays: each stored
 * pair's subtree size is summed up its parent chain once, deepest pairs first, so the walk is linear in the
 * pairs whatever the trees' depth. Returns each prime's direct purchases (USD per year), by prime index.
 */
function countChokepoints(graph: SupplyGraph, dominance: Dominance, visit: CountVisit): Float64Array {
  const { count, parent, top, node } = dominance;
  const P = dominance.primes.length;
  // Depth of each pair's organization in its prime's tree: 2 below a top, one more below each stored idom.
  const depth = new Int32Array(count);
  const chain: number[] = [];
  let deepest = 2;
  for (let slot = 0; slot < count; slot++) {
    let at = slot;
    while (at >= 0 && depth[at] === 0) {
      chain.push(at);
      at = parent[at]!;
    }
    let d = at < 0 ? 1 : depth[at]!;
    while (chain.length > 0) depth[chain.pop()!] = ++d;
    if (d > deepest) deepest = d;
  }
  // Subtree sizes, deepest pairs first (a counting sort by depth).
  const byDepth = new Int32Array(deepest + 2);
  for (let slot = 0; slot < count; slot++) byDepth[depth[slot]! + 1]!++;
  for (let d = 0; d <= deepest; d++) byDepth[d + 1]! += byDepth[d]!;
  const order = new Int32Array(count);
  for (let slot = 0; slot < count; slot++) order[byDepth[depth[slot]!]!++] = slot;
  const size = new Int32Array(count).fill(1);
  for (let k = count - 1; k >= 0; k--) {
    const slot = order[k]!;
    if (parent[slot]! >= 0) size[parent[slot]!]! += size[slot]!;
  }

  // The pairs right below a top, by prime (those below a deeper chokepoint are counted in its size).
  const underStart = new Int32Array(P + 1);
  for (let slot = 0; slot < count; slot++) if (parent[slot]! < 0) underStart[dominance.prime[slot]! + 1]!++;
  for (let p = 0; p < P; p++) underStart[p + 1]! += underStart[p]!;
  const under = new Int32Array(underStart[P]!);
  const cursor = underStart.slice(0, P);
  for (let slot = 0; slot < count; slot++)
    if (parent[slot]! < 0) under[cursor[dominance.prime[slot]!]!++] = slot;

  const into = purchasesByPrime(graph, dominance);
  const totals = new Float64Array(P);
  const underTop = new Int32Array(graph.orgCount);
  const seen = new Int32Array(graph.orgCount);
  const tops: number[] = [];
  const none: readonly number[] = [];
  for (let p = 0; p < P; p++) {
    const prime = dominance.primes[p]!;
    for (let k = underStart[p]!; k < underStart[p + 1]!; k++) {
      const slot = under[k]!;
      const t = top[slot]!;
      if (underTop[t] === 0) tops.push(t);
      underTop[t]! += size[slot]!;
    }
    const { exposure, total, lost } = directPurchases(graph, into, p);
    totals[p] = total;
    for (const t of tops) {
      visit(prime, t, underTop[t]!, exposure.get(t) ?? 0, lost.get(t) ?? none, 1);
      underTop[t] = 0;
      seen[t] = p + 1;
    }
    tops.length = 0;
    for (const [s, caps] of lost) if (seen[s] !== p + 1) visit(prime, s, 0, exposure.get(s) ?? 0, caps, 1);
  }
  // The deeper chokepoints: the pairs with something below them.
  for (let slot = 0; slot < count; slot++)
    if (size[slot]! > 1)
      visit(dominance.primes[dominance.prime[slot]!]!, node[slot]!, size[slot]! - 1, 0, none, depth[slot]!);
  return totals;
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
  walkChokepoints(graph, dominance, (prime, supplier, cutOff, exposure, lost) =>
    out.push({
      prime: orgIds[prime]!,
      supplier: orgIds[supplier]!,
      cutOff: cutOff.map((v) => orgIds[v]!).sort(compareText),
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
  return resilienceOf(graph, dominance).suppliers;
}

/** Every prime's resilience summary, in prime id order. */
export function primeResilience(graph: SupplyGraph, dominance = computeDominance(graph)): PrimeResilience[] {
  return resilienceOf(graph, dominance).primes;
}

/** The suppliers' ranking (supplierRisks) and the primes' summaries (primeResilience) from one walk. */
export function resilienceOf(
  graph: SupplyGraph,
  dominance = computeDominance(graph),
): { suppliers: SupplierRisk[]; primes: PrimeResilience[] } {
  const { orgIds, capabilityIds } = graph;
  const n = graph.orgCount;
  const P = dominance.primes.length;
  // The primes in id order, so that a supplier's primes sort as numbers.
  const rankOf = new Int32Array(P);
  const byId = Array.from(dominance.primes, (_, p) => p).sort((a, b) =>
    compareText(orgIds[dominance.primes[a]!]!, orgIds[dominance.primes[b]!]!),
  );
  byId.forEach((p, rank) => (rankOf[p] = rank));
  // Per supplier (organization index).
  const risk = new Float64Array(n);
  const largest = new Int32Array(n);
  // The primes a supplier is a chokepoint of: bits by prime rank (so they list in id order), W words each.
  const W = (P + 31) >>> 5;
  const primeBits = new Int32Array(n * W);
  const isSupplier = new Uint8Array(n);
  const lostOf: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(n);
  // Per prime (prime index).
  const chokepoints = new Int32Array(P);
  const onChokepoints = new Float64Array(P);
  const singleRoute: number[][] = Array.from({ length: P }, () => []);
  const deepest: PrimeResilience['deepest'][] = new Array<PrimeResilience['deepest']>(P).fill(null);

  const totals = countChokepoints(graph, dominance, (prime, supplier, cutOff, exposure, lost, depth) => {
    const p = dominance.primeIndex[prime]!;
    risk[supplier]! += exposure;
    if (cutOff > largest[supplier]!) largest[supplier] = cutOff;
    const rank = rankOf[p]!;
    primeBits[supplier * W + (rank >>> 5)]! |= 1 << (rank & 31);
    isSupplier[supplier] = 1;
    if (lost.length > 0) {
      const set = (lostOf[supplier] ??= new Set());
      for (const c of lost) set.add(c);
      for (const c of lost) singleRoute[p]!.push(c);
    }
    chokepoints[p]!++;
    onChokepoints[p]! += exposure;
    const known = deepest[p];
    if (
      known == null ||
      depth > known.depth ||
      (depth === known.depth &&
        (cutOff > known.cutOff ||
          (cutOff === known.cutOff && compareText(orgIds[supplier]!, known.supplier) < 0)))
    )
      deepest[p] = { supplier: orgIds[supplier]!, depth, cutOff };
  });

  const suppliers: SupplierRisk[] = [];
  for (let v = 0; v < n; v++) {
    if (isSupplier[v] === 0) continue;
    const primes: string[] = [];
    for (let w = 0; w < W; w++) {
      let bits = primeBits[v * W + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        primes.push(orgIds[dominance.primes[byId[(w << 5) | (31 - Math.clz32(low))]!]!]!);
      }
    }
    suppliers.push({
      supplier: orgIds[v]!,
      exposure: risk[v]!,
      primes,
      capabilitiesLost: [...(lostOf[v] ?? [])].map((c) => capabilityIds[c]!).sort(compareText),
      largestCutOff: largest[v]!,
    });
  }
  suppliers.sort(
    (a, b) =>
      b.exposure - a.exposure || b.largestCutOff - a.largestCutOff || compareText(a.supplier, b.supplier),
  );
  const primes: PrimeResilience[] = byId.map((p) => ({
    prime: orgIds[dominance.primes[p]!]!,
    purchases: totals[p]!,
    onChokepoints: onChokepoints[p]!,
    chokepoints: chokepoints[p]!,
    singleRoute: singleRoute[p]!.map((c) => capabilityIds[c]!).sort(compareText),
    deepest: deepest[p] ?? null,
  }));
  return { suppliers, primes };
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

/**
 * One prime's chokepoints (supplier ids, sorted): the immediate dominators of its non-trivial pairs (every
 * supplier that cuts something off is the immediate dominator of the first organization below it) and the
 * sole direct suppliers of a capability it buys.
 */
export function primeChokepoints(
  graph: SupplyGraph,
  primeId: string,
  dominance = computeDominance(graph),
): string[] {
  const v = graph.orgIds.indexOf(primeId);
  const p = v < 0 ? -1 : dominance.primeIndex[v]!;
  if (p < 0) return [];
  const found = new Set<number>();
  for (let slot = 0; slot < dominance.count; slot++)
    if (dominance.prime[slot] === p && dominance.idom[slot] !== v) found.add(dominance.idom[slot]!);
  for (const s of directPurchases(graph, purchasesByPrime(graph, dominance), p).lost.keys()) found.add(s);
  return [...found].map((s) => graph.orgIds[s]!).sort(compareText);
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
