// Draws the selected organization (a ring on top of everything, even when its point sits in a cluster)
// and its supply links as arcs, hiding links below the minimum value.
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DatasetView } from '../../contracts.ts';
import { positionOf, selectionArcs } from '../sources.ts';
import { SOURCE } from '../style.ts';
import { EMPTY, setSourceData } from './geojson.ts';

export function useSelection(
  map: MapLibreMap | null,
  data: DatasetView,
  selected: string | undefined,
  minValue: number,
): void {
  const { bundle, positions, inRegion, orgIndex } = data;
  useEffect(() => {
    if (map === null) return;
    const index = selected === undefined ? undefined : orgIndex.get(selected);
    const org = index === undefined ? undefined : bundle.organizations[index];
    const at = index === undefined ? null : positionOf(positions, index);
    if (index === undefined || org === undefined || selected === undefined) {
      setSourceData(map, SOURCE.selection, EMPTY);
      setSourceData(map, SOURCE.arcs, EMPTY);
      return;
    }
    setSourceData(
      map,
      SOURCE.selection,
      at === null
        ? EMPTY
        : {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                id: index,
                geometry: { type: 'Point', coordinates: [at[0], at[1]] },
                properties: { i: index, kind: org.kind },
              },
            ],
          },
    );
    setSourceData(
      map,
      SOURCE.arcs,
      selectionArcs({ bundle, positions, inRegion, orgIndex }, selected, minValue),
    );
  }, [map, bundle, positions, inRegion, orgIndex, selected, minValue]);
}
