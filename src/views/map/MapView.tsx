// The map view: the one component that owns the MapLibre map. It draws the offline basemap, regions,
// organizations, links and gap overlays, and reports clicks, hover and camera moves through its props.
// Each concern is kept in sync with the props by a small controller hook in ./controllers.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MapViewProps } from '../contracts.ts';
import { countMaskKinds, countVisible, orgTableOf } from '../derive/filter.ts';
import { MapLegend } from './MapLegend.tsx';
import { MapPlacementNote } from './MapPlacementNote.tsx';
import { glContextAttributes, isSoftwareGl } from './gl-context.ts';
import { mapPixelRatio } from './render-scale.ts';
import type { MapResolution } from './render-scale.ts';
import { readPreference, writePreference } from '../../state/preferences.ts';
import { markOnce } from '../../ui/perf-marks.ts';
import { buildStyle } from './style.ts';
import { parkMap, takeParkedMap } from './map-pool.ts';
import { warmOverlayPrograms } from './warm-programs.ts';
import type { ParkedMap } from './map-pool.ts';
import { countUnplaced, drawableMask } from './sources.ts';
import type { SizeBy } from './sources.ts';
import { useCountyShapes } from './controllers/useCounties.ts';
import { BASEMAP_TILE_URL, loadBasemapPack, registerBasemapProtocol } from './basemap-tiles.ts';
import { MAP_FONT_URL, registerFontProtocol } from './map-font.ts';
import { useCamera } from './controllers/useCamera.ts';
import { useDimmed, useGapHighlight, useRiskHighlight } from './controllers/useGapHighlight.ts';
import { useCountyFlows } from './controllers/useCountyFlows.ts';
import { useOrgSource } from './controllers/useOrgSource.ts';
import { usePointer } from './controllers/usePointer.ts';
import { useRegions } from './controllers/useRegions.ts';
import { useSelection } from './controllers/useSelection.ts';
import { useShading } from './controllers/useShading.ts';
import { useRenderScale } from './controllers/useRenderScale.ts';
import './map.css';

// MapLibre 6 does not find its worker in a bundled app by itself; without this the map never loads.
maplibregl.setWorkerUrl(workerUrl);
// Its worker starts as soon as this code is loaded (at the page's start when it opens on a map, src/app/
// boot.ts): the worker's script is read on the other core meanwhile, not once the first map is made.
maplibregl.prewarm();

declare global {
  interface Window {
    /** The live map, for the e2e tests only. */
    __forgemapMap?: maplibregl.Map;
  }
}

/** Contiguous US, for the moment before the home region's shapes are loaded. */
const US_VIEW = { center: [-96, 38.5] as [number, number], zoom: 3.4 };

export function MapView(props: MapViewProps) {
  const { data, camera, homeRegion, shading, filters, selected, gap } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [sizeBy, setSizeBy] = useState<SizeBy>('none');
  const [showRegions, setShowRegions] = useState(false);
  // Only the first camera matters here; later changes go through useCamera.
  const initialCamera = useRef(camera);
  const softwareGl = useMemo(() => isSoftwareGl(), []);
  const [resolution, setResolution] = useState<MapResolution>(() => readPreference('mapResolution'));
  const initialResolution = useRef(resolution);
  const [noteShown, setNoteShown] = useState(() => readPreference('mapResolutionNote') === 'shown');
  const chooseResolution = (next: MapResolution) => {
    setResolution(next);
    writePreference('mapResolution', next);
  };

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const start = initialCamera.current;
    const view = {
      center: start === undefined ? US_VIEW.center : ([start.lon, start.lat] as [number, number]),
      zoom: start?.zoom ?? US_VIEW.zoom,
    };
    const reused = takeParkedMap(softwareGl);
    let entry: ParkedMap;
    if (reused !== null) {
      entry = reused;
      container.appendChild(entry.host);
      entry.map.resize();
      entry.map.jumpTo(view);
    } else {
      const host = document.createElement('div');
      host.className = 'map-host';
      container.appendChild(host);
      registerBasemapProtocol(maplibregl.addProtocol);
      registerFontProtocol(maplibregl.addProtocol);
      void loadBasemapPack();
      const style = buildStyle(MAP_FONT_URL, BASEMAP_TILE_URL, { softwareGl, warmAt: view.center });
      const instance = new maplibregl.Map({
        container: host,
        style,
        ...view,
        canvasContextAttributes: glContextAttributes(softwareGl),
        // The first frame already at the resolution useRenderScale keeps (no reallocation after load).
        pixelRatio: mapPixelRatio(
          softwareGl,
          initialResolution.current,
          container.clientWidth,
          container.clientHeight,
          window.devicePixelRatio || 1,
        ),
        attributionControl: { compact: true, customAttribution: 'Boundaries: US Census Bureau (us-atlas)' },
        // Label fades repaint for 300 ms after every placement change: free on a GPU, a few 100 ms frames
        // on software GL (Chicago to a drawn map: 3.6 → 2.9 s here).
        fadeDuration: softwareGl ? 0 : 300,
        // The style is built here and checked by a unit test; validating it again costs ~80 ms per map.
        validateStyle: false,
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
      });
      instance.touchZoomRotate.disableRotation();
      instance.keyboard.disableRotation();
      instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
      instance
        .getCanvas()
        .setAttribute('aria-label', 'Map of organizations. Use arrow keys to pan, + and − to zoom.');
      entry = { map: instance, host, softwareGl, layers: style.layers };
    }
    const instance = entry.map;
    markOnce('map-created');
    let loaded = reused !== null;
    window.__forgemapMap = instance;
    if (loaded) setMap(instance);
    else
      instance.on('load', () => {
        markOnce('map-loaded');
        loaded = true;
        setMap(instance);
      });
    return () => {
      if (window.__forgemapMap === instance) delete window.__forgemapMap;
      setMap((current) => (current === instance ? null : current));
      setReady(false);
      // A map that has loaded waits for the next mount (see map-pool.ts); one still loading goes, with its
      // host (StrictMode's first mount would otherwise leave an empty host above the next one's).
      if (loaded) parkMap(entry);
      else {
        instance.remove();
        entry.host.remove();
      }
    };
  }, [softwareGl]);

  const onEngine = props.onEngine;
  useEffect(() => {
    if (map === null) return;
    onEngine?.(map);
    return () => onEngine?.(null);
  }, [map, onEngine]);

  const basemap = useCountyShapes();
  // Fitted to the home region as soon as its counties' bounds are known. Declared before the sources: its
  // effects run first, so the organizations' first window is asked for where the map starts (asked for the
  // view before the fit, it was thrown away at once: a second window, and the map drawn ~150 ms later).
  useCamera(map, basemap, data, camera, homeRegion, props.onCameraChange);
  const otherRegions = useRegions(map, basemap, props.regions, homeRegion, showRegions);
  const orgSource = useOrgSource(map, data, sizeBy);
  useSelection(map, data, selected, filters.minValue);
  const gapSelection = useGapHighlight(map, data, gap, filters.minValue, props.gapBuyer);
  const riskShown = useRiskHighlight(map, data, props.risk, gapSelection !== null);
  useDimmed(map, gapSelection !== null || riskShown > 0);
  const flowsDrawn = useCountyFlows(map, data.bundle);
  const aggregates = data.bundle.meta.sharing?.public;
  const shadeClasses = useShading(map, basemap, data, homeRegion, shading);
  const pointerTargets = useMemo(
    () => ({
      data,
      regions: otherRegions,
      onSelect: props.onSelect,
      onSelectRegion: props.onSelectRegion,
      expansionZoom: orgSource.expansionZoom,
    }),
    [data, otherRegions, props.onSelect, props.onSelectRegion, orgSource.expansionZoom],
  );
  usePointer(map, tooltipRef, pointerTargets);
  const pixelRatio = useRenderScale(map, softwareGl, resolution);
  const deviceRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const reduced = pixelRatio !== null && pixelRatio < deviceRatio - 1e-6;

  // Drawn (for users, tests and screenshots) at the first frame after the counties (for the camera and the
  // home region) and the organizations are in that draws everything the map asked for, basemap tiles
  // included. MapLibre then draws one more frame, the same picture, before it is idle (new labels always ask
  // for a second placement): ~40-100 ms on a CPU-drawn map, which the page no longer waits for. Work held
  // for the first picture waits for that idle moment ('map-idle', app/idle-work.ts).
  const loaded = map !== null && basemap !== null && orgSource.version > 0;
  useEffect(() => {
    if (!loaded || map === null || ready) return;
    markOnce('map-filled');
    const onRender = () => {
      if (!map.loaded() || map.isMoving()) return;
      map.off('render', onRender);
      map.once('idle', () => markOnce('map-idle'));
      // The attribute that says so first, then the mark (the bench and the e2e tests read both).
      flushSync(() => setReady(true));
      markOnce('map-ready');
    };
    map.on('render', onRender);
    map.triggerRepaint();
    return () => {
      map.off('render', onRender);
    };
  }, [loaded, map, ready]);

  // The overlays' shaders, built ahead once the map is drawn (a parked map taken up again has them).
  const onWarmShaders = props.onWarmShaders;
  useEffect(() => {
    if (ready && map !== null) onWarmShaders?.((idle) => warmOverlayPrograms(map, idle));
  }, [ready, map, onWarmShaders]);

  const drawable = useMemo(() => drawableMask(data.positions, data.visible), [data.positions, data.visible]);
  const drawn = useMemo(() => countVisible(drawable), [drawable]);
  // The organizations' table is built before the app shows any view; its kind array spares reading 100k records.
  const kindCounts = useMemo(
    () => countMaskKinds(orgTableOf(data.bundle), drawable),
    [data.bundle, drawable],
  );

  const unplaced = useMemo(() => countUnplaced(data.positions), [data.positions]);

  const onSelectGap = props.onSelectGap;
  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-canvas"
        data-testid="map"
        data-map-ready={ready ? 'true' : 'false'}
        data-risk-count={riskShown}
        data-visible-orgs={drawn}
        data-flows={flowsDrawn}
        data-pixel-ratio={pixelRatio ?? undefined}
        data-points-window={orgSource.window}
        data-points-windows={orgSource.windowsShown}
      />
      <div className="map-notes">
        {aggregates !== undefined && (
          <div className="map-render-note" role="note" data-testid="map-flows-note">
            Public view: each firm is drawn at its county; the purple lines are{' '}
            {flowsDrawn === 1 ? 'the 1 county-to-county flow' : `${flowsDrawn} county-to-county flows`} of at
            least 3 firms each ({aggregates.flows.length - flowsDrawn} more within one county).
          </div>
        )}
        <MapPlacementNote
          total={data.bundle.organizations.length}
          unplaced={unplaced}
          onShowNetwork={props.onShowNetwork}
        />
        {reduced && noteShown && pixelRatio !== null && (
          <div className="map-render-note" role="note" data-testid="map-render-note">
            No GPU here: the map is drawn at {Math.round((pixelRatio / deviceRatio) * 100)}% resolution to
            stay responsive (the legend's Drawing switches it).{' '}
            <button type="button" onClick={() => chooseResolution('sharp')}>
              Draw sharp
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setNoteShown(false);
                writePreference('mapResolutionNote', 'dismissed');
              }}
            >
              Hide note
            </button>
          </div>
        )}
      </div>
      <div ref={tooltipRef} className="map-tooltip" role="tooltip" hidden />
      <MapLegend
        kindCounts={kindCounts}
        sizeBy={sizeBy}
        onSizeBy={setSizeBy}
        showRegions={showRegions}
        onShowRegions={setShowRegions}
        regionCount={otherRegions.length}
        shading={shading}
        shadeClasses={shadeClasses}
        showArcs={selected !== undefined}
        riskShown={riskShown}
        gap={
          gap === undefined || gapSelection === null
            ? null
            : {
                label: data.label(gap),
                buyers: gapSelection.buyers.length,
                suppliers: gapSelection.suppliers.length,
              }
        }
        onClearGap={() => onSelectGap(undefined)}
        resolution={softwareGl ? resolution : null}
        onResolution={chooseResolution}
      />
    </div>
  );
}
