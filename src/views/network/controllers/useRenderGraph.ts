// Derives the render graph from the dataset, the filters and, on big datasets, the aggregation (top
// organizations plus the selection's neighborhood). Rebuilt only when what is drawn changes.
import { useMemo } from 'react';
import type { DatasetView } from '../../contracts.ts';
import { suppliedValues } from '../../map/sources.ts';
import { aggregate, needsAggregation } from '../aggregate.ts';
import type { Aggregation } from '../aggregate.ts';
import { upstreamTree } from '../focus.ts';
import { buildRenderGraph, drawableLinks } from '../render-graph.ts';
import { useSameContents } from '../../../ui/useSameContents.ts';
import type { DrawableLinks, RenderGraph, SizeBy } from '../render-graph.ts';

export interface Scene {
  graph: RenderGraph;
  links: DrawableLinks;
  aggregation: Aggregation;
}

/** Index-based neighborhood of the selection: its upstream tree in focus mode, else its direct partners. */
function neighborhood(links: DrawableLinks, root: number, focusHops: number): number[] {
  if (focusHops > 0) {
    const into = new Map<number, number[]>();
    for (let k = 0; k < links.count; k++) {
      const t = links.target[k]!;
      const list = into.get(t);
      if (list === undefined) into.set(t, [links.source[k]!]);
      else list.push(links.source[k]!);
    }
    const tree = upstreamTree(String(root), focusHops, (node, visit) => {
      for (const s of into.get(Number(node)) ?? []) visit(String(s), '');
    });
    return [...tree.nodes.keys()].map(Number);
  }
  const out = [root];
  for (let k = 0; k < links.count; k++) {
    if (links.source[k] === root) out.push(links.target[k]!);
    else if (links.target[k] === root) out.push(links.source[k]!);
  }
  return out;
}

export function useRenderGraph(
  data: DatasetView,
  minValue: number,
  sizeBy: SizeBy,
  selected: string | undefined,
  focusHops: number,
): Scene {
  // Only what drawableLinks reads: the analysis arriving (a new `data`) must not redo a pass over all links.
  const { bundle, orgIndex, visible } = data;
  const links = useMemo(
    () => drawableLinks({ bundle, orgIndex, visible }, minValue),
    [bundle, orgIndex, visible, minValue],
  );
  const supplied = useMemo(() => suppliedValues(data.bundle), [data.bundle]);
  const big = useMemo(
    () =>
      needsAggregation({
        eligible: data.visible,
        score: supplied,
        source: links.source,
        target: links.target,
      }),
    [data.visible, supplied, links],
  );
  // Below the limits the selection and the size measure do not change what is drawn: keep them out of
  // the dependencies so that a click never rebuilds the graph.
  const keepRoot = big && selected !== undefined ? data.orgIndex.get(selected) : undefined;
  const keepHops = big ? focusHops : 0;
  const scoreBy = big ? sizeBy : 'value';
  const aggregation = useMemo((): Aggregation => {
    let score: ArrayLike<number> = supplied;
    if (scoreBy === 'degree') {
      const degree = new Float64Array(data.visible.length);
      for (let k = 0; k < links.count; k++) {
        degree[links.source[k]!]!++;
        degree[links.target[k]!]!++;
      }
      score = degree;
    }
    const keep = keepRoot === undefined ? [] : neighborhood(links, keepRoot, keepHops);
    return aggregate({ eligible: data.visible, score, source: links.source, target: links.target, keep });
  }, [data.visible, supplied, links, scoreBy, keepRoot, keepHops]);
  // The analysis (then the resilience) arriving brings a new DatasetView and a new membership array,
  // most often with the same values (no home region, or the same one): only a real change rebuilds the
  // graph, which sigma would process and draw again (~0.4 s at 10k nodes).
  const inRegion = useSameContents(data.inRegion);
  const graph = useMemo(
    () => buildRenderGraph({ bundle, visible, inRegion }, links, { include: aggregation.include, supplied }),
    [bundle, visible, inRegion, links, aggregation.include, supplied],
  );
  return { graph, links, aggregation };
}
