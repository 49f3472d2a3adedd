// Critical suppliers and critical links (DESIGN.md §3): articulation points and bridges of the simple
// undirected supply graph, found together in one iterative Hopcroft–Tarjan lowlink search.
import { simpleUndirected } from './adjacency.ts';
import type { SupplyGraph } from './supply-graph.ts';

export interface CutStructure {
  /** 1 for each org whose removal splits its component. */
  articulation: Uint8Array;
  /** Relationships whose removal splits their component, as [smaller index, larger index]. */
  bridges: [number, number][];
}

/**
 * Articulation points and bridges of every component. The depth-first search keeps its own stack in typed
 * arrays, so a 100,000-link chain cannot overflow the call stack. Because the graph is simple, the edge back
 * to the DFS parent can be recognised by the parent's index alone.
 */
export function findCutStructure(graph: SupplyGraph): CutStructure {
  const n = graph.orgCount;
  const { start, neighbors } = simpleUndirected(graph);
  const articulation = new Uint8Array(n);
  const bridges: [number, number][] = [];
  // Discovery times start at 1 so that 0 means "not visited yet".
  const disc = new Int32Array(n);
  const low = new Int32Array(n);
  const parent = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== 0 || start[root] === start[root + 1]) continue;
    let rootChildren = 0;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = ++time;
    parent[root] = -1;
    cursor[root] = start[root]!;
    while (top > 0) {
      const u = stack[top - 1]!;
      const at = cursor[u]!;
      if (at < start[u + 1]!) {
        cursor[u] = at + 1;
        const v = neighbors[at]!;
        if (disc[v] === 0) {
          parent[v] = u;
          disc[v] = low[v] = ++time;
          cursor[v] = start[v]!;
          stack[top++] = v;
          if (u === root) rootChildren++;
        } else if (v !== parent[u] && disc[v]! < low[u]!) {
          low[u] = disc[v]!;
        }
        continue;
      }
      // u is finished: report what its subtree says about the tree edge parent–u.
      top--;
      const p = parent[u]!;
      if (p < 0) continue;
      if (low[u]! < low[p]!) low[p] = low[u]!;
      if (low[u]! > disc[p]!) bridges.push(p < u ? [p, u] : [u, p]);
      if (p !== root && low[u]! >= disc[p]!) articulation[p] = 1;
    }
    // The root is a cut vertex exactly when the search left it more than once.
    if (rootChildren > 1) articulation[root] = 1;
  }
  return { articulation, bridges };
}

/** Org indices of the articulation points, ascending. */
export function findCriticalSuppliers(graph: SupplyGraph): number[] {
  const { articulation } = findCutStructure(graph);
  const out: number[] = [];
  for (let i = 0; i < articulation.length; i++) if (articulation[i] === 1) out.push(i);
  return out;
}

/** Bridges as [smaller index, larger index], sorted by first then second index. */
export function findCriticalLinks(graph: SupplyGraph): [number, number][] {
  return findCutStructure(graph).bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
