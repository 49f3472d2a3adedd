// One parked map. The map view mounts again whenever its pane comes back: another view, or a new dataset
// while its organizations are being placed. A new MapLibre map costs a WebGL context, its shaders and the
// basemap's upload: on a CPU-drawn map that is ~1 s of main-thread tasks of 80-300 ms each. So the view
// parks its map, detached, when it unmounts, and the next mount takes it up.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerSpecification } from 'maplibre-gl';
import { EMPTY } from './controllers/geojson.ts';
import { BASEMAP_SOURCES, SOURCE } from './style.ts';

export interface ParkedMap {
  readonly map: MapLibreMap;
  /** The element MapLibre draws into, moved from one mount's container to the next. */
  readonly host: HTMLDivElement;
  readonly softwareGl: boolean;
  /** The style's layers as built, to put back the visibility a mount changed. */
  readonly layers: readonly LayerSpecification[];
}

let parked: ParkedMap | null = null;

/** The parked map, if there is one drawn the same way (software GL or not); it is no longer parked. */
export function takeParkedMap(softwareGl: boolean): ParkedMap | null {
  const found = parked;
  if (found === null || found.softwareGl !== softwareGl) return null;
  parked = null;
  return found;
}

/**
 * Parks a map that a mount is done with: emptied of the dataset (sources, hover and selection states) and
 * with its layers shown as the style built them, so that the next mount starts as on a new map, basemap
 * drawn (the controllers set paint and visibility again on mount).
 * A map parked before is removed.
 */
export function parkMap(entry: ParkedMap): void {
  const { map, host, layers } = entry;
  host.remove();
  for (const id of Object.values(SOURCE)) {
    if (BASEMAP_SOURCES.has(id)) continue;
    const source = map.getSource(id);
    if (source === undefined) continue;
    map.removeFeatureState({ source: id });
    if ('setData' in source && typeof source.setData === 'function') void source.setData(EMPTY);
  }
  for (const layer of layers) {
    if (map.getLayer(layer.id) === undefined) continue;
    map.setLayoutProperty(layer.id, 'visibility', layer.layout?.visibility ?? 'visible', { validate: false });
  }
  parked?.map.remove();
  parked = entry;
}
