// Keeps the home-region outline and the toggleable layer of the other program regions in sync with props.
import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { RegionOption } from '../../contracts.ts';
import { regionFeatures } from '../basemap.ts';
import type { CountyShapes } from '../basemap.ts';
import { LAYER, SOURCE } from '../style.ts';
import { EMPTY, setSourceData, setVisible } from './geojson.ts';

/**
 * Draws the regions; returns the regions drawn in the "other regions" layer, index-aligned with their
 * feature ids (the pointer controller looks a hovered feature up there).
 */
export function useRegions(
  map: MapLibreMap | null,
  basemap: CountyShapes | null,
  regions: readonly RegionOption[],
  homeRegion: RegionOption | undefined,
  showRegions: boolean,
): readonly RegionOption[] {
  const others = useMemo(
    () => regions.filter((r) => r.id !== homeRegion?.id && r.counties.length > 0),
    [regions, homeRegion?.id],
  );
  useEffect(() => {
    if (map === null || basemap === null) return;
    const { shapes, labels } = regionFeatures(basemap, others);
    setSourceData(map, SOURCE.regions, shapes);
    setSourceData(map, SOURCE.regionLabels, labels);
  }, [map, basemap, others]);
  useEffect(() => {
    if (map === null || basemap === null) return;
    setSourceData(
      map,
      SOURCE.home,
      homeRegion === undefined ? EMPTY : regionFeatures(basemap, [homeRegion]).shapes,
    );
  }, [map, basemap, homeRegion]);
  useEffect(() => {
    if (map === null) return;
    setVisible(map, [LAYER.regionsFill, LAYER.regionsLine, LAYER.regionLabels], showRegions);
  }, [map, showRegions]);
  return others;
}
