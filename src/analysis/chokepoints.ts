// Directional resilience (DESIGN.md §3): for each prime p, the suppliers whose closure would cut p off from
// part of its supply base. On the simple directed supply graph (supplier → buyer; self-links dropped,
// parallel links merged), reversed so that it is rooted at p, a supplier s cuts off exactly the organizations
// it dominates: cutOff(p, s) is s's subtree in p's dominator tree, less s. Every prime's tree comes at once from
// computeDominance (dominance.ts). A direct supplier of p is a child of p in that tree (not every child is a
// direct supplier), so the capabilities p would lose with s are those s alone supplies to p directly.
import { quickselect } from 'd3-array';
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
  const direct = directSuppliers(graph, dominance);
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
    const exposure = new Map<number, number>();
    const lost = new Map<number, number[]>();
    for (let e = direct.start[p]!; e < direct.start[p + 1]!; e++) {
      const s = direct.supplier[e]!;
      exposure.set(s, direct.value[e]!);
      if (direct.lostStart[e]! < direct.lostStart[e + 1]!) lost.set(s, lostOf(direct, e));
    }
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
  /** The primes a supplier is a chokepoint of: for each block of primes, a word per supplier (bit k: the block's
   *  prime k); empty for a block not counted here. */
  primeBits: Int32Array[];
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
    primeBits: Array.from({ length: Math.ceil(P / BLOCK) }, () => new Int32Array(0)),
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
    ...sums.primeBits,
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
  other.primeBits.forEach((theirs, k) => {
    const mine = into.primeBits[k]!;
    if (mine.length === 0) into.primeBits[k] = theirs;
    else for (let v = 0; v < theirs.length; v++) mine[v]! |= theirs[v]!;
  });
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
  constructor(
    readonly sums: ChokepointSums,
    private readonly idAt: (position: number) => string,
  ) {}

  /** The chokepoint pair (prime p, supplier at position s): its cut-off size, exposure and depth. */
  add(p: number, s: number, cutOff: number, exposure: number, depth: number): void {
    const sums = this.sums;
    if (exposure !== 0) {
      sums.risk[s]! += exposure;
      sums.onChokepoints[p]! += exposure;
    }
    if (cutOff > sums.largest[s]!) sums.largest[s] = cutOff;
    sums.primeBits[Math.floor(p / BLOCK)]![s]! |= 1 << (p % BLOCK);
    sums.isSupplier[s] = 1;
    sums.chokepoints[p]!++;
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

  /** The capabilities p buys directly from the supplier at position s alone: entry e of `direct`. */
  addLost(p: number, s: number, direct: DirectSuppliers, e: number): void {
    let set = this.sums.lost.get(s);
    if (set === undefined) this.sums.lost.set(s, (set = new Set()));
    for (let k = direct.lostStart[e]!; k < direct.lostStart[e + 1]!; k++) {
      set.add(direct.lost[k]!);
      this.sums.singleRoute[p]!.push(direct.lost[k]!);
    }
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
  return new BlockCounter(graph, frame);
}

/**
 * chokepointCounter's work, as methods with one loop each: one class for every counter, so that the engine
 * compiles each loop once for all graphs (a closure made per counter would start cold each time).
 */
class BlockCounter implements ChokepointCounter {
  readonly sums: ChokepointSums;
  private readonly tally: Tally;
  private readonly direct: DirectSuppliers;
  private readonly solver: DominanceSolver;
  private readonly underTop: Int32Array;
  /** The entry in `direct` of each supplier of the prime at hand, by position (-1: none, or already counted). */
  private readonly entryAt: Int32Array;
  private readonly tops: number[] = [];
  private depth = new Int32Array(0);
  private size = new Int32Array(0);
  private under = new Int32Array(0);
  private readonly underStart = new Int32Array(BLOCK + 1);
  private readonly visit = (block: DominanceBlock) => this.visitBlock(block);

  constructor(
    graph: ResilienceGraph,
    private readonly frame: DominanceFrame,
  ) {
    const n = graph.orgCount;
    const { order } = frame;
    this.tally = new Tally(emptySums(n, frame.primes.length), (at) => graph.orgIds[order[at]!]!);
    this.sums = this.tally.sums;
    this.direct = directSuppliers(graph, frame);
    this.underTop = new Int32Array(n);
    this.entryAt = new Int32Array(n).fill(-1);
    this.solver = new DominanceSolver(frame);
  }

  count(block: number): void {
    this.solver.solve(block, this.visit);
  }

  private visitBlock(block: DominanceBlock): void {
    const { count } = block;
    const slab = block.base / BLOCK;
    if (this.sums.primeBits[slab]!.length === 0)
      this.sums.primeBits[slab] = new Int32Array(this.frame.order.length);
    if (this.depth.length < count) {
      this.depth = new Int32Array(count * 1.25);
      this.size = new Int32Array(count * 1.25);
      this.under = new Int32Array(count * 1.25);
    }
    this.depthsAndSizes(block);
    this.deeperChokepoints(block);
    this.byPrime(block);
    for (let p = block.base; p < Math.min(block.base + BLOCK, this.frame.primes.length); p++)
      this.prime(p, block);
  }

  /** Depth of each pair's organization in its prime's tree (2 below a top, one more below each stored idom),
   *  1 for the size of its subtree, and how many pairs lie right below a top, by prime. */
  private depthsAndSizes({ base, count, prime, parent }: DominanceBlock): void {
    const { depth, size, underStart } = this;
    underStart.fill(0);
    for (let slot = 0; slot < count; slot++) {
      const up = parent[slot]!;
      if (up < 0) {
        depth[slot] = 2;
        underStart[prime[slot]! - base + 1]!++;
      } else depth[slot] = depth[up]! + 1;
      size[slot] = 1;
    }
  }

  /** The sizes of the subtrees: parents come before their children in slot order, so a backward sweep meets
   *  each pair with its size complete. A pair with something below it is a deeper chokepoint. */
  private deeperChokepoints({ count, node, prime, parent }: DominanceBlock): void {
    const { depth, size, tally } = this;
    for (let slot = count - 1; slot >= 0; slot--) {
      const below = size[slot]!;
      if (below > 1) tally.add(prime[slot]!, node[slot]!, below - 1, 0, depth[slot]!);
      if (parent[slot]! >= 0) size[parent[slot]!]! += below;
    }
  }

  /** The pairs right below a top, by prime (those below a deeper chokepoint are counted in its size). */
  private byPrime({ base, count, prime, parent }: DominanceBlock): void {
    const { under, underStart } = this;
    for (let k = 0; k < BLOCK; k++) underStart[k + 1]! += underStart[k]!;
    const cursor = underStart.slice(0, BLOCK);
    for (let slot = 0; slot < count; slot++)
      if (parent[slot]! < 0) under[cursor[prime[slot]! - base]!++] = slot;
  }

  /** Prime p's children with something below them, then its other direct suppliers of a capability. */
  private prime(p: number, { base, top }: DominanceBlock): void {
    const { direct, entryAt, underTop, tops, tally, under, size, underStart } = this;
    const { position } = this.frame;
    tally.sums.totals[p] = direct.total[p]!;
    const first = direct.start[p]!;
    const last = direct.start[p + 1]!;
    for (let e = first; e < last; e++) entryAt[position[direct.supplier[e]!]!] = e;
    for (let k = underStart[p - base]!; k < underStart[p - base + 1]!; k++) {
      const slot = under[k]!;
      const t = top[slot]!;
      if (underTop[t] === 0) tops.push(t);
      underTop[t]! += size[slot]!;
    }
    for (const t of tops) {
      const e = entryAt[t]!;
      tally.add(p, t, underTop[t]!, e < 0 ? 0 : direct.value[e]!, 1);
      if (e >= 0) {
        tally.addLost(p, t, direct, e);
        entryAt[t] = -1;
      }
      underTop[t] = 0;
    }
    tops.length = 0;
    for (let e = first; e < last; e++) {
      const at = position[direct.supplier[e]!]!;
      if (entryAt[at] !== e) continue;
      entryAt[at] = -1;
      if (direct.lostStart[e] === direct.lostStart[e + 1]) continue;
      tally.add(p, at, 0, direct.value[e]!, 1);
      tally.addLost(p, at, direct, e);
    }
  }
}

/**
 * Another thread that works through blocks of the same graph and frame. `begin` answers the blocks it has
 * already done of its own accord (the last ones, from the end down, at most half of them: see onTwo; null if
 * it failed); `take` answers once it has done the block (false if it failed); `collect` answers what it found
 * in the blocks it lists (null if it failed) and starts afresh.
 */
export interface BlockHelper<T> {
  begin(): Promise<number[] | null>;
  take(block: number): Promise<boolean>;
  collect(): Promise<{ found: T; blocks: number[] } | null>;
}

/**
 * Works through every block on two threads: this one takes them from the first up, the helper from the last
 * down, each the next one not taken, so that both finish together however fast each runs. The helper may
 * have done some of the last ones already, before being asked (while this thread was busy with something
 * else); until it has said which, this thread stays in the first half. Then it hands the helper its blocks
 * (two ahead, so that it never waits) and `pause`s between its own to hear the helper's answers. Answers what
 * the helper found (null if it failed) after doing here the blocks it had and did not do, so that a failing
 * helper costs time only.
 */
async function onTwo<T>(
  blocks: number,
  mine: (block: number) => void,
  helper: BlockHelper<T>,
  pause: () => Promise<void>,
): Promise<T | null> {
  const half = Math.ceil(blocks / 2);
  /** The helper's blocks: done before being asked, then given. */
  const given: number[] = [];
  let front = 0;
  let back = blocks - 1;
  const give = (): void => {
    if (back < front) return;
    const block = back--;
    given.push(block);
    void helper.take(block).then((done) => {
      if (done) give();
    });
  };
  /** Whether the helper works with this thread: not yet known, yes, or no (it failed). */
  let helping: boolean | null = null;
  const begun = helper.begin().then((ahead) => {
    // Only the last blocks, from the end down, none of them this thread's: else the helper is not used.
    helping =
      ahead !== null && ahead.length <= blocks - half && ahead.every((block, k) => block === blocks - 1 - k);
    if (ahead === null || !helping) return;
    given.push(...ahead);
    back = blocks - 1 - ahead.length;
    give();
    give();
  });
  while (front <= back) {
    if (front >= half && helping === null) await begun;
    else {
      mine(front++);
      await pause();
    }
  }
  await begun;
  if (helping !== true) {
    while (front < blocks) mine(front++);
    return null;
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
  // Made once the helper has been asked to begin: it does not wait for this thread's setting up.
  let counter: ChokepointCounter | null = null;
  const mine = (block: number) => (counter ??= chokepointCounter(graph, frame)).count(block);
  const theirs = await onTwo(blockCount(frame), mine, helper, pause);
  counter ??= chokepointCounter(graph, frame);
  if (theirs !== null) mergeSums(counter.sums, theirs);
  return resilienceFrom(graph, frame, counter.sums, rows);
}

/**
 * Each prime's direct suppliers (distinct organizations), CSR by prime index: entry e names the supplier, what
 * the prime buys from it (USD per year, over its usable links, values below 0 as 0) and, at
 * `lost[lostStart[e] .. lostStart[e + 1])`, the capabilities (indices) it alone sells the prime.
 */
interface DirectSuppliers {
  start: Int32Array;
  supplier: Int32Array;
  value: Float64Array;
  lostStart: Int32Array;
  lost: Int32Array;
  /** By prime index: all it buys directly. */
  total: Float64Array;
}

/** The usable links into each prime (their source, value (below 0 as 0) and capability), by prime index, read
 *  in link order; and one more than the largest capability index among them. */
function linksIntoPrimes(
  graph: ResilienceGraph,
  dominance: Pick<Dominance, 'primes' | 'primeIndex'>,
): {
  intoStart: Int32Array;
  intoSource: Int32Array;
  intoValue: Float64Array;
  intoCapability: Int32Array;
  capabilities: number;
} {
  const { kind, linkSource, linkTarget, linkValue, linkCapability } = graph;
  const { primeIndex } = dominance;
  const P = dominance.primes.length;
  const intoStart = new Int32Array(P + 1);
  const m = graph.linkCount;
  /** The link's prime (by index) when it is a usable link into a prime, else -1. */
  const intoPrime = (l: number): number => {
    const s = linkSource[l]!;
    const p = primeIndex[linkTarget[l]!]!;
    return p >= 0 && s !== linkTarget[l] && kind[s] !== REMOVED_KIND ? p : -1;
  };
  for (let l = 0; l < m; l++) {
    const p = intoPrime(l);
    if (p >= 0) intoStart[p + 1]!++;
  }
  for (let p = 0; p < P; p++) intoStart[p + 1]! += intoStart[p]!;
  const links = intoStart[P]!;
  const intoSource = new Int32Array(links);
  const intoValue = new Float64Array(links);
  const intoCapability = new Int32Array(links);
  const cursor = intoStart.slice(0, P);
  let capabilities = 0;
  for (let l = 0; l < m; l++) {
    const p = intoPrime(l);
    if (p < 0) continue;
    const k = cursor[p]!++;
    intoSource[k] = linkSource[l]!;
    intoValue[k] = linkValue[l]! > 0 ? linkValue[l]! : 0;
    intoCapability[k] = linkCapability[l]!;
    if (linkCapability[l]! >= capabilities) capabilities = linkCapability[l]! + 1;
  }
  return { intoStart, intoSource, intoValue, intoCapability, capabilities };
}

function directSuppliers(
  graph: ResilienceGraph,
  dominance: Pick<Dominance, 'primes' | 'primeIndex'>,
): DirectSuppliers {
  const P = dominance.primes.length;
  const { intoStart, intoSource, intoValue, intoCapability, capabilities } = linksIntoPrimes(
    graph,
    dominance,
  );
  const links = intoSource.length;
  // Per prime: its distinct suppliers (an organization's entry is its latest, so it is this prime's when it is
  // at or after the prime's first), and the one supplier of each capability (-1: several), stamped by prime.
  const start = new Int32Array(P + 1);
  const supplier = new Int32Array(links);
  const value = new Float64Array(links);
  const total = new Float64Array(P);
  const entryOfOrg = new Int32Array(graph.orgCount).fill(-1);
  const sole = new Int32Array(capabilities);
  const soleStamp = new Int32Array(capabilities).fill(-1);
  const touched: number[] = [];
  // (entry, capability) for each capability one supplier alone sells a prime, in the order the links name them.
  const lostEntry: number[] = [];
  const lostCapability: number[] = [];
  let entries = 0;
  for (let p = 0; p < P; p++) {
    const first = entries;
    touched.length = 0;
    for (let k = intoStart[p]!; k < intoStart[p + 1]!; k++) {
      const s = intoSource[k]!;
      const v = intoValue[k]!;
      total[p]! += v;
      let e = entryOfOrg[s]!;
      if (e < first) {
        e = entryOfOrg[s] = entries++;
        supplier[e] = s;
      }
      value[e]! += v;
      const c = intoCapability[k]!;
      if (c < 0) continue;
      if (soleStamp[c] !== p) {
        soleStamp[c] = p;
        sole[c] = e;
        touched.push(c);
      } else if (sole[c] !== e) sole[c] = -1;
    }
    start[p + 1] = entries;
    for (const c of touched)
      if (sole[c]! >= 0) {
        lostEntry.push(sole[c]!);
        lostCapability.push(c);
      }
  }
  // The capabilities by entry (a counting sort, keeping their order).
  const lostStart = new Int32Array(entries + 1);
  for (const e of lostEntry) lostStart[e + 1]!++;
  for (let e = 0; e < entries; e++) lostStart[e + 1]! += lostStart[e]!;
  const lost = new Int32Array(lostEntry.length);
  const cursorOf = lostStart.slice(0, entries);
  lostEntry.forEach((e, k) => (lost[cursorOf[e]!++] = lostCapability[k]!));
  return {
    start,
    supplier: supplier.slice(0, entries),
    value: value.slice(0, entries),
    lostStart,
    lost,
    total,
  };
}

/** The capabilities of entry e of `direct`. */
function lostOf(direct: DirectSuppliers, e: number): number[] {
  return Array.from(direct.lost.subarray(direct.lostStart[e]!, direct.lostStart[e + 1]!));
}

/** Entry of supplier s among prime p's direct suppliers, or -1. */
function entryOf(direct: DirectSuppliers, p: number, s: number): number {
  for (let e = direct.start[p]!; e < direct.start[p + 1]!; e++) if (direct.supplier[e] === s) return e;
  return -1;
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
  const { byId, rankOf } = primeRanks(graph, frame);
  const { risk, largest, primeBits, isSupplier, lost } = sums;
  const ranked: number[] = [];
  for (let v = 0; v < n; v++) if (isSupplier[v] === 1) ranked.push(v);
  const before = (a: number, b: number) =>
    risk[b]! - risk[a]! || largest[b]! - largest[a]! || compareText(orgIds[order[a]!]!, orgIds[order[b]!]!);
  // Only the rows shown are put in order: the first `rows` found by selection, then sorted.
  if (rows < ranked.length)
    quickselect(ranked, rows, 0, ranked.length - 1, (a, b) => before(Number(a), Number(b)));
  const shown = ranked.slice(0, Math.min(rows, ranked.length)).sort(before);
  const suppliers = shown.map((v): SupplierRisk => {
    const ranks: number[] = [];
    for (let k = 0; k < blockCount(frame); k++) {
      let bits = primeBits[k]![v] ?? 0;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        ranks.push(rankOf[k * BLOCK + 31 - Math.clz32(low)]!);
      }
    }
    return {
      supplier: orgIds[order[v]!]!,
      exposure: risk[v]!,
      primes: ranks.sort((a, b) => a - b).map((rank) => orgIds[frame.primes[byId[rank]!]!]!),
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
      below[slot] = (up < 0 ? top[slot] === at : node[up] === at || below[up] === 1) ? 1 : 0;
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
  const direct = directSuppliers(graph, frame);
  const out: Chokepoint[] = [];
  for (const p of primes) {
    const cutOff = cut.get(p) ?? [];
    const e = sellsTo.has(p) ? entryOf(direct, p, s) : -1;
    const lost = e < 0 ? [] : lostOf(direct, e);
    if (cutOff.length === 0 && lost.length === 0) continue;
    out.push({
      prime: orgIds[frame.primes[p]!]!,
      supplier: supplierId,
      cutOff: cutOff.map((v) => orgIds[frame.order[v]!]!).sort(compareText),
      exposure: e < 0 ? 0 : direct.value[e]!,
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
  const direct = directSuppliers(graph, frame);
  for (let e = direct.start[p]!; e < direct.start[p + 1]!; e++)
    if (direct.lostStart[e]! < direct.lostStart[e + 1]!) found.add(direct.supplier[e]!);
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
