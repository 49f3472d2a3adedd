import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_TILE_URL } from './basemap-tiles.ts';
import { BASEMAP_SOURCES, buildStyle, LAYER, ORG_OPACITY, OVERLAY_SOURCES } from './style.ts';

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

  it('starts the organizations at the opacities drawn when nothing is dimmed', () => {
    const paint = (id: string) =>
      style.layers.find((layer) => layer.id === id)?.paint as Record<string, unknown>;
    expect(paint(LAYER.orgs)['circle-opacity']).toBe(ORG_OPACITY.points.shown);
    expect(paint(LAYER.orgs)['circle-stroke-opacity']).toBe(ORG_OPACITY.points.shown);
    expect(paint(LAYER.clusters)['circle-opacity']).toBe(ORG_OPACITY.clusters.shown);
    expect(paint(LAYER.clusterCount)['text-opacity']).toBe(ORG_OPACITY.counts.shown);
  });

  it('fades paint changes on a GPU and not on a map drawn on the CPU', () => {
    expect(style.transition).toBeUndefined();
    const software = buildStyle('font.woff2', BASEMAP_TILE_URL, { softwareGl: true });
    expect(software.transition).toEqual({ duration: 0, delay: 0 });
    expect(validateStyleMin(software).map((error) => error.message)).toEqual([]);
  });
});
