// Draws a public copy's county-to-county flows (its only links) and says how many are drawn.
import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bundle } from '../../../domain/model.ts';
import { flowFeatures } from '../sources.ts';
import { SOURCE } from '../style.ts';
import { EMPTY, setSourceData } from './geojson.ts';

export function useCountyFlows(map: MapLibreMap | null, bundle: Bundle): number {
  const aggregates = bundle.meta.sharing?.public;
  const features = useMemo(() => (aggregates === undefined ? null : flowFeatures(aggregates)), [aggregates]);
  useEffect(() => {
    if (map !== null) setSourceData(map, SOURCE.flows, features ?? EMPTY);
  }, [map, features]);
  return features?.features.length ?? 0;
}
