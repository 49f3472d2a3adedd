// Keeps the camera and the URL in step: reports every move's end, jumps when the camera prop changes from
// outside (back button, pasted link), and fits the home region (or the organizations) when there is none.
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapCamera } from '../../../state/route.ts';
import type { DatasetView, RegionOption } from '../../contracts.ts';
import { countiesBounds } from '../basemap.ts';
import type { CountyShapes } from '../basemap.ts';
import { useLatest } from '../../../ui/useLatest.ts';
import { BASEMAP_SOURCES } from '../style.ts';
import { setVisible } from './geojson.ts';

/** Shows the basemap's layers (hidden in the style as built, style.ts): its tiles are fetched from now on. */
export function showBasemap(map: MapLibreMap): void {
  const layers = map.getLayersOrder().filter((id) => {
    const source = map.getLayer(id)?.source;
    return source !== undefined && BASEMAP_SOURCES.has(source);
  });
  setVisible(map, layers, true);
}

/** How far (in pixels, and in zoom levels) the map may be from the prop before it jumps there. */
const PIXEL_TOLERANCE = 2;
const ZOOM_TOLERANCE = 0.02;

export function isAt(map: MapLibreMap, camera: MapCamera): boolean {
  if (Math.abs(map.getZoom() - camera.zoom) > ZOOM_TOLERANCE) return false;
  const here = map.project(map.getCenter());
  const there = map.project([camera.lon, camera.lat]);
  return Math.hypot(here.x - there.x, here.y - there.y) <= PIXEL_TOLERANCE;
}

/** [west, south, east, north] around the positioned organizations, or null. */
export function orgBounds(data: DatasetView): [number, number, number, number] | null {
  const c = data.positions.coords;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i + 1 < c.length; i += 2) {
    const lon = c[i]!;
    const lat = c[i + 1]!;
    if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return w <= e ? [w, s, e, n] : null;
}

export function useCamera(
  map: MapLibreMap | null,
  basemap: CountyShapes | null,
  data: DatasetView,
  camera: MapCamera | undefined,
  homeRegion: RegionOption | undefined,
  onCameraChange: (camera: MapCamera) => void,
): void {
  const report = useLatest(onCameraChange);
  // The data only serve a fallback fit: a filter change must not refit the map, so they are read via a ref.
  const latestData = useLatest(data);

  useEffect(() => {
    if (map === null) return;
    const onMoveEnd = () => {
      const center = map.getCenter();
      report.current({ lat: center.lat, lon: center.lng, zoom: map.getZoom() });
    };
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map, report]);

  const lat = camera?.lat;
  const lon = camera?.lon;
  const zoom = camera?.zoom;
  useEffect(() => {
    if (map === null || lat === undefined || lon === undefined || zoom === undefined) return;
    // The URL holds the camera we reported, rounded: only a real difference means someone moved it.
    if (!isAt(map, { lat, lon, zoom })) map.jumpTo({ center: [lon, lat], zoom });
  }, [map, lat, lon, zoom]);

  const fit = camera === undefined;
  const homeCounties = homeRegion?.counties;
  useEffect(() => {
    if (map === null || !fit || basemap === null) return;
    const bounds =
      (homeCounties === undefined ? null : countiesBounds(basemap, homeCounties)) ??
      orgBounds(latestData.current);
    if (bounds === null) return;
    map.fitBounds(bounds, { padding: 32, animate: false, maxZoom: 12 });
    // fitBounds ends with a moveend, which reports the camera; the URL then holds the fitted view.
  }, [map, fit, basemap, homeCounties, latestData]);

  // The basemap once the camera is where the map starts: at once for a link's camera (the map is made
  // there), after the fit above otherwise (the same commit), so no tile is fetched for the view before.
  const placed = !fit || basemap !== null;
  useEffect(() => {
    if (map !== null && placed) showBasemap(map);
  }, [map, placed]);
}
