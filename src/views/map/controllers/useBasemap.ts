// The counties' shapes, loaded and built once per page (region outlines, shading and the camera's fit use
// them), and the basemap as GeoJSON for the briefing's figure. The map itself draws the basemap from its
// tiles (views/map/basemap-tiles.ts).
import { useEffect, useState } from 'react';
import { loadCountyTopology } from '../../../workers/reference-files.ts';
import { basemapSteps, countyShapesOf } from '../basemap.ts';
import type { Basemap, CountyShapes } from '../basemap.ts';
import { runSliced } from '../../../workers/sliced.ts';
import { markOnce } from '../../../ui/perf-marks.ts';

let counties: Promise<CountyShapes> | undefined;
/** The counties' shapes, loaded once per page (started early by warmMap, map/warm.ts). */
export function countyShapes(): Promise<CountyShapes> {
  counties ??= loadCountyTopology().then(countyShapesOf);
  // A failed load is tried again at the next mount.
  counties.catch(() => (counties = undefined));
  return counties;
}

let basemap: Promise<Basemap> | undefined;
/** The whole basemap as GeoJSON (land, borders, label points), built on first need. */
export function basemapGeoJson(): Promise<Basemap> {
  basemap ??= loadCountyTopology().then((topology) => runSliced(basemapSteps(topology), 30));
  basemap.catch(() => (basemap = undefined));
  return basemap;
}

/** The counties' shapes once loaded and built; null before. */
export function useCountyShapes(): CountyShapes | null {
  const [shapes, setShapes] = useState<CountyShapes | null>(null);
  useEffect(() => {
    let live = true;
    void countyShapes().then((built) => {
      markOnce('counties');
      if (live) setShapes(built);
    });
    return () => {
      live = false;
    };
  }, []);
  return shapes;
}
