// Every prime's dominator tree at once, on the supply graph reversed (each prime the root of its own tree, the
// arcs running buyer → supplier). For a prime p and an organization v upstream of it, idom_p(v) is the meet, in
// p's tree, of v's buyers that reach p. Almost every v has idom_p(v) = p for almost every p (on the 100k / 1M
// bench, 37M of 48M pairs), so only the other pairs are stored ("non-trivial": v sits below a child of p, its
// "top"). The primes are handled 32 at a time, a block to a machine word; within a block, organizations are
// visited buyers first (the strongly connected components of the supply graph in Tarjan's order), and what is
// known of each (organization, prime) pair lives in flat arrays indexed by organization × 32 + bit:
// - Q(v): the block's primes v reaches, as a word: the union of its buyers' words, and its own bit if a prime.
// - TRIV(v): those it is a child of (reached, and the pair trivial).
// - A prime is non-trivial for v when v does not sell to it directly and either exactly one buyer of v reaches
//   it (that buyer is the idom: 99.8% of the stored pairs on the bench) or every buyer reaching it lies under
//   one top. Two buyers that are children of the prime already make it trivial (two different tops), so only
//   the few remaining bits look at the buyers' tops one by one, and their meet is walked up the stored idoms.
// A component of several organizations (a supply loop) is solved per prime by the iterative algorithm of
// Cooper, Harvey and Kennedy on its members alone: entered from the meet of its outside buyers, or from the prime
// when the prime is a member; its pairs are stored in reverse postorder, so that a pair's parent (the pair of its
// idom) is always stored before it.
import { KIND_CODE, REMOVED_KIND } from './supply-graph.ts';
import type { SupplyGraph } from './supply-graph.ts';

/** Distinct arcs as CSR: `to[start[i] .. start[i+1])` for node i. */
export interface Arcs {
  start: Int32Array;
  to: Int32Array;
}

export interface Dominance {
  /** Prime index → organization index (the primes in organization order). */
  primes: Int32Array;
  /** The organization's prime index, or -1. */
  primeIndex: Int32Array;
  /** Distinct supply arcs: suppliersOf (buyer → its suppliers) and buyersOf (supplier → its buyers). */
  suppliersOf: Arcs;
  buyersOf: Arcs;
  /** The non-trivial pairs, by slot: organization, prime index, top, and the slot of (idom, prime) when that
   *  pair is non-trivial too, else -1 (the idom is then the top): always a smaller slot, so a forward sweep
   *  meets every pair after its parent and a backward sweep before. */
  count: number;
  node: Int32Array;
  prime: Int32Array;
  top: Int32Array;
  parent: Int32Array;
}

/** The distinct arcs from[l] → to[l] of the usable links (usable[l] = 1), over n nodes, as CSR, by counting
 *  sort and a stamp sweep. */
function distinctArcs(n: number, usable: Uint8Array, from: Int32Array, to: Int32Array): Arcs {
  const m = usable.length;
  const start = new Int32Array(n + 1);
  for (let l = 0; l < m; l++) if (usable[l] === 1) start[from[l]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const all = new Int32Array(start[n]!);
  const cursor = start.slice(0, n);
  for (let l = 0; l < m; l++) if (usable[l] === 1) all[cursor[from[l]!]!++] = to[l]!;
  const stamp = new Int32Array(n);
  const compact = new Int32Array(n + 1);
  let write = 0;
  for (let u = 0; u < n; u++) {
    compact[u] = write;
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const v = all[k]!;
      if (stamp[v] !== u + 1) {
        stamp[v] = u + 1;
        all[write++] = v;
      }
    }
  }
  compact[n] = write;
  return { start: compact, to: all.subarray(0, write) };
}

/**
 * The components again, reordered by level (a component's level is one more than its buyers' deepest, primes
 * and other organizations without buyers at 0), keeping Tarjan's order within a level: still buyers first, and
 * an organization's buyers all lie in the levels just visited, so that in a tiered network what the solver
 * reads back is one tier's worth of memory.
 */
function byLevel(
  n: number,
  buyersOf: Arcs,
  found: { order: Int32Array; start: Int32Array; count: number },
): { order: Int32Array; start: Int32Array } {
  const { order, start, count } = found;
  const componentOf = new Int32Array(n);
  for (let c = 0; c < count; c++) for (let i = start[c]!; i < start[c + 1]!; i++) componentOf[order[i]!] = c;
  const level = new Int32Array(count);
  let deepest = 0;
  for (let c = 0; c < count; c++) {
    let l = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = order[i]!;
      for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
        const b = componentOf[buyersOf.to[e]!]!;
        if (b !== c && level[b]! + 1 > l) l = level[b]! + 1;
      }
    }
    level[c] = l;
    if (l > deepest) deepest = l;
  }
  // A counting sort of the components by level, then their members.
  const first = new Int32Array(deepest + 2);
  for (let c = 0; c < count; c++) first[level[c]! + 1]!++;
  for (let l = 0; l <= deepest; l++) first[l + 1]! += first[l]!;
  const sorted = new Int32Array(count);
  for (let c = 0; c < count; c++) sorted[first[level[c]!]!++] = c;
  const nextOrder = new Int32Array(n);
  const nextStart = new Int32Array(count + 1);
  let at = 0;
  for (let k = 0; k < count; k++) {
    const c = sorted[k]!;
    nextStart[k] = at;
    for (let i = start[c]!; i < start[c + 1]!; i++) nextOrder[at++] = order[i]!;
  }
  nextStart[count] = at;
  return { order: nextOrder, start: nextStart };
}

/** The arcs between positions: node `order[i]` is at position i. */
function renumbered(arcs: Arcs, order: Int32Array, position: Int32Array): Arcs {
  const n = order.length;
  const start = new Int32Array(n + 1);
  const to = new Int32Array(arcs.to.length);
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    let k = start[i]!;
    for (let e = arcs.start[v]!; e < arcs.start[v + 1]!; e++) to[k++] = position[arcs.to[e]!]!;
    start[i + 1] = k;
  }
  return { start, to };
}

/** The strongly connected components over `arcs`, in Tarjan's order (a component after every one it reaches). */
function components(n: number, arcs: Arcs): { order: Int32Array; start: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const order = new Int32Array(n);
  const start: number[] = [0];
  let next = 0;
  let top = 0;
  let written = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = arcs.start[root]!;
    index[root] = low[root] = next++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < arcs.start[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = arcs.to[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[top++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = arcs.start[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--top]!;
          onStack[w] = 0;
          order[written++] = w;
        } while (w !== v);
        start.push(written);
      }
    }
  }
  return { order, start: Int32Array.from(start), count: start.length - 1 };
}

/**
 * What every block shares: the distinct arcs, the primes, and the visiting order (buyers first: the strongly
 * connected components in Tarjan's order). Blocks name organizations by their position in that order.
 */
export interface DominanceFrame extends Pick<
  Dominance,
  'primes' | 'primeIndex' | 'suppliersOf' | 'buyersOf'
> {
  /** Position → organization, and organization → position. */
  order: Int32Array;
  position: Int32Array;
  /** The components, as ranges of positions: `[componentStart[c], componentStart[c + 1])`. */
  componentStart: Int32Array;
  /** buyersOf and suppliersOf between positions (what the solver reads). */
  buyersAt: Arcs;
  suppliersAt: Arcs;
}

/** Primes per block: one machine word. */
export const BLOCK = 32;

/** How many blocks the frame's primes make. */
export function blockCount(frame: Pick<DominanceFrame, 'primes'>): number {
  return Math.ceil(frame.primes.length / BLOCK);
}

/**
 * One block's stored pairs (the pairs of primes `base` to `base + 31`), by slot within the block, in the same
 * columns as Dominance but with organizations as positions (DominanceFrame.order): organization, prime index,
 * top, and the parent's slot within the block (always smaller) or -1. Only a pair without a parent has its top
 * written (its idom); the others have -1 there and share their parent's top. The slots follow the visiting
 * order. The columns are reused by the next block: read them within the visit.
 */
export interface DominanceBlock {
  base: number;
  count: number;
  node: Int32Array;
  prime: Int32Array;
  top: Int32Array;
  parent: Int32Array;
}

export function dominanceFrame(
  graph: Pick<SupplyGraph, 'orgCount' | 'kind' | 'linkCount' | 'linkSource' | 'linkTarget'>,
): DominanceFrame {
  const n = graph.orgCount;
  const { kind, linkSource, linkTarget } = graph;
  const usable = new Uint8Array(graph.linkCount);
  for (let l = 0; l < usable.length; l++) {
    const s = linkSource[l]!;
    const t = linkTarget[l]!;
    usable[l] = s !== t && kind[s] !== REMOVED_KIND && kind[t] !== REMOVED_KIND ? 1 : 0;
  }
  const suppliersOf = distinctArcs(n, usable, linkTarget, linkSource);
  const buyersOf = distinctArcs(n, usable, linkSource, linkTarget);
  const primeIndex = new Int32Array(n).fill(-1);
  const primeList: number[] = [];
  for (let v = 0; v < n; v++)
    if (kind[v] === KIND_CODE.prime) {
      primeIndex[v] = primeList.length;
      primeList.push(v);
    }
  const { order, start } = byLevel(n, buyersOf, components(n, buyersOf));
  const position = new Int32Array(n);
  order.forEach((v, i) => (position[v] = i));
  return {
    primes: Int32Array.from(primeList),
    primeIndex,
    suppliersOf,
    buyersOf,
    order,
    position,
    componentStart: start,
    buyersAt: renumbered(buyersOf, order, position),
    suppliersAt: renumbered(suppliersOf, order, position),
  };
}

/**
 * Solves the primes' dominator trees a block of 32 primes at a time and hands each block's pairs to `visit`;
 * `wanted` (by the block's first prime index) skips the others. Only one block's pairs are held at a time.
 */
export function eachDominanceBlock(
  frame: DominanceFrame,
  visit: (block: DominanceBlock) => void,
  wanted: (base: number) => boolean = () => true,
): void {
  const solver = new DominanceSolver(frame);
  for (let k = 0; k < blockCount(frame); k++) if (wanted(k * BLOCK)) solver.solve(k, visit);
}

/** Solves blocks one at a time (by number), reusing its memory from one block to the next. */
export class DominanceSolver {
  private readonly pairs: PairColumns;
  private readonly solver: BlockSolver;

  constructor(private readonly frame: DominanceFrame) {
    const { primes, buyersAt, suppliersAt, position } = frame;
    const n = frame.order.length;
    // About what a block of the bench's graph stores (3.8 pairs an organization): rarely grown.
    this.pairs = new PairColumns(Math.max(1024, n * 4));
    // The solver works on positions in visiting order, so that what it reads of an organization's buyers was
    // written shortly before, close by in memory.
    this.solver = new BlockSolver(
      n,
      primes.map((v) => position[v]!),
      buyersAt,
      suppliersAt,
      this.pairs,
    );
  }

  /** Solves block k and hands its pairs to `visit`. */
  solve(k: number, visit: (block: DominanceBlock) => void): void {
    const { pairs, solver } = this;
    const start = this.frame.componentStart;
    const count = start.length - 1;
    const base = k * BLOCK;
    pairs.count = 0;
    solver.begin(base);
    for (let c = 0; c < count; c++) {
      const from = start[c]!;
      const to = start[c + 1]!;
      if (to - from === 1) solver.visitSingle(from);
      else solver.visitLoop(from, to);
    }
    visit({
      base,
      count: pairs.count,
      node: pairs.node,
      prime: pairs.prime,
      top: pairs.top,
      parent: pairs.parent,
    });
  }
}

/** Every prime's tree, all pairs held at once (the blocks' columns end to end). */
export function computeDominance(graph: SupplyGraph): Dominance {
  const frame = dominanceFrame(graph);
  const blocks: { node: Int32Array; prime: Int32Array; top: Int32Array; parent: Int32Array }[] = [];
  let total = 0;
  eachDominanceBlock(frame, (block) => {
    const parent = block.parent.slice(0, block.count);
    const node = block.node.slice(0, block.count);
    const top = block.top.slice(0, block.count);
    for (let slot = 0; slot < block.count; slot++) {
      node[slot] = frame.order[node[slot]!]!;
      // A parent comes before its child: its top is already written.
      if (parent[slot]! < 0) top[slot] = frame.order[top[slot]!]!;
      else {
        top[slot] = top[parent[slot]!]!;
        parent[slot]! += total;
      }
    }
    blocks.push({ node, prime: block.prime.slice(0, block.count), top, parent });
    total += block.count;
  });
  const joined = (column: 'node' | 'prime' | 'top' | 'parent') => {
    const out = new Int32Array(total);
    let at = 0;
    for (const block of blocks) {
      out.set(block[column], at);
      at += block[column].length;
    }
    return out;
  };
  return {
    primes: frame.primes,
    primeIndex: frame.primeIndex,
    suppliersOf: frame.suppliersOf,
    buyersOf: frame.buyersOf,
    count: total,
    node: joined('node'),
    prime: joined('prime'),
    top: joined('top'),
    parent: joined('parent'),
  };
}

/** The stored pairs, as growable columns. */
class PairColumns {
  count = 0;
  node: Int32Array;
  prime: Int32Array;
  top: Int32Array;
  parent: Int32Array;
  constructor(capacity: number) {
    this.node = new Int32Array(capacity);
    this.prime = new Int32Array(capacity);
    this.top = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
  }
  /** Room for `extra` more pairs. */
  reserve(extra: number): void {
    if (this.count + extra <= this.node.length) return;
    const size = Math.max(this.node.length * 2, this.count + extra);
    const grow = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old.subarray(0, this.count));
      return next;
    };
    this.node = grow(this.node);
    this.prime = grow(this.prime);
    this.top = grow(this.top);
    this.parent = grow(this.parent);
  }
  /** Stores a pair (room reserved) and returns its slot. */
  add(v: number, p: number, top: number, parent: number): number {
    const slot = this.count++;
    this.node[slot] = v;
    this.prime[slot] = p;
    this.top[slot] = top;
    this.parent[slot] = parent;
    return slot;
  }
}

/** Per organization, in the block: the words below, side by side (STRIDE Int32s). */
const STRIDE = 8;
/** The block's primes it reaches (its own bit included). */
const Q = 0;
/** Those it is a child of. */
const TRIV = 1;
/** Its own bit when it is a prime of the block. */
const OWN = 2;
/** HASHES words from HASH on: bit k of a hash of its top for each prime it reaches (its own hash where it is
 *  the child). Two buyers whose words differ at a bit have different tops there. */
const HASH = 3;
const HASHES = 4;
/** The slot of its first stored pair of the block (the others follow in bit order); for a member of a supply
 *  loop, whose pairs are stored prime by prime, -1 - its row in the loop table. */
const FIRST = 7;

/** The number of bits set. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * One block of 32 primes at a time, on positions in visiting order (buyers first). An organization's stored
 * pairs of the block are found from its words alone: they are its bits in Q and not in TRIV or OWN, and they
 * sit at FIRST onward, in bit order. Their top and parent are read back from the pair columns.
 */
class BlockSolver {
  private base = 0;
  private readonly state: Int32Array;
  /** HASHES bits of a hash of each position. */
  private readonly hash: Uint8Array;
  /** The idom of each bit of the organization being visited. */
  private readonly idomOfBit = new Int32Array(32);
  /** The slots of supply loops' members, 32 to a row (by bit), for this block. */
  private loopSlots = new Int32Array(32 * 64);
  private loopRows = 0;
  private readonly memberIndex: Int32Array;
  private readonly chain: number[] = [];
  /** The block's primes each organization sells to directly (one bit each). */
  private readonly sellsTo: Int32Array;

  constructor(
    n: number,
    private readonly primes: Int32Array,
    private readonly buyersOf: Arcs,
    private readonly suppliersOf: Arcs,
    private readonly pairs: PairColumns,
  ) {
    this.state = new Int32Array(n * STRIDE);
    this.hash = new Uint8Array(n);
    for (let v = 0; v < n; v++) this.hash[v] = Math.imul(v + 1, 0x9e3779b1) >>> (32 - HASHES);
    this.memberIndex = new Int32Array(n).fill(-1);
    this.sellsTo = new Int32Array(n);
  }

  begin(base: number): void {
    this.base = base;
    this.state.fill(0);
    this.sellsTo.fill(0);
    this.loopRows = 0;
    const { start, to } = this.suppliersOf;
    for (let p = base; p < Math.min(base + 32, this.primes.length); p++) {
      const at = this.primes[p]!;
      this.state[at * STRIDE + OWN] = 1 << (p - base);
      for (let e = start[at]!; e < start[at + 1]!; e++) this.sellsTo[to[e]!]! |= 1 << (p - base);
    }
  }

  /** The slot of x's stored pair at the bit (x reaches the bit's prime and is not its child). */
  private slotOf(x: number, bit: number): number {
    const at = x * STRIDE;
    const first = this.state[at + FIRST]!;
    if (first < 0) return this.loopSlots[((-1 - first) << 5) | bit]!;
    const stored = this.state[at + Q]! & ~this.state[at + TRIV]! & ~this.state[at + OWN]!;
    return first + popcount(stored & ((1 << bit) - 1));
  }

  /** idom of x for the bit's prime (x reaches it; the prime itself when the pair is trivial). */
  private idomOf(x: number, bit: number): number {
    const root = this.primes[this.base + bit]!;
    if (x === root || ((this.state[x * STRIDE + TRIV]! >>> bit) & 1) !== 0) return root;
    const slot = this.slotOf(x, bit);
    const up = this.pairs.parent[slot]!;
    return up < 0 ? this.pairs.top[slot]! : this.pairs.node[up]!;
  }

  /** The meet of a and b in the bit's prime's tree (both reach it and were visited). */
  private meet(a: number, b: number, bit: number): number {
    const root = this.primes[this.base + bit]!;
    const chain = this.chain;
    chain.length = 0;
    for (let x = a; ; x = this.idomOf(x, bit)) {
      chain.push(x);
      if (x === root) break;
    }
    for (let y = b; ; y = this.idomOf(y, bit)) if (y === root || chain.includes(y)) return y;
  }

  /** The top of a stored pair: the top written on the first of its ancestors without a parent. */
  private topOfSlot(slot: number): number {
    const { parent } = this.pairs;
    let at = slot;
    while (parent[at]! >= 0) at = parent[at]!;
    return this.pairs.top[at]!;
  }

  /** The top of x for the bit's prime: x itself when it is a child of the prime. */
  private topOf(x: number, bit: number): number {
    return ((this.state[x * STRIDE + TRIV]! >>> bit) & 1) !== 0 ? x : this.topOfSlot(this.slotOf(x, bit));
  }

  /** Stores the pair (v, bit) below idom d (not the prime, visited before v). Its top, d's or d itself, is
   *  not looked up: d's hash words already carry its hash. */
  private store(v: number, bit: number, d: number): void {
    if (((this.state[d * STRIDE + TRIV]! >>> bit) & 1) !== 0) this.pairs.add(v, this.base + bit, d, -1);
    else this.pairs.add(v, this.base + bit, -1, this.slotOf(d, bit));
  }

  visitSingle(v: number): void {
    const { state, idomOfBit } = this;
    const { start, to } = this.buyersOf;
    const first = start[v]!;
    const last = start[v + 1]!;
    let ones = 0;
    let twos = 0;
    let onesTrivial = 0;
    let twosTrivial = 0;
    for (let e = first; e < last; e++) {
      const at = to[e]! * STRIDE;
      const q = state[at + Q]!;
      twos |= ones & q;
      ones |= q;
      const t = state[at + TRIV]!;
      twosTrivial |= onesTrivial & t;
      onesTrivial |= t;
    }
    const direct = this.sellsTo[v]!;
    const at = v * STRIDE;
    const mine = state[at + OWN]!;
    // One buyer reaching the prime (and v not selling to it): that buyer is the idom.
    const single = ones & ~twos & ~direct & ~mine;
    // Several, of which at most one is the prime's child: their tops may be one unless their hash words differ
    // (a third of the visits on the bench); those left are looked at one by one.
    let several = twos & ~twosTrivial & ~direct & ~mine;
    if (several !== 0) {
      // Per hash word: the bits where every buyer reaching the prime has a 1, and where some has.
      let all0 = -1;
      let any0 = 0;
      let all1 = -1;
      let any1 = 0;
      let all2 = -1;
      let any2 = 0;
      let all3 = -1;
      let any3 = 0;
      for (let e = first; e < last; e++) {
        const bAt = to[e]! * STRIDE;
        const q = state[bAt + Q]!;
        const h0 = state[bAt + HASH]!;
        const h1 = state[bAt + HASH + 1]!;
        const h2 = state[bAt + HASH + 2]!;
        const h3 = state[bAt + HASH + 3]!;
        all0 &= h0 | ~q;
        any0 |= h0;
        all1 &= h1 | ~q;
        any1 |= h1;
        all2 &= h2 | ~q;
        any2 |= h2;
        all3 &= h3 | ~q;
        any3 |= h3;
      }
      several &= ~((any0 & ~all0) | (any1 & ~all1) | (any2 & ~all2) | (any3 & ~all3));
    }
    let nt = single;
    // v's hash words: its own hash where it is the prime's child, its idom's words where it is stored (the
    // idom's top is v's, or the idom is the top).
    const mineHash = this.hash[v]!;
    let h0 = 0;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    if (single !== 0)
      for (let e = first; e < last; e++) {
        const b = to[e]!;
        const bAt = b * STRIDE;
        const mask = single & state[bAt + Q]!;
        if (mask === 0) continue;
        h0 |= state[bAt + HASH]! & mask;
        h1 |= state[bAt + HASH + 1]! & mask;
        h2 |= state[bAt + HASH + 2]! & mask;
        h3 |= state[bAt + HASH + 3]! & mask;
        let bits = mask;
        while (bits !== 0) {
          const low = bits & -bits;
          bits ^= low;
          idomOfBit[31 - Math.clz32(low)] = b;
        }
      }
    for (let bits = several; bits !== 0;) {
      const low = bits & -bits;
      bits ^= low;
      const bit = 31 - Math.clz32(low);
      let top = -1;
      let shared = true;
      for (let e = first; e < last && shared; e++) {
        const b = to[e]!;
        if ((state[b * STRIDE + Q]! & low) === 0) continue;
        const t = this.topOf(b, bit);
        if (top === -1) top = t;
        else shared = t === top;
      }
      if (!shared) continue;
      let m = -1;
      for (let e = first; e < last; e++) {
        const b = to[e]!;
        if ((state[b * STRIDE + Q]! & low) !== 0) m = m === -1 ? b : this.meet(m, b, bit);
      }
      idomOfBit[bit] = m;
      nt |= low;
      const mAt = m * STRIDE;
      h0 |= state[mAt + HASH]! & low;
      h1 |= state[mAt + HASH + 1]! & low;
      h2 |= state[mAt + HASH + 2]! & low;
      h3 |= state[mAt + HASH + 3]! & low;
    }
    const trivial = ones & ~nt;
    if (mineHash & 1) h0 |= trivial;
    if (mineHash & 2) h1 |= trivial;
    if (mineHash & 4) h2 |= trivial;
    if (mineHash & 8) h3 |= trivial;
    if (nt !== 0) {
      this.pairs.reserve(32);
      state[at + FIRST] = this.pairs.count;
      // Stored in bit order, so that each organization's pairs of a block are by prime.
      for (let rest = nt; rest !== 0;) {
        const low = rest & -rest;
        rest ^= low;
        const bit = 31 - Math.clz32(low);
        this.store(v, bit, idomOfBit[bit]!);
      }
    }
    state[at + Q] = ones | mine;
    state[at + TRIV] = trivial;
    state[at + HASH] = h0;
    state[at + HASH + 1] = h1;
    state[at + HASH + 2] = h2;
    state[at + HASH + 3] = h3;
  }
  /** A supply loop: the members share Q; each prime's tree over them comes from a small iteration. */
  visitLoop(from: number, to: number): void {
    const members = Int32Array.from({ length: to - from }, (_, i) => from + i);
    const { state, memberIndex, buyersOf, suppliersOf, pairs } = this;
    const size = members.length;
    members.forEach((v, i) => (memberIndex[v] = i));
    // Each member's row of slots in the loop table.
    const firstRow = this.loopRows;
    this.loopRows += size;
    if (this.loopRows * 32 > this.loopSlots.length) {
      const grown = new Int32Array(Math.max(this.loopSlots.length * 2, this.loopRows * 32));
      grown.set(this.loopSlots);
      this.loopSlots = grown;
    }
    members.forEach((v, i) => (state[v * STRIDE + FIRST] = -1 - (firstRow + i)));
    let shared = 0;
    for (const v of members) {
      shared |= state[v * STRIDE + OWN]!;
      for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
        const b = buyersOf.to[e]!;
        if (memberIndex[b] === -1) shared |= state[b * STRIDE + Q]!;
      }
    }
    // Local nodes: 0 = the entry from outside, 1..size = the members; arcs run buyer → supplier inside the loop.
    const succStart = new Int32Array(size + 2);
    const succ: number[] = [];
    const predOf: number[][] = Array.from({ length: size + 1 }, () => []);
    for (let i = 0; i < size; i++) {
      const v = members[i]!;
      succStart[i + 1] = succ.length;
      for (let e = suppliersOf.start[v]!; e < suppliersOf.start[v + 1]!; e++) {
        const k = memberIndex[suppliersOf.to[e]!]!;
        if (k === -1) continue;
        succ.push(k + 1);
        predOf[k + 1]!.push(i + 1);
      }
    }
    succStart[size + 1] = succ.length;
    const entered = new Uint8Array(size + 1);
    const enteredList: number[] = [];
    const idom = new Int32Array(size + 1);
    const order = new Int32Array(size + 1);
    const rpo = new Int32Array(size + 1);
    const stamp = new Uint8Array(size + 1);
    const stackNode = new Int32Array(size + 1);
    const stackEdge = new Int32Array(size + 1);
    const nt = new Int32Array(size);
    const successors = (x: number, k: number): number =>
      x === 0
        ? k < enteredList.length
          ? enteredList[k]!
          : -1
        : k < succStart[x + 1]! - succStart[x]!
          ? succ[succStart[x]! + k]!
          : -1;
    for (let bitsLeft = shared; bitsLeft !== 0;) {
      const low = bitsLeft & -bitsLeft;
      bitsLeft ^= low;
      const bit = 31 - Math.clz32(low);
      const root = this.primes[this.base + bit]!;
      // The entry: the prime itself when it is a member, else the meet of the outside buyers reaching it.
      const rootMember = memberIndex[root]!;
      let entry = -1;
      entered.fill(0);
      enteredList.length = 0;
      if (rootMember < 0)
        for (let i = 0; i < size; i++) {
          const v = members[i]!;
          for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
            const b = buyersOf.to[e]!;
            if (memberIndex[b] !== -1 || (state[b * STRIDE + Q]! & low) === 0) continue;
            if (entered[i + 1] === 0) enteredList.push(i + 1);
            entered[i + 1] = 1;
            entry = entry === -1 ? b : this.meet(entry, b, bit);
          }
        }
      // Depth-first from the start, for a reverse postorder.
      const first = rootMember >= 0 ? rootMember + 1 : 0;
      stamp.fill(0);
      stamp[first] = 1;
      stackNode[0] = first;
      stackEdge[0] = 0;
      let count = 0;
      for (let depth = 0; depth >= 0;) {
        const x = stackNode[depth]!;
        const y = successors(x, stackEdge[depth]!);
        if (y === -1) {
          order[count++] = x;
          depth--;
          continue;
        }
        stackEdge[depth]!++;
        if (stamp[y] === 1) continue;
        stamp[y] = 1;
        depth++;
        stackNode[depth] = y;
        stackEdge[depth] = 0;
      }
      order.subarray(0, count).reverse();
      for (let k = 0; k < count; k++) rpo[order[k]!] = k;
      for (let k = 0; k < count; k++) idom[order[k]!] = -1;
      idom[first] = first;
      for (let changed = true; changed;) {
        changed = false;
        for (let k = 1; k < count; k++) {
          const y = order[k]!;
          let m = first === 0 && entered[y] === 1 ? 0 : -1;
          for (const x of predOf[y]!) {
            if (stamp[x] !== 1 || idom[x] === -1) continue;
            if (m === -1) m = x;
            else {
              let a = x;
              let b = m;
              while (a !== b) {
                while (rpo[a]! > rpo[b]!) a = idom[a]!;
                while (rpo[b]! > rpo[a]!) b = idom[b]!;
              }
              m = a;
            }
          }
          if (idom[y] !== m) {
            idom[y] = m;
            changed = true;
          }
        }
      }
      // Stored in reverse postorder: a member's idom is stored (or is the prime's child) before it.
      const startNode = first === 0 ? entry : root;
      this.pairs.reserve(count);
      for (let k = 1; k < count; k++) {
        const y = order[k]!;
        const d = idom[y]!;
        const idomNode = d === first ? startNode : members[d - 1]!;
        if (idomNode === root) continue;
        nt[y - 1]! |= low;
        const v = members[y - 1]!;
        const slot = pairs.count;
        if (d === first) this.store(v, bit, entry);
        else if ((nt[d - 1]! & low) === 0) pairs.add(v, this.base + bit, idomNode, -1);
        else pairs.add(v, this.base + bit, -1, this.loopSlots[((firstRow + d - 1) << 5) | bit]!);
        this.loopSlots[((firstRow + y - 1) << 5) | bit] = slot;
      }
    }
    for (let i = 0; i < size; i++) {
      const v = members[i]!;
      const at = v * STRIDE;
      const trivial = shared & ~nt[i]! & ~state[at + OWN]!;
      state[at + Q] = shared;
      state[at + TRIV] = trivial;
      const mine = this.hash[v]!;
      for (let k = 0; k < HASHES; k++) state[at + HASH + k] = (mine >>> k) & 1 ? trivial : 0;
      for (let rest = nt[i]!; rest !== 0;) {
        const low = rest & -rest;
        rest ^= low;
        const h = this.hash[this.topOfSlot(this.loopSlots[((firstRow + i) << 5) | (31 - Math.clz32(low))]!)]!;
        for (let k = 0; k < HASHES; k++) if ((h >>> k) & 1) state[at + HASH + k]! |= low;
      }
    }
    for (const v of members) memberIndex[v] = -1;
  }
}
