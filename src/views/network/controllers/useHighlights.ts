// Keeps sigma's reducers in step with what is highlighted: hover neighborhood, selection, focus tree,
// critical suppliers and links, a gap's buyers and suppliers, a selected chokepoint's reach, and the size
// measure. The render graph is
// never touched; changing the reducers re-renders.
import { useEffect, useMemo } from 'react';
import type Sigma from 'sigma';
import type { DatasetView } from '../../contracts.ts';
import { nodeKey } from '../node-key.ts';
import type { SupplyTree } from '../focus.ts';
import { criticalSet, edgeDisplay, gapHighlight, nodeDisplay, riskHighlight } from '../highlight.ts';
import type { GapHighlight, HighlightState, RiskHighlight } from '../highlight.ts';
import type { Chokepoint } from '../../../analysis/chokepoints.ts';
import type { EdgeAttributes, NodeAttributes, RenderGraph, SizeBy } from '../render-graph.ts';

export interface HighlightInputs {
  data: DatasetView;
  sizeBy: SizeBy;
  hovered: string | undefined;
  selected: string | undefined;
  /** The selection's upstream tree when focused on it (see focus.ts). */
  focus: SupplyTree | null;
  showCritical: boolean;
  gap: string | undefined;
  gapBuyer?: string | undefined;
  /** The selected organization's chokepoints, from the worker. */
  risk?: readonly Chokepoint[] | null | undefined;
}

export interface Highlights {
  focus: SupplyTree | null;
  gap: GapHighlight | null;
  risk: RiskHighlight | null;
}

export function useHighlights(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  graph: RenderGraph,
  { data, sizeBy, hovered, selected, focus, showCritical, gap, gapBuyer, risk }: HighlightInputs,
): Highlights {
  // Selection comes as an organization id; the graph speaks node keys.
  const selectedKey = selected === undefined ? undefined : nodeKey(selected);
  const critical = useMemo(
    () => (showCritical ? criticalSet(data.analysis) : null),
    [showCritical, data.analysis],
  );
  const gapLit = useMemo(
    () => (gap === undefined ? null : gapHighlight(data, gap, gapBuyer)),
    [data, gap, gapBuyer],
  );
  const riskLit = useMemo(() => riskHighlight(risk), [risk]);
  const hoverSet = useMemo(() => {
    if (hovered === undefined || !graph.hasNode(hovered)) return undefined;
    return new Set([hovered, ...graph.neighbors(hovered)]);
  }, [graph, hovered]);

  useEffect(() => {
    if (sigma === null) return;
    const state: HighlightState = {
      sizeBy,
      hovered: hoverSet === undefined ? undefined : hovered,
      hoverSet,
      selected: selectedKey,
      focus,
      critical,
      gap: gapLit,
      risk: riskLit,
    };
    // The reducers read the graph sigma holds at call time: a new graph is installed (and rendered once)
    // before this effect hands over reducers made for it.
    sigma.setSetting('nodeReducer', (node, attrs) => nodeDisplay(node, attrs, state));
    sigma.setSetting('edgeReducer', (edge, attrs) => {
      const g = sigma.getGraph();
      return edgeDisplay(attrs, edge, g.source(edge), g.target(edge), state);
    });
  }, [sigma, sizeBy, hovered, hoverSet, selectedKey, focus, critical, gapLit, riskLit]);

  return { focus, gap: gapLit, risk: riskLit };
}
