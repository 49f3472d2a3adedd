// Directional resilience (DESIGN.md §3): for each prime p, the suppliers whose closure would cut p off from
// part of its supply base. On the simple directed supply graph (supplier → buyer; self-links dropped,
// parallel links merged), reversed so that it is rooted at p, a supplier s cuts off exactly the organizations
// it dominates: cutOff(p, s) is s's subtree in p's dominator tree, less s. The tree comes from the
// Cooper–Harvey–Kennedy iteration over a reverse postorder ("A Simple, Fast Dominance Algorithm", 2001), in
// near-linear time on supply graphs, which are nearly acyclic. A direct supplier of p is a child of p in
// that tree, so the capabilities p would lose with s are those s alone supplies to p directly.
// Not yet part of analyzeGraph: on the 100k / 1M bench bundle (959 primes, 4.2M chokepoint pairs) one tree per
// prime takes about 30 s, far over the analysis budget; shared single-buyer chains must be folded first.
import { compareText } from './compare-text.ts';
import { KIND_CODE, REMOVED_KIND } from './supply-graph.ts';
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

/** Distinct arcs as CSR: `to[start[i] .. start[i+1])` for node i. */
interface Arcs {
  start: Int32Array;
  to: Int32Array;
}

/**
 * Every chokepoint pair (p, s) of the graph's primes (kind prime, not removed), ordered by exposure
 * (largest first), then cut-off size (largest first), then prime and supplier id.
 */
export function findChokepoints(graph: SupplyGraph): Chokepoint[] {
  const n = graph.orgCount;
  const { kind, linkSource, linkTarget, linkValue, linkCapability, orgIds, capabilityIds } = graph;
  const usable = (l: number) => {
    const s = linkSource[l]!;
    const t = linkTarget[l]!;
    return s !== t && kind[s] !== REMOVED_KIND && kind[t] !== REMOVED_KIND;
  };
  // suppliersOf: buyer → its distinct suppliers (the reversed graph the search walks from p);
  // buyersOf: supplier → its distinct buyers (its predecessors in that reversed graph).
  const suppliersOf = distinctArcs(
    n,
    graph,
    usable,
    (l) => linkTarget[l]!,
    (l) => linkSource[l]!,
  );
  const buyersOf = distinctArcs(
    n,
    graph,
    usable,
    (l) => linkSource[l]!,
    (l) => linkTarget[l]!,
  );
  // Links into each prime, by prime (CSR of link indices).
  const intoStart = new Int32Array(n + 1);
  for (let l = 0; l < graph.linkCount; l++)
    if (usable(l) && kind[linkTarget[l]!] === KIND_CODE.prime) intoStart[linkTarget[l]! + 1]!++;
  for (let i = 0; i < n; i++) intoStart[i + 1]! += intoStart[i]!;
  const into = new Int32Array(intoStart[n]!);
  const cursor = intoStart.slice(0, n);
  for (let l = 0; l < graph.linkCount; l++)
    if (usable(l) && kind[linkTarget[l]!] === KIND_CODE.prime) into[cursor[linkTarget[l]!]!++] = l;

  // Per-prime work arrays, reused: `seen[v] === stamp` marks the current prime's search.
  const seen = new Int32Array(n);
  const rpo = new Int32Array(n);
  const order = new Int32Array(n);
  const idom = new Int32Array(n);
  const size = new Int32Array(n);
  const exposure = new Float64Array(n);
  const stackNode = new Int32Array(n);
  const stackEdge = new Int32Array(n);
  const out: Chokepoint[] = [];

  for (let p = 0; p < n; p++) {
    if (kind[p] !== KIND_CODE.prime) continue;
    const stamp = p + 1;
    // Iterative depth-first search from p over suppliers: postorder, then reverse postorder numbers.
    let count = 0;
    let top = 0;
    seen[p] = stamp;
    stackNode[0] = p;
    stackEdge[0] = suppliersOf.start[p]!;
    while (top >= 0) {
      const v = stackNode[top]!;
      const k = stackEdge[top]!;
      if (k < suppliersOf.start[v + 1]!) {
        stackEdge[top] = k + 1;
        const w = suppliersOf.to[k]!;
        if (seen[w] !== stamp) {
          seen[w] = stamp;
          top++;
          stackNode[top] = w;
          stackEdge[top] = suppliersOf.start[w]!;
        }
      } else {
        order[count++] = v;
        top--;
      }
    }
    if (count === 1) continue;
    // order holds the postorder; reverse it in place so that order[0] === p, and number the nodes.
    order.subarray(0, count).reverse();
    for (let k = 0; k < count; k++) rpo[order[k]!] = k;

    // Cooper–Harvey–Kennedy: idom of v = the meet of its processed predecessors (its buyers within the search).
    for (let k = 0; k < count; k++) idom[order[k]!] = -1;
    idom[p] = p;
    for (let changed = true; changed;) {
      changed = false;
      for (let k = 1; k < count; k++) {
        const v = order[k]!;
        let meet = -1;
        for (let e = buyersOf.start[v]!; e < buyersOf.start[v + 1]!; e++) {
          const b = buyersOf.to[e]!;
          if (seen[b] !== stamp || idom[b] === -1) continue;
          if (meet === -1) meet = b;
          else {
            let x = b;
            let y = meet;
            while (x !== y) {
              while (rpo[x]! > rpo[y]!) x = idom[x]!;
              while (rpo[y]! > rpo[x]!) y = idom[y]!;
            }
            meet = x;
          }
        }
        if (idom[v] !== meet) {
          idom[v] = meet;
          changed = true;
        }
      }
    }

    // Subtree sizes and exposures, children before parents (a dominator precedes what it dominates in RPO).
    for (let k = 0; k < count; k++) {
      const v = order[k]!;
      size[v] = 1;
      exposure[v] = 0;
    }
    for (let e = intoStart[p]!; e < intoStart[p + 1]!; e++) {
      const l = into[e]!;
      const value = linkValue[l]!;
      if (value > 0) exposure[linkSource[l]!]! += value;
    }
    for (let k = count - 1; k >= 1; k--) {
      const v = order[k]!;
      size[idom[v]!]! += size[v]!;
      exposure[idom[v]!]! += exposure[v]!;
    }

    // Capabilities p buys directly from one supplier alone.
    const soleSupplier = new Map<number, number>();
    for (let e = intoStart[p]!; e < intoStart[p + 1]!; e++) {
      const l = into[e]!;
      const c = linkCapability[l]!;
      if (c < 0) continue;
      const s = linkSource[l]!;
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

    // The chokepoints of p, with their cut-off sets read from the dominator tree.
    let children: Arcs | null = null;
    for (let k = 1; k < count; k++) {
      const s = order[k]!;
      const lostHere = lost.get(s);
      if (size[s]! === 1 && lostHere === undefined) continue;
      children ??= treeChildren(order, idom, rpo, count);
      out.push({
        prime: orgIds[p]!,
        supplier: orgIds[s]!,
        cutOff:
          size[s]! === 1
            ? []
            : subtree(children, k, stackNode)
                .map((v) => orgIds[order[v]!]!)
                .sort(compareText),
        exposure: exposure[s]!,
        capabilitiesLost: (lostHere ?? []).sort(compareText),
      });
    }
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

/** The distinct arcs from(l) → to(l) of the usable links, as CSR, by counting sort and a stamp sweep. */
function distinctArcs(
  n: number,
  graph: SupplyGraph,
  usable: (l: number) => boolean,
  from: (l: number) => number,
  to: (l: number) => number,
): Arcs {
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

/** The dominator tree of the current search as children lists, every node by its reverse-postorder number. */
function treeChildren(order: Int32Array, idom: Int32Array, rpo: Int32Array, count: number): Arcs {
  const start = new Int32Array(count + 1);
  for (let k = 1; k < count; k++) start[rpo[idom[order[k]!]!]! + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const to = new Int32Array(count - 1);
  const cursor = start.slice(0, count);
  for (let k = 1; k < count; k++) to[cursor[rpo[idom[order[k]!]!]!]!++] = k;
  return { start, to };
}

/** The reverse-postorder numbers strictly below node `k` of the tree. `stack` is scratch space. */
function subtree(children: Arcs, k: number, stack: Int32Array): number[] {
  const nodes: number[] = [];
  let top = 0;
  stack[0] = k;
  while (top >= 0) {
    const v = stack[top--]!;
    if (v !== k) nodes.push(v);
    for (let e = children.start[v]!; e < children.start[v + 1]!; e++) stack[++top] = children.to[e]!;
  }
  return nodes;
}
