// Every prime's dominator tree at once, on the supply graph reversed (each prime the root of its own tree, the
// arcs running buyer → supplier). For a prime p and an organization v upstream of it, idom_p(v) is the meet, in
// p's tree, of v's buyers that reach p. Almost every v has idom_p(v) = p for almost every p (on the 100k / 1M
// bench, 37M of 48M pairs), so only the other pairs are stored ("non-trivial": v sits below a child of p, its
// "top"). Organizations are visited buyers first (the strongly connected components of the supply graph in
// Tarjan's order), and the primes are handled 32 to a machine word:
// - Q(v): the primes v reaches, as a bit set: the union of its buyers' sets, and its own bit if it is a prime.
// - A prime is trivial for v when v sells to it directly, or when v's buyers that reach it lie under two or more
//   different tops (their meet is then the root). Each organization keeps its non-trivial primes grouped by top
//   ("classes"), so that counting the tops a prime sees is a few word operations per buyer.
// - Otherwise idom_p(v) is v's only buyer reaching p (found word-parallel, 99.8% of the stored pairs on the
//   bench), or else the meet of those buyers, walked up their stored idoms.
// A component of several organizations (a supply loop) is solved per prime by the iterative algorithm of
// Cooper, Harvey and Kennedy on its members alone: entered from the meet of its outside buyers, or from the prime
// when the prime is a member.
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
  /** The non-trivial pairs, by slot: organization, prime index, idom (an organization), top, and the slot of
   *  (idom, prime) when that pair is non-trivial too, else -1. */
  count: number;
  node: Int32Array;
  prime: Int32Array;
  idom: Int32Array;
  top: Int32Array;
  parent: Int32Array;
  /** Each organization's slots, `[slotStart[v], slotEnd[v])`, by prime index ascending. */
  slotStart: Int32Array;
  slotEnd: Int32Array;
}

/** A growable Int32 column. */
class Column {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The distinct arcs from(l) → to(l) of the usable links, as CSR, by counting sort and a stamp sweep. */
export function distinctArcs(
  graph: SupplyGraph,
  usable: (l: number) => boolean,
  from: (l: number) => number,
  to: (l: number) => number,
): Arcs {
  const n = graph.orgCount;
  const start = new Int32Array(n + 1);
  for (let l = 0; l < graph.linkCount; l++) if (usable(l)) start[from(l) + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const all = new Int32Array(start[n]!);
  const cursor = start.slice(0, n);
  for (let l = 0; l < graph.linkCount; l++) if (usable(l)) all[cursor[from(l)]!++] = to(l);
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

export function computeDominance(graph: SupplyGraph): Dominance {
  const n = graph.orgCount;
  const { kind, linkSource, linkTarget } = graph;
  const usable = (l: number) => {
    const s = linkSource[l]!;
    const t = linkTarget[l]!;
    return s !== t && kind[s] !== REMOVED_KIND && kind[t] !== REMOVED_KIND;
  };
  const suppliersOf = distinctArcs(
    graph,
    usable,
    (l) => linkTarget[l]!,
    (l) => linkSource[l]!,
  );
  const buyersOf = distinctArcs(
    graph,
    usable,
    (l) => linkSource[l]!,
    (l) => linkTarget[l]!,
  );
  const primeIndex = new Int32Array(n).fill(-1);
  const primeList: number[] = [];
  for (let v = 0; v < n; v++)
    if (kind[v] === KIND_CODE.prime) {
      primeIndex[v] = primeList.length;
      primeList.push(v);
    }
  const primes = Int32Array.from(primeList);
  const P = primes.length;
  const W = (P + 31) >>> 5;

  // Q: the primes each organization reaches (own bit included); TRIV: those it is a child of.
  const Q = new Int32Array(n * W);
  const TRIV = new Int32Array(n * W);
  const node = new Column();
  const prime = new Column();
  const idomCol = new Column();
  const topCol = new Column();
  const parentCol = new Column();
  const slotStart = new Int32Array(n);
  const slotEnd = new Int32Array(n);
  // Classes: per organization, its non-trivial primes grouped by top, as sparse (word, bits) lists.
  const classStart = new Int32Array(n);
  const classEnd = new Int32Array(n);
  const classTop = new Column();
  const classWordStart = new Column();
  const classWordEnd = new Column();
  const classWord = new Column();
  const classBits = new Column();

  /** The slot of (v, p), or -1 when p is trivial for v (binary search in v's slots). */
  const slotOf = (v: number, p: number): number => {
    let lo = slotStart[v]!;
    let hi = slotEnd[v]! - 1;
    const primesOf = prime.data;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = primesOf[mid]!;
      if (at === p) return mid;
      if (at < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  /** idom_p(v) for an organization already visited (p's root when the pair is trivial). */
  const idomOf = (v: number, p: number): number => {
    const slot = slotOf(v, p);
    return slot < 0 ? primes[p]! : idomCol.data[slot]!;
  };
  const chain: number[] = [];
  /** The meet of a and b in p's tree (both visited, or the root). */
  const meet = (a: number, b: number, p: number): number => {
    const root = primes[p]!;
    chain.length = 0;
    for (let x = a; ; x = idomOf(x, p)) {
      chain.push(x);
      if (x === root) break;
    }
    for (let y = b; ; y = idomOf(y, p)) if (y === root || chain.includes(y)) return y;
  };
  const topOf = (v: number, p: number): number => {
    const slot = slotOf(v, p);
    return slot < 0 ? v : topCol.data[slot]!;
  };

  // Scratch, per organization visited.
  const ones = new Int32Array(W);
  const twos = new Int32Array(W);
  const seenOnce = new Int32Array(W);
  const seenTwice = new Int32Array(W);
  const direct = new Int32Array(W);
  const nt = new Int32Array(W);
  const single = new Int32Array(W);
  const pIdom = new Int32Array(P);
  const pTop = new Int32Array(P);
  const pParent = new Int32Array(P);
  // Bit sets by top organization, reused: a row per top met, with the list of its non-zero words.
  const rowOf = new Int32Array(n).fill(-1);
  let rowTop = new Int32Array(64);
  let rowBits = new Int32Array(64 * W);
  let rowWords = new Int32Array(64 * W);
  let rowWordCount = new Int32Array(64);
  let rows = 0;
  const rowFor = (top: number): number => {
    let row = rowOf[top]!;
    if (row >= 0) return row;
    row = rows++;
    if (row === rowTop.length) {
      const grow = <T extends Int32Array>(old: T, size: number): T => {
        const next = new Int32Array(size) as T;
        next.set(old);
        return next;
      };
      rowTop = grow(rowTop, row * 2);
      rowWordCount = grow(rowWordCount, row * 2);
      rowBits = grow(rowBits, row * 2 * W);
      rowWords = grow(rowWords, row * 2 * W);
    }
    rowOf[top] = row;
    rowTop[row] = top;
    rowWordCount[row] = 0;
    return row;
  };
  const orInto = (row: number, w: number, bits: number) => {
    if (bits === 0) return;
    const at = row * W + w;
    if (rowBits[at] === 0) rowWords[row * W + rowWordCount[row]!++] = w;
    rowBits[at]! |= bits;
  };
  const releaseRows = () => {
    for (let row = 0; row < rows; row++) {
      for (let k = 0; k < rowWordCount[row]!; k++) rowBits[row * W + rowWords[row * W + k]!] = 0;
      rowOf[rowTop[row]!] = -1;
    }
    rows = 0;
  };
  /** Writes v's non-trivial pairs (the bits of `nt`, from pIdom/pTop/pParent) and its classes. */
  const emit = (v: number) => {
    slotStart[v] = node.length;
    for (let w = 0; w < W; w++) {
      let bits = nt[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const p = (w << 5) | (31 - Math.clz32(low));
        node.push(v);
        prime.push(p);
        idomCol.push(pIdom[p]!);
        topCol.push(pTop[p]!);
        parentCol.push(pParent[p]!);
      }
    }
    slotEnd[v] = node.length;
    releaseRows();
    for (let s = slotStart[v]!; s < slotEnd[v]!; s++) {
      const p = prime.data[s]!;
      orInto(rowFor(topCol.data[s]!), p >>> 5, 1 << (p & 31));
    }
    classStart[v] = classTop.length;
    for (let row = 0; row < rows; row++) {
      classTop.push(rowTop[row]!);
      classWordStart.push(classWord.length);
      for (let k = 0; k < rowWordCount[row]!; k++) {
        const w = rowWords[row * W + k]!;
        classWord.push(w);
        classBits.push(rowBits[row * W + w]!);
      }
      classWordEnd.push(classWord.length);
    }
    classEnd[v] = classTop.length;
    releaseRows();
  };

  const visitSingle = (v: number) => {
    const base = v * W;
    ones.fill(0);
    twos.fill(0);
    seenOnce.fill(0);
    seenTwice.fill(0);
    direct.fill(0);
    releaseRows();
    const own = primeIndex[v]!;
    const first = buyersOf.start[v]!;
    const last = buyersOf.start[v + 1]!;
    for (let e = first; e < last; e++) {
      const b = buyersOf.to[e]!;
      const qb = b * W;
      for (let w = 0; w < W; w++) {
        const q = Q[qb + w]!;
        twos[w]! |= ones[w]! & q;
        ones[w]! |= q;
      }
      if (primeIndex[b]! >= 0) direct[primeIndex[b]! >>> 5]! |= 1 << (primeIndex[b]! & 31);
    }
    // One buyer reaching the prime (and v not selling to it): that buyer is the idom, its top v's.
    for (let w = 0; w < W; w++) single[w] = ones[w]! & ~twos[w]! & ~direct[w]!;
    if (own >= 0) single[own >>> 5]! &= ~(1 << (own & 31));
    const tops = classTop.data;
    const wordStart = classWordStart.data;
    const wordEnd = classWordEnd.data;
    const words = classWord.data;
    const wordBits = classBits.data;
    for (let e = first; e < last; e++) {
      const b = buyersOf.to[e]!;
      const qb = b * W;
      // b's primes by top: itself where it is a child of the prime, its classes elsewhere.
      const self = rowFor(b);
      for (let w = 0; w < W; w++) {
        const trivial = TRIV[qb + w]!;
        if (trivial === 0) continue;
        orInto(self, w, trivial);
        let bits = single[w]! & trivial;
        while (bits !== 0) {
          const low = bits & -bits;
          bits ^= low;
          const p = (w << 5) | (31 - Math.clz32(low));
          pIdom[p] = b;
          pTop[p] = b;
          pParent[p] = -1;
        }
      }
      for (let c = classStart[b]!; c < classEnd[b]!; c++) {
        const top = tops[c]!;
        const row = rowFor(top);
        const rowBase = row * W;
        for (let k = wordStart[c]!; k < wordEnd[c]!; k++) {
          const w = words[k]!;
          const at = rowBase + w;
          const classBitsHere = wordBits[k]!;
          if (rowBits[at] === 0) rowWords[rowBase + rowWordCount[row]!++] = w;
          rowBits[at]! |= classBitsHere;
          let bits = single[w]! & classBitsHere;
          while (bits !== 0) {
            const low = bits & -bits;
            bits ^= low;
            const p = (w << 5) | (31 - Math.clz32(low));
            pIdom[p] = b;
            pTop[p] = top;
            pParent[p] = slotOf(b, p);
          }
        }
      }
    }
    for (let row = 0; row < rows; row++)
      for (let k = 0; k < rowWordCount[row]!; k++) {
        const w = rowWords[row * W + k]!;
        const bits = rowBits[row * W + w]!;
        seenTwice[w]! |= seenOnce[w]! & bits;
        seenOnce[w]! |= bits;
      }
    for (let w = 0; w < W; w++) {
      // Non-trivial: every buyer reaching the prime lies under one top, and v does not sell to it directly.
      let bits = seenOnce[w]! & ~seenTwice[w]! & ~direct[w]!;
      if (own >= 0 && own >>> 5 === w) bits &= ~(1 << (own & 31));
      nt[w] = bits;
      Q[base + w] = ones[w]!;
      TRIV[base + w] = ones[w]! & ~bits;
    }
    // Several buyers reaching the prime, all under one top: their meet.
    for (let w = 0; w < W; w++) {
      let bits = nt[w]! & ~single[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const p = (w << 5) | (31 - Math.clz32(low));
        let m = -1;
        for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
          const b = buyersOf.to[e]!;
          if ((Q[b * W + w]! & low) === 0) continue;
          m = m === -1 ? b : meet(m, b, p);
        }
        const slot = slotOf(m, p);
        pIdom[p] = m;
        pTop[p] = slot < 0 ? m : topCol.data[slot]!;
        pParent[p] = slot;
      }
    }
    if (own >= 0) Q[base + (own >>> 5)]! |= 1 << (own & 31);
    emit(v);
  };

  // A supply loop: the members share Q; each prime's tree over them comes from a small iteration.
  const memberIndex = new Int32Array(n).fill(-1);
  const visitLoop = (members: Int32Array) => {
    const size = members.length;
    members.forEach((v, i) => (memberIndex[v] = i));
    const shared = new Int32Array(W);
    for (const v of members) {
      const own = primeIndex[v]!;
      if (own >= 0) shared[own >>> 5]! |= 1 << (own & 31);
      for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
        const b = buyersOf.to[e]!;
        if (memberIndex[b] !== -1) continue;
        for (let w = 0; w < W; w++) shared[w]! |= Q[b * W + w]!;
      }
    }
    // Per member: its non-trivial primes (bits) and, per prime, idom / top / parent (resolved after emit).
    const memberNt = Array.from({ length: size }, () => new Int32Array(W));
    const memberIdom = Array.from({ length: size }, () => new Map<number, number>());
    const memberTop = Array.from({ length: size }, () => new Map<number, number>());
    const idom = new Int32Array(size + 1);
    const order = new Int32Array(size + 1);
    const rpo = new Int32Array(size + 1);
    const entered = new Uint8Array(size);
    const stackNode = new Int32Array(size + 1);
    const stackEdge = new Int32Array(size + 1);
    const localTop = new Int32Array(size + 1);
    for (let w = 0; w < W; w++) {
      let bits = shared[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const p = (w << 5) | (31 - Math.clz32(low));
        const root = primes[p]!;
        // The entry: the prime itself when it is a member, else the meet of the outside buyers reaching it.
        const rootMember = memberIndex[root]!;
        let entry = -1;
        entered.fill(0);
        for (let i = 0; i < size; i++) {
          const v = members[i]!;
          for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
            const b = buyersOf.to[e]!;
            if (memberIndex[b] !== -1 || (Q[b * W + w]! & low) === 0) continue;
            entered[i] = 1;
            entry = entry === -1 ? b : meet(entry, b, p);
          }
        }
        // Local nodes: 0 = the entry (or the root member), 1..size = members; a DFS over supplier arcs.
        const localOf = (i: number) => i + 1;
        let count = 0;
        let topOfStack: number;
        const stamp = new Uint8Array(size + 1);
        const start = rootMember >= 0 ? localOf(rootMember) : 0;
        stamp[start] = 1;
        stackNode[0] = start;
        stackEdge[0] = 0;
        const succ = (x: number): number[] => {
          if (x === 0) return [...entered.keys()].filter((i) => entered[i] === 1).map(localOf);
          const v = members[x - 1]!;
          const out: number[] = [];
          for (let e = suppliersOf.start[v]!; e < suppliersOf.start[v + 1]!; e++) {
            const i = memberIndex[suppliersOf.to[e]!]!;
            if (i !== -1) out.push(localOf(i));
          }
          return out;
        };
        const succs = Array.from({ length: size + 1 }, (_, x) => succ(x));
        topOfStack = 0;
        while (topOfStack >= 0) {
          const x = stackNode[topOfStack]!;
          const k = stackEdge[topOfStack]!;
          const list = succs[x]!;
          if (k < list.length) {
            stackEdge[topOfStack] = k + 1;
            const y = list[k]!;
            if (stamp[y] === 0) {
              stamp[y] = 1;
              topOfStack++;
              stackNode[topOfStack] = y;
              stackEdge[topOfStack] = 0;
            }
          } else {
            order[count++] = x;
            topOfStack--;
          }
        }
        order.subarray(0, count).reverse();
        for (let k = 0; k < count; k++) rpo[order[k]!] = k;
        const preds = Array.from({ length: size + 1 }, () => [] as number[]);
        for (let x = 0; x <= size; x++) if (stamp[x] === 1) for (const y of succs[x]!) preds[y]!.push(x);
        for (let k = 0; k < count; k++) idom[order[k]!] = -1;
        idom[start] = start;
        for (let changed = true; changed;) {
          changed = false;
          for (let k = 1; k < count; k++) {
            const y = order[k]!;
            let m = -1;
            for (const x of preds[y]!) {
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
        // Read the local tree back, ancestors first: a member under the start hangs from the entry (or is a
        // child of the root member); a child of the root is its own top, the others take their idom's.
        const rootNode = start === 0 ? entry : root;
        for (let k = 1; k < count; k++) {
          const y = order[k]!;
          const d = idom[y]!;
          const idomNode = d === start ? rootNode : members[d - 1]!;
          if (idomNode === root) {
            localTop[y] = members[y - 1]!;
            continue;
          }
          const top = d === start ? topOf(entry, p) : localTop[d]!;
          localTop[y] = top;
          memberNt[y - 1]![w]! |= low;
          memberIdom[y - 1]!.set(p, idomNode);
          memberTop[y - 1]!.set(p, top);
        }
      }
    }
    for (let i = 0; i < size; i++) {
      const v = members[i]!;
      for (let w = 0; w < W; w++) {
        Q[v * W + w] = shared[w]!;
        let trivial = shared[w]! & ~memberNt[i]![w]!;
        const own = primeIndex[v]!;
        if (own >= 0 && own >>> 5 === w) trivial &= ~(1 << (own & 31));
        TRIV[v * W + w] = trivial;
        nt[w] = memberNt[i]![w]!;
      }
      for (const [p, d] of memberIdom[i]!) {
        pIdom[p] = d;
        pTop[p] = memberTop[i]!.get(p)!;
        pParent[p] = -2; // resolved below, once every member's slots exist
      }
      emit(v);
    }
    for (const v of members)
      for (let s = slotStart[v]!; s < slotEnd[v]!; s++)
        if (parentCol.data[s] === -2) parentCol.data[s] = slotOf(idomCol.data[s]!, prime.data[s]!);
    for (const v of members) memberIndex[v] = -1;
  };

  const { order, start, count } = components(n, buyersOf);
  for (let c = 0; c < count; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    if (to - from === 1) visitSingle(order[from]!);
    else visitLoop(order.subarray(from, to));
  }
  return {
    primes,
    primeIndex,
    suppliersOf,
    buyersOf,
    count: node.length,
    node: node.view(),
    prime: prime.view(),
    idom: idomCol.view(),
    top: topCol.view(),
    parent: parentCol.view(),
    slotStart,
    slotEnd,
  };
}
