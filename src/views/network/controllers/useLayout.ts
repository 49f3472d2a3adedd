// Places the render graph's nodes for the chosen layout: a new graph is placed at once (nodes it shares
// with the previous graph keep their place in the force layout), a layout switch animates with sigma's
// animateNodes. Reports the layout shown once it is in place.
import { useEffect, useMemo, useRef, useState } from 'react';
import type Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import type { Layout } from '../../../state/route.ts';
import type { DatasetView } from '../../contracts.ts';
import type { LayoutPositions } from '../layouts/box.ts';
import { fileLayout } from '../layouts/file.ts';
import { geoLayout } from '../layouts/geo.ts';
import { nodeKey, orgIdOf } from '../node-key.ts';
import { tierLayout, tiersFromLinks } from '../layouts/tier.ts';
import type { EdgeAttributes, NodeAttributes, RenderGraph } from '../render-graph.ts';

export const LAYOUT_ANIMATION_MS = 600;

export function layoutPositions(
  layout: Exclude<Layout, 'force'>,
  graph: RenderGraph,
  data: Pick<DatasetView, 'positions' | 'analysis' | 'filePositions'>,
): LayoutPositions {
  const file = data.filePositions;
  if (layout === 'file' && file != null && file.size > 0) {
    return fileLayout(
      graph.mapNodes((key) => ({ key, id: orgIdOf(key) })),
      file,
    );
  }
  if (layout === 'geo' || layout === 'file') {
    return geoLayout(
      graph.mapNodes((id, attrs) => ({ id, org: attrs.org })),
      data.positions,
    );
  }
  const nodes = graph.nodes();
  const edges = graph.mapEdges((_e, _a, source, target) => [source, target] as const);
  const tiers =
    data.analysis !== null
      ? new Map(Object.entries(data.analysis.tiers).map(([id, tier]) => [nodeKey(id), tier]))
      : tiersFromLinks(nodes, edges, (id) => graph.getNodeAttribute(id, 'kind') === 'prime');
  return tierLayout({ nodes, edges, tiers }).positions;
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

/** Returns the layout in place (undefined before the first graph is drawn). */
export function useLayout(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  graph: RenderGraph,
  layout: Layout,
  data: DatasetView,
): Layout | undefined {
  const { positions, analysis, filePositions } = data;
  const [shown, setShown] = useState<Layout | undefined>(undefined);
  // The force layout has no target: a new graph starts from geo, a switch from wherever the nodes are.
  const targets = useMemo(
    () => layoutPositions(layout === 'force' ? 'geo' : layout, graph, { positions, analysis, filePositions }),
    [layout, graph, positions, analysis, filePositions],
  );
  const placed = useRef<{ graph: RenderGraph; layout: Layout } | null>(null);

  useEffect(() => {
    if (sigma === null) return;
    const previous = sigma.getGraph();
    if (previous !== graph) {
      if (layout === 'force' && previous.order > 0) {
        const kept: LayoutPositions = { ...targets };
        graph.forEachNode((node) => {
          if (previous.hasNode(node))
            kept[node] = { x: previous.getNodeAttribute(node, 'x'), y: previous.getNodeAttribute(node, 'y') };
        });
        assign(graph, kept);
      } else {
        assign(graph, targets);
      }
      sigma.setGraph(graph);
      placed.current = { graph, layout };
      setShown(layout);
      return;
    }
    const from = placed.current;
    placed.current = { graph, layout };
    if (layout === 'force') {
      setShown('force');
      return;
    }
    if (from?.graph === graph && from.layout === layout && layout === shown) {
      // Same layout, new targets (e.g. the analysis' tiers arrived): move without ceremony.
      assign(graph, targets);
      return;
    }
    setShown(undefined);
    const cancel = animateNodes(
      graph,
      targets,
      { duration: LAYOUT_ANIMATION_MS, easing: 'quadraticInOut' },
      () => setShown(layout),
    );
    return cancel;
    // `shown` only tells a finished switch from a fresh one; it must not restart the animation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma, graph, layout, targets]);

  return shown;
}
