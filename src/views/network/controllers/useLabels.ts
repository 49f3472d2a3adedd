// Collision-free labels: sigma offers every drawn node's label (forceLabel, see highlight.ts) and this hook
// decides, once per frame, which of them fit (label-placement.ts): the selection and what it highlights
// first, then the rest by value (or by links when nodes are sized by links). Sigma's own label grid keeps
// the largest node per cell but lets long labels run over each other.
import { useEffect } from 'react';
import type Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeDisplayData } from 'sigma/types';
import type { NodeMarks } from '../highlight.ts';
import { loadLabelFont } from '../label-font.ts';
import { placeLabels } from '../label-placement.ts';
import type { LabelCandidate } from '../label-placement.ts';
import type { EdgeAttributes, NodeAttributes, RenderGraph, SizeBy } from '../render-graph.ts';

/** A label on the pane, in CSS px. */
export interface DrawnLabel {
  key: string;
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

declare global {
  interface Window {
    /** The labels of the network's last frame, for the e2e tests only. */
    __forgemapLabels?: DrawnLabel[];
  }
}

/** Labels drawn at most per frame (a bound on the work; a pane holds far fewer). */
const MAX_LABELS = 600;
/**
 * Nodes on the pane tried for a label per frame, in priority order: past the first 1,500 of a dense pane
 * hardly any label still fits, and trying each of 10,000 cost a second per frame on two cores.
 */
const MAX_CANDIDATES = 1_500;

/**
 * The nodes in label priority order: by the worth given (a focused tree's, see treeWeights), else by the
 * size measure; larger first, ties in graph order. Nodes without a given worth come after those with one.
 */
export function labelOrder(
  graph: RenderGraph,
  sizeBy: SizeBy,
  worth?: ReadonlyMap<string, number> | null,
): string[] {
  const key = sizeBy === 'degree' ? 'degree' : 'supplied';
  const nodes = graph.nodes();
  const score = new Map(nodes.map((n) => [n, graph.getNodeAttribute(n, key)]));
  const given = (n: string) => (worth?.has(n) === true ? 1 : 0);
  return nodes.sort(
    (a, b) =>
      given(b) - given(a) ||
      (worth != null && given(a) === 1 ? worth.get(b)! - worth.get(a)! : score.get(b)! - score.get(a)!),
  );
}

/** The longest start of `label` that, with an ellipsis, is at most `room` wide. */
export function shorten(label: string, room: number, width: (text: string) => number): string {
  let lo = 0;
  let hi = label.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (width(`${label.slice(0, mid).trimEnd()}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${label.slice(0, lo).trimEnd()}…`;
}

export function useLabels(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  graph: RenderGraph,
  sizeBy: SizeBy,
  worth?: ReadonlyMap<string, number> | null,
): void {
  useEffect(() => {
    if (sigma === null) return;
    const view = sigma;
    const order = labelOrder(graph, sizeBy, worth);
    const widths = new Map<string, number>();
    const measure = document.createElement('canvas').getContext('2d');
    let placed: Map<string, string> | null = null;

    const place = (): Map<string, string> => {
      const settings = view.getSettings();
      const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      if (measure !== null) measure.font = font;
      const textWidth = (text: string) =>
        measure?.measureText(text).width ?? text.length * settings.labelSize * 0.6;
      const widthOf = (label: string) => {
        let w = widths.get(label);
        if (w === undefined) {
          w = textWidth(label);
          widths.set(label, w);
        }
        return w;
      };
      const { width, height } = view.getDimensions();
      // Every drawn node on (or near) the pane, in priority order: the selection, what it highlights, the rest.
      const drawn: (LabelCandidate & { label: string })[] = [];
      const rank: number[] = [];
      // Greyed-out nodes are context: a label may run over them.
      const obstacles: LabelCandidate[] = [];
      if (view.getGraph() === graph) {
        for (const key of order) {
          const data = view.getNodeDisplayData(key) as (NodeDisplayData & NodeMarks) | undefined;
          if (data === undefined || data.hidden) continue;
          const at = view.framedGraphToViewport(data);
          const size = view.scaleSize(data.size);
          if (at.x + size < 0 || at.x - size > width || at.y + size < 0 || at.y - size > height) continue;
          const label = data.label ?? '';
          // Widths are measured for the candidates only (below): measuring 10,000 labels costs 0.3 s.
          const node = { key, x: at.x, y: at.y, size, width: 0, label };
          drawn.push(node);
          if (data.dimmed !== true) obstacles.push(node);
          rank.push(data.selected === true ? 0 : data.labelFirst === true ? 1 : 2);
        }
      }
      const candidates = drawn
        .map((c, i) => ({ c, r: rank[i]! }))
        .filter(({ c }) => c.label !== '')
        .sort((a, b) => a.r - b.r) // stable: value order within each rank
        .slice(0, MAX_CANDIDATES)
        .map(({ c }) => ({ ...c, width: widthOf(c.label) }));
      const placed = placeLabels(candidates, {
        width,
        height,
        lineHeight: settings.labelSize + 2,
        max: MAX_LABELS,
        obstacles,
      });
      const texts = new Map<string, string>();
      const byKey = new Map(candidates.map((c) => [c.key, c]));
      for (const { key, width: room } of placed) {
        const c = byKey.get(key)!;
        texts.set(key, room >= c.width ? c.label : shorten(c.label, room, textWidth));
      }
      return texts;
    };

    // What was drawn, as drawn (for the e2e tests, which check it against the nodes independently).
    let drawnLabels: DrawnLabel[] = [];
    const onBeforeRender = () => {
      placed = null;
      drawnLabels = [];
      window.__forgemapLabels = drawnLabels;
    };
    sigma.on('beforeRender', onBeforeRender);
    sigma.setSetting('defaultDrawNodeLabel', (context, data, settings) => {
      placed ??= place();
      const text = placed.get(data.key);
      if (text === undefined) return;
      drawDiscNodeLabel(context, { ...data, label: text }, settings);
      drawnLabels.push({
        key: data.key,
        text,
        left: data.x + data.size + 3,
        top: data.y - settings.labelSize / 2,
        width: context.measureText(text).width,
        height: settings.labelSize,
      });
    });
    // setSetting has scheduled a refresh: one frame for all the changes made now (a full refresh of 10,000
    // nodes costs ~0.5 s on two cores without a GPU).
    // Widths measured before the label font arrived are the fallback font's: measure again, and draw again
    // (the labels only: nothing else changed).
    let live = true;
    void loadLabelFont().then(() => {
      if (!live) return;
      widths.clear();
      view.scheduleRender();
    });
    return () => {
      live = false;
      // The next run installs its own drawer; touching the settings here could refresh a killed sigma.
      sigma.off('beforeRender', onBeforeRender);
    };
  }, [sigma, graph, sizeBy, worth]);
}
