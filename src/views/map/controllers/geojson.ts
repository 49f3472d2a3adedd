// Small helpers the controllers share to touch the map's GeoJSON sources and layers.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';
import { OVERLAY_SOURCES } from '../style.ts';

/** Puts `data` into a GeoJSON source; an overlay's layers are shown while it holds features (style.ts). */
export function setSourceData(map: MapLibreMap, id: string, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (source === undefined) return;
  source.setData(data);
  if (!OVERLAY_SOURCES.has(id)) return;
  const filled = data.type !== 'FeatureCollection' || data.features.length > 0;
  const layers = map.getLayersOrder().filter((layer) => map.getLayer(layer)?.source === id);
  setVisible(map, layers, filled);
}

export const EMPTY: GeoJSON = { type: 'FeatureCollection', features: [] };

export function setVisible(map: MapLibreMap, layers: readonly string[], visible: boolean): void {
  const visibility = visible ? 'visible' : 'none';
  for (const layer of layers) {
    if (map.getLayer(layer) !== undefined && map.getLayoutProperty(layer, 'visibility') !== visibility)
      map.setLayoutProperty(layer, 'visibility', visibility);
  }
}
