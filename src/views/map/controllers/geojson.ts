// Small helpers the controllers share to touch the map's GeoJSON sources and layers.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';

export function setSourceData(map: MapLibreMap, id: string, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  source?.setData(data);
}

export const EMPTY: GeoJSON = { type: 'FeatureCollection', features: [] };

export function setVisible(map: MapLibreMap, layers: readonly string[], visible: boolean): void {
  for (const layer of layers) {
    if (map.getLayer(layer) !== undefined)
      map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
  }
}
