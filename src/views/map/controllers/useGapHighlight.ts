// Highlights a gap: the home region's buyers of the capability and their suppliers (inside and outside the
// region) on top, arcs supplier → buyer, and everything else dimmed.
import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DatasetView } from '../../contracts.ts';
import { gapFeatures, gapSelection } from '../sources.ts';
import type { GapSelection } from '../sources.ts';
import { LAYER, SOURCE } from '../style.ts';
import { EMPTY, setSourceData } from './geojson.ts';

export function useGapHighlight(
  map: MapLibreMap | null,
  data: DatasetView,
  gap: string | undefined,
  minValue: number,
  gapBuyer?: string | undefined,
): GapSelection | null {
  const { bundle, positions, inRegion, orgIndex } = data;
  const selection = useMemo(() => {
    if (gap === undefined) return null;
    const buyer = gapBuyer === undefined ? undefined : orgIndex.get(gapBuyer);
    if (gapBuyer !== undefined && buyer === undefined) return null;
    return gapSelection({ bundle, positions, inRegion, orgIndex }, gap, buyer);
  }, [bundle, positions, inRegion, orgIndex, gap, gapBuyer]);
  useEffect(() => {
    if (map === null) return;
    if (selection === null) {
      setSourceData(map, SOURCE.gapOrgs, EMPTY);
      setSourceData(map, SOURCE.gapArcs, EMPTY);
    } else {
      const { orgs, arcs } = gapFeatures({ bundle, positions, inRegion, orgIndex }, selection, minValue);
      setSourceData(map, SOURCE.gapOrgs, orgs);
      setSourceData(map, SOURCE.gapArcs, arcs);
    }
    const dim = selection !== null;
    map.setPaintProperty(LAYER.orgs, 'circle-opacity', dim ? 0.25 : 1);
    map.setPaintProperty(LAYER.orgs, 'circle-stroke-opacity', dim ? 0.25 : 1);
    map.setPaintProperty(LAYER.clusters, 'circle-opacity', dim ? 0.3 : 0.82);
    map.setPaintProperty(LAYER.clusterCount, 'text-opacity', dim ? 0.4 : 1);
  }, [map, bundle, positions, inRegion, orgIndex, selection, minValue]);
  return selection;
}
