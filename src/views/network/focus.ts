// The k-hop upstream supply tree of an organization: its suppliers, their suppliers … up to k hops against
// the supply direction, with the links between them. Pure; works on any graph through a supplier walker.
import type { RenderGraph } from './render-graph.ts';

export interface SupplyTree {
  /** Node → hops from the root (root 0). */
  nodes: Map<string, number>;
  /** Keys of the edges supplier → buyer whose buyer is fewer than k hops from the root. */
  edges: Set<string>;
}

/** Calls `visit(supplier, edgeKey)` for each supply link into `node`. */
export type SupplierWalker = (node: string, visit: (supplier: string, edge: string) => void) => void;

/**
 * Breadth-first from `root` against the supply direction. Every link into a node closer than k hops
 * belongs to the tree (its supplier is then at most k hops away), including links between two nodes
 * already reached, so the tree shows all the ways goods reach the root within k hops.
 */
export function upstreamTree(root: string, hops: number, suppliersOf: SupplierWalker): SupplyTree {
  const nodes = new Map<string, number>([[root, 0]]);
  const edges = new Set<string>();
  let frontier = [root];
  for (let depth = 0; depth < hops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      suppliersOf(node, (supplier, edge) => {
        edges.add(edge);
        if (!nodes.has(supplier)) {
          nodes.set(supplier, depth + 1);
          next.push(supplier);
        }
      });
    }
    frontier = next;
  }
  return { nodes, edges };
}

/** The upstream tree in a render graph; null when the root is not drawn. */
export function upstreamTreeInGraph(graph: RenderGraph, root: string, hops: number): SupplyTree | null {
  if (!graph.hasNode(root)) return null;
  return upstreamTree(root, hops, (node, visit) =>
    graph.forEachInEdge(node, (edge, _attrs, source) => visit(source, edge)),
  );
}
