// Directional resilience (DESIGN.md §3): for each prime p, the suppliers whose closure would cut p off from
// part of its supply base. On the simple directed supply graph (supplier → buyer; self-links dropped,
// parallel links merged), reversed so that it is rooted at p, a supplier s cuts off exactly the organizations
// it dominates: cutOff(p, s) is s's subtree in p's dominator tree, less s. Every prime's tree comes at once from
// computeDominance (dominance.ts). A direct supplier of p is a child of p in that tree (not every child is a
// direct supplier), so the capabilities p would lose with s are those s alone supplies to p directly.
import { compareText } from './compare-text.ts';
import {
  BLOCK,
  blockCount,
  computeDominance,
  DominanceSolver,
  dominanceFrame,
  eachDominanceBlock,
} from './dominance.ts';
import type { Dominance, DominanceBlock, DominanceFrame } from './dominance.ts';
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

/** What the resilience walk reads of a supply graph: all a helper thread needs to count blocks of it. */
export type ResilienceGraph = Pick<
  SupplyGraph,
  'orgCount' | 'orgIds' | 'kind' | 'linkCount' | 'linkSource' | 'linkTarget' | 'linkValue' | 'linkCapability'
>;

/**
 * The sums of resilienceOf as the counting walk adds chokepoint pairs: per supplier (by position in the
 * visiting order, DominanceFrame.order, which the walk follows) and per prime (by prime index). Plain data, so
 * that a helper thread can count some of the blocks and hand its sums back (mergeSums).
 */
export interface ChokepointSums {
  /** Per supplier: region-wide exposure, largest cut-off, and whether it is a chokepoint of some prime. */
  risk: Float64Array;
  largest: Int32Array;
  isSupplier: Uint8Array;
  /** The primes a supplier is a chokepoint of: bits by prime rank (so they list in id order), W words each. */
  primeBits: Int32Array;
  /** The capabilities some prime buys directly from the supplier alone, by supplier. */
  lost: Map<number, Set<number>>;
  /** Per prime: its chokepoints, its purchases from them, its purchases, its single-route capabilities. */
  chokepoints: Int32Array;
  onChokepoints: Float64Array;
  totals: Float64Array;
  singleRoute: number[][];
  /** Each prime's deepest chokepoint: its depth (0: none yet), cut-off size and position. */
  deepDepth: Int32Array;
  deepCut: Int32Array;
  deepAt: Int32Array;
}

function emptySums(n: number, P: number): ChokepointSums {
  return {
    risk: new Float64Array(n),
    largest: new Int32Array(n),
    isSupplier: new Uint8Array(n),
    primeBits: new Int32Array(n * ((P + 31) >>> 5)),
    lost: new Map(),
    chokepoints: new Int32Array(P),
    onChokepoints: new Float64Array(P),
    totals: new Float64Array(P),
    singleRoute: Array.from({ length: P }, () => []),
    deepDepth: new Int32Array(P),
    deepCut: new Int32Array(P),
    deepAt: new Int32Array(P),
  };
}

/** The buffers of the sums' typed arrays, to move them to another thread. */
export function sumsBuffers(sums: ChokepointSums): ArrayBuffer[] {
  return [
    sums.risk,
    sums.largest,
    sums.isSupplier,
    sums.primeBits,
    sums.chokepoints,
    sums.onChokepoints,
    sums.totals,
    sums.deepDepth,
    sums.deepCut,
    sums.deepAt,
  ].map((column) => column.buffer as ArrayBuffer);
}

/** Adds `other` (the sums of other blocks of the same graph: other primes) into `into`. */
export function mergeSums(into: ChokepointSums, other: ChokepointSums): void {
  for (let v = 0; v < into.risk.length; v++) {
    into.risk[v]! += other.risk[v]!;
    if (other.largest[v]! > into.largest[v]!) into.largest[v] = other.largest[v]!;
    into.isSupplier[v]! |= other.isSupplier[v]!;
  }
  for (let k = 0; k < into.primeBits.length; k++) into.primeBits[k]! |= other.primeBits[k]!;
  for (const [s, caps] of other.lost) {
    const known = into.lost.get(s);
    if (known === undefined) into.lost.set(s, caps);
    else for (const c of caps) known.add(c);
  }
  for (let p = 0; p < into.chokepoints.length; p++) {
    into.chokepoints[p]! += other.chokepoints[p]!;
    into.onChokepoints[p]! += other.onChokepoints[p]!;
    into.totals[p]! += other.totals[p]!;
    for (const c of other.singleRoute[p]!) into.singleRoute[p]!.push(c);
    // Each prime is counted by one side only.
    if (other.deepDepth[p]! > into.deepDepth[p]!) {
      into.deepDepth[p] = other.deepDepth[p]!;
      into.deepCut[p] = other.deepCut[p]!;
      into.deepAt[p] = other.deepAt[p]!;
    }
  }
}

/** Prime index → its rank among the primes in id order. */
function primeRanks(graph: ResilienceGraph, frame: DominanceFrame): { rankOf: Int32Array; byId: number[] } {
  const { orgIds } = graph;
  const byId = Array.from(frame.primes, (_, p) => p).sort((a, b) =>
    compareText(orgIds[frame.primes[a]!]!, orgIds[frame.primes[b]!]!),
  );
  const rankOf = new Int32Array(byId.length);
  byId.forEach((p, rank) => (rankOf[p] = rank));
  return { rankOf, byId };
}

/** Adds chokepoint pairs to the sums. */
class Tally {
  private readonly W: number;
  constructor(
    readonly sums: ChokepointSums,
    private readonly rankOf: Int32Array,
    private readonly idAt: (position: number) => string,
  ) {
    this.W = (rankOf.length + 31) >>> 5;
  }

  /** The chokepoint pair (prime p, supplier at position s): its cut-off size, exposure and depth. */
  add(p: number, s: number, cutOff: number, exposure: number, depth: number): void {
    const sums = this.sums;
    sums.risk[s]! += exposure;
    if (cutOff > sums.largest[s]!) sums.largest[s] = cutOff;
    const rank = this.rankOf[p]!;
    sums.primeBits[s * this.W + (rank >>> 5)]! |= 1 << (rank & 31);
    sums.isSupplier[s] = 1;
    sums.chokepoints[p]!++;
    sums.onChokepoints[p]! += exposure;
    const known = sums.deepDepth[p]!;
    if (
      depth > known ||
      (depth === known &&
        (cutOff > sums.deepCut[p]! ||
          (cutOff === sums.deepCut[p]! && compareText(this.idAt(s), this.idAt(sums.deepAt[p]!)) < 0)))
    ) {
      sums.deepDepth[p] = depth;
      sums.deepCut[p] = cutOff;
      sums.deepAt[p] = s;
    }
  }

  /** The capabilities p buys directly from the supplier at position s alone. */
  addLost(p: number, s: number, lost: readonly number[]): void {
    let set = this.sums.lost.get(s);
    if (set === undefined) this.sums.lost.set(s, (set = new Set()));
    for (const c of lost) set.add(c);
    for (const c of lost) this.sums.singleRoute[p]!.push(c);
  }
}

/**
 * Counts the chokepoint pairs of the blocks of primes it is given, one at a time (by number), into its sums:
 * each stored pair's subtree size is added to its parent's in one backward sweep over the block's slots, so
 * the walk is linear in the pairs whatever the trees' depth, and holds one block at a time.
 */
export interface ChokepointCounter {
  count(block: number): void;
  readonly sums: ChokepointSums;
}

export function chokepointCounter(graph: ResilienceGraph, frame: DominanceFrame): ChokepointCounter {
  const P = frame.primes.length;
  const { order, position } = frame;
  const tally = new Tally(
    emptySums(graph.orgCount, P),
    primeRanks(graph, frame).rankOf,
    (at) => graph.orgIds[order[at]!]!,
  );
  const into = purchasesByPrime(graph, frame);
  const underTop = new Int32Array(graph.orgCount);
  const seen = new Int32Array(graph.orgCount);
  const tops: number[] = [];
  let depth = new Int32Array(0);
  let size = new Int32Array(0);
  let under = new Int32Array(0);
  const underStart = new Int32Array(BLOCK + 1);
  const visit = ({ base, count, node, prime, top, parent }: DominanceBlock) => {
    if (depth.length < count) {
      depth = new Int32Array(count * 1.25);
      size = new Int32Array(count * 1.25);
      under = new Int32Array(count * 1.25);
    }
    // Depth of each pair's organization in its prime's tree (2 below a top, one more below each stored idom),
    // and the size of its subtree: parents come before their children in slot order, so a backward sweep meets
    // each pair with its size complete. A pair with something below it is a deeper chokepoint.
    for (let slot = 0; slot < count; slot++) {
      depth[slot] = parent[slot]! < 0 ? 2 : depth[parent[slot]!]! + 1;
      size[slot] = 1;
    }
    for (let slot = count - 1; slot >= 0; slot--) {
      const below = size[slot]!;
      if (below > 1) tally.add(prime[slot]!, node[slot]!, below - 1, 0, depth[slot]!);
      if (parent[slot]! >= 0) size[parent[slot]!]! += below;
    }
    // The pairs right below a top, by prime (those below a deeper chokepoint are counted in its size).
    underStart.fill(0);
    for (let slot = 0; slot < count; slot++) if (parent[slot]! < 0) underStart[prime[slot]! - base + 1]!++;
    for (let k = 0; k < BLOCK; k++) underStart[k + 1]! += underStart[k]!;
    const cursor = underStart.slice(0, BLOCK);
    for (let slot = 0; slot < count; slot++)
      if (parent[slot]! < 0) under[cursor[prime[slot]! - base]!++] = slot;
    for (let p = base; p < Math.min(base + BLOCK, P); p++) {
      for (let k = underStart[p - base]!; k < underStart[p - base + 1]!; k++) {
        const slot = under[k]!;
        const t = top[slot]!;
        if (underTop[t] === 0) tops.push(t);
        underTop[t]! += size[slot]!;
      }
      const { exposure, total, lost } = directPurchases(graph, into, p);
      tally.sums.totals[p] = total;
      for (const t of tops) {
        const org = order[t]!;
        tally.add(p, t, underTop[t]!, exposure.get(org) ?? 0, 1);
        const caps = lost.get(org);
        if (caps !== undefined) tally.addLost(p, t, caps);
        underTop[t] = 0;
        seen[t] = p + 1;
      }
      tops.length = 0;
      for (const [s, caps] of lost) {
        const at = position[s]!;
        if (seen[at] === p + 1) continue;
        tally.add(p, at, 0, exposure.get(s) ?? 0, 1);
        tally.addLost(p, at, caps);
      }
    }
  };
  const solver = new DominanceSolver(frame);
  return { count: (block) => solver.solve(block, visit), sums: tally.sums };
}

/**
 * Another thread that works through blocks of the same graph and frame: `take` answers once it has done the
 * block (false if it failed), `collect` answers what it found in the blocks it lists (null if it failed) and
 * starts afresh.
 */
export interface BlockHelper<T> {
  take(block: number): Promise<boolean>;
  collect(): Promise<{ found: T; blocks: number[] } | null>;
}

/**
 * Works through every block on two threads: this one and a helper take the blocks in turn, each the next one
 * not taken, so that both finish together however fast each runs. This thread hands the helper its blocks (two
 * ahead, so it never waits) and `pause`s between its own to hear the helper's answers. Answers what the helper
 * found (null if it failed) after doing here the blocks it was given and did not do, so that a failing helper
 * costs time only.
 */
async function onTwo<T>(
  blocks: number,
  mine: (block: number) => void,
  helper: BlockHelper<T>,
  pause: () => Promise<void>,
): Promise<T | null> {
  const given: number[] = [];
  let next = 0;
  const give = (): void => {
    if (next >= blocks) return;
    const block = next++;
    given.push(block);
    void helper.take(block).then((done) => {
      if (done) give();
    });
  };
  give();
  give();
  while (next < blocks) {
    mine(next++);
    await pause();
  }
  // The helper answers the collection after the blocks it was given.
  const theirs = await helper.collect();
  const usable = theirs !== null && theirs.blocks.every((block) => given.includes(block));
  const done = new Set(usable ? theirs.blocks : []);
  for (const block of given) if (!done.has(block)) mine(block);
  return usable ? theirs.found : null;
}

/** resilienceOf on two threads (see onTwo): the helper counts its blocks with its own chokepointCounter. */
export async function resilienceOnTwo(
  graph: SupplyGraph,
  frame: DominanceFrame,
  helper: BlockHelper<ChokepointSums>,
  pause: () => Promise<void>,
  rows = Infinity,
): Promise<Resilience> {
  const counter = chokepointCounter(graph, frame);
  const theirs = await onTwo(blockCount(frame), (block) => counter.count(block), helper, pause);
  if (theirs !== null) mergeSums(counter.sums, theirs);
  return resilienceFrom(graph, frame, counter.sums, rows);
}

/** The usable links into each prime, by prime index (CSR of link indices). */
interface Purchases {
  start: Int32Array;
  links: Int32Array;
}

function purchasesByPrime(
  graph: ResilienceGraph,
  dominance: Pick<Dominance, 'primes' | 'primeIndex'>,
): Purchases {
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
  graph: ResilienceGraph,
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
export function supplierRisks(
  graph: SupplyGraph,
  dominance: DominanceFrame = dominanceFrame(graph),
): SupplierRisk[] {
  return resilienceOf(graph, dominance).suppliers;
}

/** Every prime's resilience summary, in prime id order. */
export function primeResilience(
  graph: SupplyGraph,
  dominance: DominanceFrame = dominanceFrame(graph),
): PrimeResilience[] {
  return resilienceOf(graph, dominance).primes;
}

/** The suppliers' ranking (supplierRisks) and the primes' summaries (primeResilience). */
export interface Resilience {
  /** The first rows of the ranking (all of it unless fewer were asked for). */
  suppliers: SupplierRisk[];
  /** How many suppliers the whole ranking has. */
  total: number;
  primes: PrimeResilience[];
}

/**
 * The suppliers' ranking (its first `rows`) and the primes' summaries from one walk over every block. Only the
 * rows returned are spelled out: on the 100k bench the whole ranking would list 4M prime ids.
 */
export function resilienceOf(
  graph: SupplyGraph,
  frame: DominanceFrame = dominanceFrame(graph),
  rows = Infinity,
): Resilience {
  const counter = chokepointCounter(graph, frame);
  for (let block = 0; block < blockCount(frame); block++) counter.count(block);
  return resilienceFrom(graph, frame, counter.sums, rows);
}

/** The ranking's first `rows` and the summaries from the sums of every block. */
function resilienceFrom(
  graph: SupplyGraph,
  frame: DominanceFrame,
  sums: ChokepointSums,
  rows: number,
): Resilience {
  const { orgIds, capabilityIds } = graph;
  const n = graph.orgCount;
  const { order } = frame;
  // The primes in id order, so that a supplier's primes sort as numbers.
  const { byId } = primeRanks(graph, frame);
  const W = (byId.length + 31) >>> 5;
  const { risk, largest, primeBits, isSupplier, lost } = sums;
  const ranked: number[] = [];
  for (let v = 0; v < n; v++) if (isSupplier[v] === 1) ranked.push(v);
  ranked.sort(
    (a, b) =>
      risk[b]! - risk[a]! || largest[b]! - largest[a]! || compareText(orgIds[order[a]!]!, orgIds[order[b]!]!),
  );
  const suppliers = ranked.slice(0, rows).map((v): SupplierRisk => {
    const primes: string[] = [];
    for (let w = 0; w < W; w++) {
      let bits = primeBits[v * W + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        primes.push(orgIds[frame.primes[byId[(w << 5) | (31 - Math.clz32(low))]!]!]!);
      }
    }
    return {
      supplier: orgIds[order[v]!]!,
      exposure: risk[v]!,
      primes,
      capabilitiesLost: [...(lost.get(v) ?? [])].map((c) => capabilityIds[c]!).sort(compareText),
      largestCutOff: largest[v]!,
    };
  });
  const primes: PrimeResilience[] = byId.map((p) => ({
    prime: orgIds[frame.primes[p]!]!,
    purchases: sums.totals[p]!,
    onChokepoints: sums.onChokepoints[p]!,
    chokepoints: sums.chokepoints[p]!,
    singleRoute: sums.singleRoute[p]!.map((c) => capabilityIds[c]!).sort(compareText),
    deepest:
      sums.deepDepth[p] === 0
        ? null
        : {
            supplier: orgIds[order[sums.deepAt[p]!]!]!,
            depth: sums.deepDepth[p]!,
            cutOff: sums.deepCut[p]!,
          },
  }));
  return { suppliers, total: ranked.length, primes };
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

/** What lies below one supplier in each prime's tree: positions, by prime index. */
export type CutOffs = Map<number, number[]>;

/** Finds, a block at a time (by number), what lies below the supplier at position `at`. */
export interface CutFinder {
  find(block: number): void;
  readonly cut: CutOffs;
}

/**
 * In each block, one forward sweep over the stored pairs finds those below the supplier: below it as a prime's
 * child, or below one of its own pairs.
 */
export function cutFinder(frame: DominanceFrame, at: number): CutFinder {
  const cut: CutOffs = new Map();
  let below = new Uint8Array(0);
  const visit = ({ count, node, prime, top, parent }: DominanceBlock) => {
    if (below.length < count) below = new Uint8Array(count * 1.25);
    for (let slot = 0; slot < count; slot++) {
      const up = parent[slot]!;
      below[slot] = top[slot] === at || (up >= 0 && (node[up] === at || below[up] === 1)) ? 1 : 0;
      if (below[slot] === 0) continue;
      const list = cut.get(prime[slot]!);
      if (list === undefined) cut.set(prime[slot]!, [node[slot]!]);
      else list.push(node[slot]!);
    }
  };
  const solver = new DominanceSolver(frame);
  return { find: (block) => solver.solve(block, visit), cut };
}

/**
 * One supplier's chokepoints (with their cut-off sets), by the same rules as findChokepoints and in its order,
 * holding one block of primes at a time (cutFinder); the primes it sells to add what they buy from it.
 */
export function chokepointsOf(
  graph: SupplyGraph,
  supplierId: string,
  frame: DominanceFrame = dominanceFrame(graph),
): Chokepoint[] {
  const s = graph.orgIds.indexOf(supplierId);
  if (s < 0) return [];
  const finder = cutFinder(frame, frame.position[s]!);
  for (let block = 0; block < blockCount(frame); block++) finder.find(block);
  return chokepointsFrom(graph, frame, s, finder.cut);
}

/** chokepointsOf on two threads (see onTwo): the helper searches its blocks with its own cutFinder. */
export async function chokepointsOfOnTwo(
  graph: SupplyGraph,
  supplierId: string,
  frame: DominanceFrame,
  helper: (at: number) => BlockHelper<CutOffs>,
  pause: () => Promise<void>,
): Promise<Chokepoint[]> {
  const s = graph.orgIds.indexOf(supplierId);
  if (s < 0) return [];
  const at = frame.position[s]!;
  const finder = cutFinder(frame, at);
  const theirs = await onTwo(blockCount(frame), (block) => finder.find(block), helper(at), pause);
  // Each prime's list comes from the one block that holds the prime.
  for (const [p, list] of theirs ?? []) finder.cut.set(p, list);
  return chokepointsFrom(graph, frame, s, finder.cut);
}

/** The chokepoints of organization s, from what lies below it in each prime's tree. */
function chokepointsFrom(graph: SupplyGraph, frame: DominanceFrame, s: number, cut: CutOffs): Chokepoint[] {
  const { orgIds, capabilityIds } = graph;
  const supplierId = orgIds[s]!;
  // The primes s sells to directly: their purchases from it.
  const primes = new Set(cut.keys());
  const sellsTo = new Set<number>();
  for (let k = frame.buyersOf.start[s]!; k < frame.buyersOf.start[s + 1]!; k++) {
    const p = frame.primeIndex[frame.buyersOf.to[k]!]!;
    if (p < 0) continue;
    sellsTo.add(p);
    primes.add(p);
  }
  const into = purchasesByPrime(graph, frame);
  const out: Chokepoint[] = [];
  for (const p of primes) {
    const cutOff = cut.get(p) ?? [];
    const direct = sellsTo.has(p) ? directPurchases(graph, into, p) : null;
    const lost = direct?.lost.get(s) ?? [];
    if (cutOff.length === 0 && lost.length === 0) continue;
    out.push({
      prime: orgIds[frame.primes[p]!]!,
      supplier: supplierId,
      cutOff: cutOff.map((v) => orgIds[frame.order[v]!]!).sort(compareText),
      exposure: direct?.exposure.get(s) ?? 0,
      capabilitiesLost: lost.map((c) => capabilityIds[c]!).sort(compareText),
    });
  }
  return out.sort(compareChokepoints);
}

/**
 * One prime's chokepoints (supplier ids, sorted): the immediate dominators of its non-trivial pairs (every
 * supplier that cuts something off is the immediate dominator of the first organization below it) and the
 * sole direct suppliers of a capability it buys. Solves only the prime's block.
 */
export function primeChokepoints(
  graph: SupplyGraph,
  primeId: string,
  frame: DominanceFrame = dominanceFrame(graph),
): string[] {
  const v = graph.orgIds.indexOf(primeId);
  const p = v < 0 ? -1 : frame.primeIndex[v]!;
  if (p < 0) return [];
  const found = new Set<number>();
  eachDominanceBlock(
    frame,
    ({ count, node, prime, top, parent }) => {
      for (let slot = 0; slot < count; slot++)
        if (prime[slot] === p) found.add(frame.order[parent[slot]! < 0 ? top[slot]! : node[parent[slot]!]!]!);
    },
    (base) => base === p - (p % BLOCK),
  );
  for (const s of directPurchases(graph, purchasesByPrime(graph, frame), p).lost.keys()) found.add(s);
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
