// Puts the positioned, visible organizations into the clustered point source. The collection is rebuilt
// only when the data, the filters (the visible mask) or the size measure change; never on hover or
// selection, which go through feature state and separate small sources.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DatasetView } from '../../contracts.ts';
import { orgFeatures, suppliedValues } from '../sources.ts';
import type { SizeBy } from '../sources.ts';
import { SOURCE } from '../style.ts';
import { setSourceData } from './geojson.ts';

/** Returns a counter that goes up each time the source got new data (0: not yet). */
/** Same contents, same array: the app may recompute the mask on any route change (a camera move too). */
export function useStableMask(mask: Uint8Array): Uint8Array {
  const previous = useRef(mask);
  const current = previous.current;
  const same = current === mask || (current.length === mask.length && current.every((v, i) => v === mask[i]));
  const stable = same ? current : mask;
  useEffect(() => {
    previous.current = stable;
  }, [stable]);
  return stable;
}

export function useOrgSource(map: MapLibreMap | null, data: DatasetView, sizeBy: SizeBy): number {
  const { bundle, positions } = data;
  const visible = useStableMask(data.visible);
  const supplied = useMemo(() => (sizeBy === 'value' ? suppliedValues(bundle) : undefined), [bundle, sizeBy]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (map === null) return;
    const started = performance.now();
    const collection = orgFeatures({ bundle, positions, visible }, sizeBy, supplied);
    setSourceData(map, SOURCE.orgs, collection);
    // Kept for the performance notes: building the collection is the main-thread part of a filter change.
    map.getContainer().dataset['orgBuildMs'] = (performance.now() - started).toFixed(1);
    setVersion((v) => v + 1);
  }, [map, bundle, positions, visible, sizeBy, supplied]);
  return version;
}
