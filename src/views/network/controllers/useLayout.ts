// Places the render graph's nodes for the chosen layout: a new graph is placed at once (nodes it shares
// with the previous graph keep their place in the force layout), a layout switch animates with sigma's
// animateNodes (on a graph small enough to animate). Reports the layout shown once it is in place.
import { useEffect, useMemo, useRef, useState } from 'react';
import type Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import type { Layout } from '../../../state/route.ts';
import type { DatasetView } from '../../contracts.ts';
import { frameAround } from '../layouts/box.ts';
import type { Frame, LayoutPositions } from '../layouts/box.ts';
import { upstreamTreeInGraph } from '../focus.ts';
import type { SupplyTree } from '../focus.ts';
import { fileLayout } from '../layouts/file.ts';
import { geoLayout } from '../layouts/geo.ts';
import { nodeKey, orgIdOf } from '../node-key.ts';
import { tierLayout, tiersFromLinks } from '../layouts/tier.ts';
import type { EdgeAttributes, NodeAttributes, RenderGraph } from '../render-graph.ts';

export const LAYOUT_ANIMATION_MS = 600;
/**
 * Above this many nodes and links a layout switch jumps instead: each animation frame makes sigma process
 * every node and link again (at 10,000 nodes / 85,000 links ~0.5 s a frame on two cores without a GPU, so
 * the 600 ms animation showed as 3–5 frozen frames).
 */
export const ANIMATED_ITEMS_MAX = 20_000;

/** Where the nodes go, and the frame sigma fits: the tier layout's pane (see tier.ts), the geo layout's region. */
export interface LayoutTargets {
  positions: LayoutPositions;
  frame: Frame | null;
}

/** What the tier layout adapts to: the pane, the focused tree, the selected prime. */
export interface LayoutContext {
  viewport?: { width: number; height: number } | undefined;
  /** The selection's upstream tree when the network is focused on it: laid out alone. */
  focus?: SupplyTree | null | undefined;
  /** Node key of the selection: a selected prime's suppliers head their columns. */
  selected?: string | undefined;
}

export function layoutPositions(
  layout: Exclude<Layout, 'force'>,
  graph: RenderGraph,
  data: Pick<DatasetView, 'positions' | 'analysis' | 'filePositions'>,
  context: LayoutContext = {},
): LayoutTargets {
  const file = data.filePositions;
  if (layout === 'file' && file != null && file.size > 0) {
    const positions = fileLayout(
      graph.mapNodes((key) => ({ key, id: orgIdOf(key) })),
      file,
    );
    return { positions, frame: null };
  }
  if (layout === 'geo' || layout === 'file') {
    const positions = geoLayout(
      graph.mapNodes((id, attrs) => ({ id, org: attrs.org })),
      data.positions,
    );
    // The home region's firms fill the pane; suppliers far away lie beyond its edges (Zoom to fit shows all).
    const region = graph.filterNodes((_node, attrs) => attrs.inRegion);
    const frame = region.length > 0 && region.length < graph.order ? frameAround(positions, region) : null;
    return { positions, frame };
  }
  const { focus, selected, viewport } = context;
  if (focus != null) return treeLayout(graph, focus, viewport);
  const nodes = graph.nodes();
  const edges = graph.mapEdges((_e, _a, source, target) => [source, target] as const);
  const tiers =
    data.analysis !== null
      ? new Map(Object.entries(data.analysis.tiers).map(([id, tier]) => [nodeKey(id), tier]))
      : tiersFromLinks(nodes, edges, (id) => graph.getNodeAttribute(id, 'kind') === 'prime');
  const weight = new Map(graph.mapNodes((node, attrs) => [node, attrs.supplied] as const));
  const prime =
    selected !== undefined && graph.hasNode(selected) && graph.getNodeAttribute(selected, 'kind') === 'prime';
  const first = prime ? new Set(upstreamTreeInGraph(graph, selected, Infinity)!.nodes.keys()) : undefined;
  const { positions, frame } = tierLayout({ nodes, edges, tiers, weight, first, viewport });
  return { positions, frame: frame ?? null };
}

/** What each node of a tree sells one step toward its root (USD/yr): its worth to that tree. */
export function treeWeights(graph: RenderGraph, tree: SupplyTree): Map<string, number> {
  const weight = new Map<string, number>();
  for (const edge of tree.edges) {
    const source = graph.source(edge);
    if (tree.nodes.get(graph.target(edge)) === tree.nodes.get(source)! - 1)
      weight.set(source, (weight.get(source) ?? 0) + graph.getEdgeAttribute(edge, 'value'));
  }
  return weight;
}

/**
 * A focused tree alone: columns by hops from its root, the root's direct suppliers by the value they sell
 * into the tree, each deeper supplier beside what it supplies. The rest (hidden) waits at the root.
 */
function treeLayout(
  graph: RenderGraph,
  tree: SupplyTree,
  viewport: LayoutContext['viewport'],
): LayoutTargets {
  const nodes = [...tree.nodes.keys()];
  const edges = [...tree.edges].map((edge) => [graph.source(edge), graph.target(edge)] as const);
  const weight = treeWeights(graph, tree);
  const laid = tierLayout({ nodes, edges, tiers: tree.nodes, weight, viewport, sweeps: 'down' });
  const root = nodes[0]!;
  const at = laid.positions[root]!;
  const positions: LayoutPositions = {};
  graph.forEachNode((node) => {
    positions[node] = laid.positions[node] ?? at;
  });
  return { positions, frame: laid.frame ?? null };
}

function assign(graph: RenderGraph, positions: LayoutPositions): void {
  graph.updateEachNodeAttributes(
    (node, attrs) => {
      const p = positions[node];
      if (p !== undefined) {
        attrs.x = p.x;
        attrs.y = p.y;
      }
      return attrs;
    },
    { attributes: ['x', 'y'] },
  );
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Returns the layout in place (undefined before the first graph is drawn). */
export function useLayout(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  graph: RenderGraph,
  layout: Layout,
  data: DatasetView,
  context: LayoutContext = {},
): Layout | undefined {
  const { positions, analysis, filePositions } = data;
  const { viewport, focus, selected } = context;
  // Only the tier layout reads the context: other layouts must not move when the selection changes.
  const tier = layout === 'tier';
  const width = tier ? viewport?.width : undefined;
  const height = tier ? viewport?.height : undefined;
  const tierFocus = tier ? focus : undefined;
  const tierSelected = tier ? selected : undefined;
  // Only the tier layout reads the analysis (its tiers): its arrival must not move a geographic layout.
  const tierAnalysis = tier ? analysis : null;
  const [shown, setShown] = useState<Layout | undefined>(undefined);
  // The force layout has no target: a new graph starts from geo, a switch from wherever the nodes are.
  const targets = useMemo(
    () =>
      layoutPositions(
        layout === 'force' ? 'geo' : layout,
        graph,
        { positions, analysis: tierAnalysis, filePositions },
        {
          viewport: width !== undefined && height !== undefined ? { width, height } : undefined,
          focus: tierFocus,
          selected: tierSelected,
        },
      ),
    [layout, graph, positions, tierAnalysis, filePositions, width, height, tierFocus, tierSelected],
  );
  // What, beyond the pane's size, the targets were made for: a resize alone moves without animation.
  const what: readonly unknown[] = [
    layout,
    graph,
    positions,
    tierAnalysis,
    filePositions,
    tierFocus,
    tierSelected,
  ];
  const placed = useRef<{ graph: RenderGraph; layout: Layout; what: readonly unknown[] } | null>(null);

  useEffect(() => {
    if (sigma === null) return;
    const frame = layout === 'force' ? null : targets.frame;
    const previous = sigma.getGraph();
    if (previous !== graph) {
      if (layout === 'force' && previous.order > 0) {
        const kept: LayoutPositions = { ...targets.positions };
        graph.forEachNode((node) => {
          if (previous.hasNode(node))
            kept[node] = { x: previous.getNodeAttribute(node, 'x'), y: previous.getNodeAttribute(node, 'y') };
        });
        assign(graph, kept);
      } else {
        assign(graph, targets.positions);
      }
      sigma.setCustomBBox(frame);
      sigma.setGraph(graph);
      placed.current = { graph, layout, what };
      setShown(layout);
      return;
    }
    const from = placed.current;
    placed.current = { graph, layout, what };
    sigma.setCustomBBox(frame);
    if (layout === 'force') {
      setShown('force');
      return;
    }
    const resized =
      from?.graph === graph && from.layout === layout && layout === shown && sameInputs(from.what, what);
    if (resized || graph.order + graph.size > ANIMATED_ITEMS_MAX) {
      // Only the pane changed size, or the graph is too big to animate: move without ceremony. Moving the
      // nodes has sigma redo their display data and schedule a frame that places all again; a refresh
      // would also redo every link's (~120 ms at 85,000 links), and none of them changed.
      assign(graph, targets.positions);
      setShown(layout);
      return;
    }
    setShown(undefined);
    const cancel = animateNodes(
      graph,
      targets.positions,
      { duration: LAYOUT_ANIMATION_MS, easing: 'quadraticInOut' },
      () => setShown(layout),
    );
    return cancel;
    // `shown` only tells a finished switch from a fresh one; it must not restart the animation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma, graph, layout, targets]);

  return shown;
}
