// The counties' shapes, loaded and built once per page (region outlines, shading and the camera's fit use
// them), and the basemap as GeoJSON for the briefing's figure. The map itself draws the basemap from its
// tiles (views/map/basemap-tiles.ts).
import { useEffect, useState } from 'react';
import { loadCountyTopology } from '../../../workers/reference-files.ts';
import { basemapSteps, countyShapesOf } from '../basemap.ts';
import type { Basemap, CountyShapes } from '../basemap.ts';
import { runSliced } from '../../../workers/sliced.ts';
import { markOnce } from '../../../ui/perf-marks.ts';
import { loadOnce } from '../load-once.ts';

/** The counties' shapes, loaded once per page (started early by warmMap, map/warm.ts). */
export const countyShapes: () => Promise<CountyShapes> = loadOnce(() =>
  loadCountyTopology().then(countyShapesOf),
);

/** The whole basemap as GeoJSON (land, borders, label points), built on first need. */
export const basemapGeoJson: () => Promise<Basemap> = loadOnce(() =>
  loadCountyTopology().then((topology) => runSliced(basemapSteps(topology), 30)),
);

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
