// The network view: the one component that owns the sigma instance. It draws the supplier network of the
// visible organizations (render-graph.ts), placed by the chosen layout, and keeps hover, selection, focus,
// critical and gap highlights, the camera and the force layout in sync through the hooks in ./controllers.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type Sigma from 'sigma';
import { countKinds } from '../../domain/model.ts';
import type { NetworkViewProps } from '../contracts.ts';
import { useCamera } from './controllers/useCamera.ts';
import { useForceLayout } from './controllers/useForceLayout.ts';
import { useHighlights } from './controllers/useHighlights.ts';
import { useLabels } from './controllers/useLabels.ts';
import { treeWeights, useLayout } from './controllers/useLayout.ts';
import { usePointer } from './controllers/usePointer.ts';
import { useRenderGraph } from './controllers/useRenderGraph.ts';
import { labelFontLoaded, loadLabelFont } from './label-font.ts';
import { NetworkLegend } from './NetworkLegend.tsx';
import type { RiskHighlight } from './highlight.ts';
import { NetworkToolbar } from './NetworkToolbar.tsx';
import { TreeList } from './TreeList.tsx';
import { nodeKey } from './node-key.ts';
import { upstreamTreeInGraph } from './focus.ts';
import { frameNodes } from './frame.ts';
import { LABEL_ROOM_PX } from './layouts/tier.ts';
import { markOnce } from '../../ui/perf-marks.ts';
import { useElementSize } from '../../ui/useElementSize.ts';
import { createNetworkSigma, takePreparedSigma } from './prepared.ts';
import { LINE_EDGE_LIMIT } from './render-graph.ts';
import type { EdgeAttributes, NodeAttributes, SizeBy } from './render-graph.ts';
import './network.css';

declare global {
  interface Window {
    /** The live sigma instance, for the e2e tests only. */
    __forgemapSigma?: Sigma<NodeAttributes, EdgeAttributes>;
  }
}

export function NetworkView(props: NetworkViewProps) {
  const { data, filters, layout, focusHops, showCritical, camera, selected, gap } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const [sizeBy, setSizeBy] = useState<SizeBy>('value');
  const [firstFrameMs, setFirstFrameMs] = useState<number | null>(null);
  const [mountedAt] = useState(() => performance.now());

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    // The sigma made ahead while the page was idle (prepared.ts), its shaders built; else a new one.
    const { sigma: instance, host } = takePreparedSigma() ?? createNetworkSigma();
    container.appendChild(host);
    instance.resize();
    window.__forgemapSigma = instance;
    setSigma(instance);
    return () => {
      if (window.__forgemapSigma === instance) delete window.__forgemapSigma;
      setSigma((current) => (current === instance ? null : current));
      instance.kill();
      host.remove();
    };
  }, []);

  const onEngine = props.onEngine;
  useEffect(() => {
    if (sigma === null) return;
    onEngine?.(sigma as unknown as Sigma);
    return () => onEngine?.(null);
  }, [sigma, onEngine]);

  const scene = useRenderGraph(data, filters.minValue, sizeBy, selected, focusHops);
  const { graph, aggregation } = scene;
  // Big graphs: edges and labels are drawn once the camera stops, so panning and zooming stay fluid.
  useEffect(() => {
    if (sigma === null) return;
    const heavy = graph.size > LINE_EDGE_LIMIT;
    sigma.setSetting('hideEdgesOnMove', heavy);
    sigma.setSetting('hideLabelsOnMove', heavy);
  }, [sigma, graph]);
  const size = useElementSize(containerRef);
  // Sigma sizes its canvases only when it renders or the window resizes: a pane that changes size (the split
  // view opening, the inspector closing) must tell it, or the old canvases spill over their neighbours.
  useEffect(() => {
    if (sigma === null || size === null) return;
    sigma.resize();
    sigma.scheduleRefresh();
  }, [sigma, size]);
  const selectedKey = selected === undefined ? undefined : nodeKey(selected);
  const focus = useMemo(
    () =>
      selectedKey === undefined || focusHops <= 0 ? null : upstreamTreeInGraph(graph, selectedKey, focusHops),
    [graph, selectedKey, focusHops],
  );
  const hovered = usePointer(sigma, props.onSelect);
  const highlights = useHighlights(sigma, graph, {
    data,
    sizeBy,
    hovered,
    selected,
    focus,
    showCritical,
    gap,
    gapBuyer: props.gapBuyer,
    risk: props.risk,
  });
  // In a focused tree the suppliers worth most to its root are labelled first.
  const worth = useMemo(() => (focus === null ? null : treeWeights(graph, focus)), [graph, focus]);
  useLabels(sigma, graph, sizeBy, worth);
  useCamera(sigma, camera, props.onCameraChange);
  // After the hooks that set sigma's reducers and label settings: those only schedule a refresh, which the
  // synchronous one of a new graph (setGraph, in useLayout) then does at once, processing the graph once.
  const shownLayout = useLayout(sigma, graph, layout, data, {
    viewport: size ?? undefined,
    focus,
    selected: selectedKey,
  });
  const force = useForceLayout(sigma, graph, layout === 'force');

  // Ready once the first real graph has been drawn with the label font: after sigma's scheduled render (an
  // animation frame callback registered before ours), the next animation frame is the first one on screen
  // (reference/toolchain.md).
  const placed = shownLayout !== undefined || firstFrameMs !== null;
  useEffect(() => {
    if (sigma === null || !placed || firstFrameMs !== null) return;
    let live = true;
    let frame = 0;
    // A font already loaded was there for the graph's first frame (drawn above, in useLayout's effect);
    // one that comes later needs a frame of its own.
    const redraw = !labelFontLoaded();
    void loadLabelFont().then(() => {
      if (!live) return;
      if (redraw) sigma.scheduleRender();
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          if (!live) return;
          // The attribute first, then the mark that starts the work held for the first picture (MapView).
          flushSync(() => setFirstFrameMs(performance.now() - mountedAt));
          markOnce('network-ready');
        });
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [sigma, placed, firstFrameMs, mountedAt]);

  const kindCounts = useMemo(() => countKinds(graph.mapNodes((_node, attrs) => attrs)), [graph]);

  // Zoom to fit frames what is drawn (a focused tree, the filtered set), not the whole network's box;
  // Zoom to selection frames the selection with its partners, not one giant node.
  const zoomToFit = () => {
    if (sigma === null) return;
    if (!frameNodes(sigma, graph.nodes(), { labelRoom: LABEL_ROOM_PX }))
      void sigma.getCamera().animatedReset();
  };
  const zoomToSelection = () => {
    if (sigma === null || selected === undefined) return;
    const key = nodeKey(selected);
    if (!graph.hasNode(key)) return;
    frameNodes(sigma, [key, ...graph.neighbors(key)], { labelRoom: LABEL_ROOM_PX, minRatio: 0.02 });
  };
  const selectedDrawn = selected !== undefined && graph.hasNode(nodeKey(selected));
  const onSelectGap = props.onSelectGap;

  return (
    <div className="network-view">
      <NetworkToolbar
        layout={layout}
        hasFileLayout={(data.filePositions?.size ?? 0) > 0}
        onLayoutChange={props.onLayoutChange}
        focusHops={focusHops}
        onFocusChange={props.onFocusChange}
        canFocus={selectedDrawn}
        showCritical={showCritical}
        onShowCriticalChange={props.onShowCriticalChange}
        criticalAvailable={data.analysis !== null}
        sizeBy={sizeBy}
        onSizeBy={setSizeBy}
        onZoomToFit={zoomToFit}
        onZoomToSelection={zoomToSelection}
        canZoomToSelection={selectedDrawn}
        force={layout === 'force' ? force : null}
      />
      {layout === 'file' && (data.filePositions?.size ?? 0) === 0 && (
        <p className="network-notice" role="status" data-testid="network-no-file-layout">
          This dataset brought no positions of its own (only GEXF and GraphML files do); showing the
          geographic layout.
        </p>
      )}
      {data.bundle.meta.sharing?.profile === 'public' && (
        <p className="network-notice" role="status" data-testid="network-public">
          A public view has no firm-to-firm links: its links are county-to-county flows, drawn on the map.
        </p>
      )}
      {aggregation.aggregated && (
        <p className="network-notice" role="status" data-testid="network-aggregated">
          Showing {aggregation.shown.toLocaleString('en-US')} of {aggregation.total.toLocaleString('en-US')}{' '}
          organizations: the largest by {sizeBy === 'degree' ? 'number of links' : 'supplied value'}, plus the
          selection and its neighborhood. Filter to see the rest.
        </p>
      )}
      {selected !== undefined && !selectedDrawn && (
        <p className="network-notice" role="status" data-testid="network-selection-hidden">
          {selectionHiddenNote(
            data.bundle.organizations[data.orgIndex.get(selected) ?? -1]?.name ?? selected,
            props.removed?.includes(selected) === true,
            focusHops > 0,
          )}
        </p>
      )}
      <div className="network-stage">
        <div
          ref={containerRef}
          className="network-canvas"
          data-testid="network"
          data-network-ready={firstFrameMs !== null ? 'true' : 'false'}
          data-first-frame-ms={firstFrameMs === null ? undefined : Math.round(firstFrameMs)}
          data-layout={shownLayout ?? ''}
          data-node-count={graph.order}
          data-edge-count={graph.size}
          data-aggregated={aggregation.aggregated ? 'true' : 'false'}
          data-focus-count={highlights.focus?.nodes.size ?? ''}
          data-risk-count={highlights.risk?.roles.size ?? ''}
          data-force={force.progress === null ? '' : force.progress.running ? 'running' : 'stopped'}
          role="img"
          aria-label={`Supplier network: ${graph.order} organizations and ${graph.size} supply relationships. Click a node to select it.`}
        />
        <NetworkLegend
          kindCounts={kindCounts}
          arrows={graph.size <= LINE_EDGE_LIMIT}
          sizeBy={sizeBy}
          showCritical={showCritical}
          criticalCount={data.analysis?.criticalSuppliers.length ?? null}
          selected={selectedDrawn}
          focus={highlights.focus === null ? null : { hops: focusHops, nodes: highlights.focus.nodes.size }}
          gap={
            gap === undefined || highlights.gap === null
              ? null
              : { label: data.label(gap), buyers: highlights.gap.buyers, suppliers: highlights.gap.suppliers }
          }
          onClearGap={() => onSelectGap(undefined)}
          risk={highlights.risk === null || gap !== undefined ? null : riskCounts(highlights.risk)}
        />
      </div>
      {focus !== null && selected !== undefined && (
        <TreeList
          data={data}
          tree={focus}
          rootName={data.bundle.organizations[data.orgIndex.get(selected) ?? -1]?.name ?? selected}
          chokepoints={props.chokepoints ?? null}
          onSelect={props.onSelect}
        />
      )}
    </div>
  );
}

/** Why the selection is not in the picture: taken out by the what-if, or hidden by the filters. */
export function selectionHiddenNote(name: string, removed: boolean, focus: boolean): string {
  const tree = focus ? ' There is no supply tree to show.' : '';
  return removed
    ? `${name} is removed (what-if): the network is drawn as if it had closed. Put it back from the side panel.${tree}`
    : `${name} is hidden by the filters.${tree}`;
}

/** How many of each role a chokepoint's reach holds. */
function riskCounts(risk: RiskHighlight): { exposed: number; cutOff: number } {
  let exposed = 0;
  for (const role of risk.roles.values()) if (role === 'exposed') exposed++;
  return { exposed, cutOff: risk.roles.size - exposed };
}
