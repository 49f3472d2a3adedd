// Shades the home region's counties by the chosen measure and returns the classes for the legend.
import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import type { DatasetView, RegionOption } from '../../contracts.ts';
import { builtLinkArrays } from '../../derive/filter.ts';
import type { Shading } from '../../../state/route.ts';
import type { CountyShapes } from '../basemap.ts';
import { countyMeasures, shadeClasses } from '../shading.ts';
import type { ShadeClass } from '../shading.ts';
import { SOURCE } from '../style.ts';
import { EMPTY, setSourceData } from './geojson.ts';

/** Stands in for the mask where the measure does not read it. */
const NO_MASK = new Uint8Array(0);

export function useShading(
  map: MapLibreMap | null,
  basemap: CountyShapes | null,
  data: DatasetView,
  homeRegion: RegionOption | undefined,
  shading: Shading,
): ShadeClass[] | null {
  const { bundle, orgIndex, inRegion } = data;
  // Only the organization count follows the filters; the value sums go over every link and stay put.
  const visible = shading === 'orgs' ? data.visible : null;
  const counties = homeRegion?.counties;
  const shaded = useMemo(() => {
    if (shading === 'none' || counties === undefined || counties.length === 0) return null;
    const measures = countyMeasures(
      { bundle, orgIndex, inRegion, visible: visible ?? NO_MASK, links: builtLinkArrays(bundle) },
      counties,
      shading,
    );
    return { measures, ...shadeClasses(measures.values()) };
  }, [bundle, orgIndex, inRegion, visible, counties, shading]);

  useEffect(() => {
    if (map === null || basemap === null) return;
    if (shaded === null) {
      setSourceData(map, SOURCE.shading, EMPTY);
      return;
    }
    const features: Feature[] = [];
    for (const [fips, value] of shaded.measures) {
      const shape = basemap.countyShapes.get(fips);
      if (shape === undefined) continue;
      features.push({
        type: 'Feature',
        geometry: shape,
        properties: { fips, value, color: shaded.classOf(value) },
      });
    }
    setSourceData(map, SOURCE.shading, { type: 'FeatureCollection', features });
  }, [map, basemap, shaded]);
  return shaded?.classes ?? null;
}
