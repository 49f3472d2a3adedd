// Highlights a gap: the home region's buyers of the capability and their suppliers (inside and outside the
// region) on top, arcs supplier → buyer, and everything else dimmed; likewise a selected chokepoint's reach.
import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DatasetView } from '../../contracts.ts';
import { gapFeatures, gapSelection, riskFeatures } from '../sources.ts';
import type { Chokepoint } from '../../../analysis/chokepoints.ts';
import type { GapSelection } from '../sources.ts';
import { LAYER, ORG_OPACITY, SOURCE } from '../style.ts';
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
  }, [map, bundle, positions, inRegion, orgIndex, selection, minValue]);
  return selection;
}

/** Dims the organizations and clusters under a highlight (a gap, a chokepoint's reach). */
export function useDimmed(map: MapLibreMap | null, dim: boolean): void {
  useEffect(() => {
    if (map === null) return;
    const { points, clusters, counts } = ORG_OPACITY;
    const pick = (opacity: { shown: number; dimmed: number }) => (dim ? opacity.dimmed : opacity.shown);
    map.setPaintProperty(LAYER.orgs, 'circle-opacity', pick(points));
    map.setPaintProperty(LAYER.orgs, 'circle-stroke-opacity', pick(points));
    map.setPaintProperty(LAYER.clusters, 'circle-opacity', pick(clusters));
    map.setPaintProperty(LAYER.clusterCount, 'text-opacity', pick(counts));
  }, [map, dim]);
}

/**
 * Draws a selected chokepoint's reach on top: the primes that depend on it alone and the organizations it
 * cuts off (none while a gap is highlighted: one highlight at a time). Returns how many points are drawn.
 */
export function useRiskHighlight(
  map: MapLibreMap | null,
  data: DatasetView,
  risk: readonly Chokepoint[] | null | undefined,
  gapShown: boolean,
): number {
  const { bundle, positions, orgIndex } = data;
  const features = useMemo(
    () =>
      gapShown || risk == null || risk.length === 0
        ? { type: 'FeatureCollection' as const, features: [] }
        : riskFeatures({ bundle, positions, orgIndex }, risk),
    [bundle, positions, orgIndex, risk, gapShown],
  );
  useEffect(() => {
    if (map !== null) setSourceData(map, SOURCE.riskOrgs, features);
  }, [map, features]);
  return features.features.length;
}
