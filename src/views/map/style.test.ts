import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_TILE_URL } from './basemap-tiles.ts';
import { BASEMAP_SOURCES, buildStyle, LAYER, OVERLAY_SOURCES } from './style.ts';

describe('the map style', () => {
  const style = buildStyle('font.woff2', BASEMAP_TILE_URL);

  // The map is made with `validateStyle: false` (MapView.tsx): this is where the style is checked.
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
  });

  it('starts with the basemap’s and the overlays’ layers hidden, the rest shown', () => {
    const hidden = style.layers
      .filter((layer) => layer.layout?.visibility === 'none')
      .map((layer) => layer.id);
    for (const layer of style.layers) {
      if (!('source' in layer)) continue;
      if (BASEMAP_SOURCES.has(layer.source) || OVERLAY_SOURCES.has(layer.source))
        expect(hidden).toContain(layer.id);
    }
    expect(hidden).toContain(LAYER.land);
    expect(hidden).not.toContain(LAYER.orgs);
    expect(hidden).not.toContain(LAYER.background);
  });
});
