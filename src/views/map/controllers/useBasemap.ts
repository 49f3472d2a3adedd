// Loads the shipped county and state shapes once and puts them into the basemap's sources (once per map).
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadCountyTopology } from '../../../workers/reference-files.ts';
import type { Topology } from 'topojson-specification';
import { basemapSteps } from '../basemap.ts';
import { runSliced } from '../../../workers/sliced.ts';
import type { Basemap } from '../basemap.ts';
import { SOURCE } from '../style.ts';
import { setSourceData } from './geojson.ts';
import { markOnce } from '../../../ui/perf-marks.ts';

/** Built once per topology (the map view mounts again on every switch back from another view). */
const built = new WeakMap<Topology, Promise<Basemap>>();
function basemapOf(topology: Topology): Promise<Basemap> {
  let basemap = built.get(topology);
  if (basemap === undefined) {
    basemap = runSliced(basemapSteps(topology), 30);
    built.set(topology, basemap);
  }
  return basemap;
}

/** The basemap each map holds: a map taken up again (see map-pool.ts) keeps its basemap. */
const drawnOn = new WeakMap<MapLibreMap, Basemap>();

/** The basemap's shapes once loaded and built (drawn or not); null before. */
export function useBasemapShapes(): Basemap | null {
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  useEffect(() => {
    let live = true;
    void loadCountyTopology()
      .then(basemapOf)
      .then((built) => {
        markOnce('basemap');
        if (live) setBasemap(built);
      });
    return () => {
      live = false;
    };
  }, []);
  return basemap;
}

/**
 * The basemap once `basemap` (useBasemapShapes) is drawn into `map`; null before. Its shapes go into the
 * map's sources in the same commit that brings them, so a camera fitted to them (useCamera) moves before
 * the map asks its worker for any tile of them.
 */
export function useBasemap(map: MapLibreMap | null, basemap: Basemap | null): Basemap | null {
  const [drawn, setDrawn] = useState<{ map: MapLibreMap; basemap: Basemap } | null>(null);
  useEffect(() => {
    if (map === null || basemap === null) return;
    if (drawnOn.get(map) !== basemap) {
      setSourceData(map, SOURCE.states, basemap.states);
      setSourceData(map, SOURCE.stateBorders, basemap.stateBorders);
      setSourceData(map, SOURCE.countyBorders, basemap.countyBorders);
      setSourceData(map, SOURCE.stateLabels, basemap.stateLabels);
      setSourceData(map, SOURCE.countyLabels, basemap.countyLabels);
      drawnOn.set(map, basemap);
    }
    setDrawn({ map, basemap });
  }, [map, basemap]);
  return drawn !== null && drawn.map === map && drawn.basemap === basemap ? basemap : null;
}
