import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_TILE_URL } from './basemap-tiles.ts';
import {
  BASEMAP_SOURCES,
  buildStyle,
  LAYER,
  ORG_OPACITY,
  OVERLAY_SOURCES,
  SOURCE,
  WARM_TWIN,
  WARMED_LAYERS,
} from './style.ts';
import { warmFeatures } from './warm-programs.ts';

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

  it('draws no antialiased edge where a line covers it, and the land’s only on a GPU', () => {
    const paint = (of: typeof style, id: string) =>
      of.layers.find((layer) => layer.id === id)?.paint as Record<string, unknown>;
    const software = buildStyle('font.woff2', BASEMAP_TILE_URL, { softwareGl: true });
    // The home region's outline is drawn over its area's edge, on a GPU and on the CPU alike.
    expect(paint(style, LAYER.homeFill)['fill-antialias']).toBe(false);
    expect(paint(software, LAYER.homeFill)['fill-antialias']).toBe(false);
    expect(paint(style, LAYER.homeLine)['line-width']).toBeGreaterThanOrEqual(1);
    expect(paint(style, LAYER.land)['fill-antialias']).toBe(true);
    expect(paint(software, LAYER.land)['fill-antialias']).toBe(false);
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

  it('warms the organizations’ shader with a point of size 0 where the map is made', () => {
    const paint = (id: string) =>
      style.layers.find((layer) => layer.id === id)?.paint as Record<string, unknown>;
    // The same paint properties, each feature-dependent or constant alike: MapLibre then builds one shader.
    const shape = (id: string) =>
      Object.fromEntries(Object.entries(paint(id)).map(([key, value]) => [key, Array.isArray(value)]));
    expect(shape(LAYER.warmUp)).toEqual(shape(LAYER.clusters));
    expect(style.sources[SOURCE.warmUp]).toMatchObject({ data: { features: [] } });
    const warmed = buildStyle('font.woff2', BASEMAP_TILE_URL, { warmAt: [-87.6, 41.9] });
    expect(warmed.sources[SOURCE.warmUp]).toMatchObject({
      data: { geometry: { coordinates: [-87.6, 41.9] }, properties: { size: 0 } },
    });
  });

  it('cuts tiles without a buffer for the sources drawn only as points, and with one for lines and areas', () => {
    const pointOnly = new Set<string>();
    const others = new Set<string>();
    for (const layer of style.layers) {
      if (!('source' in layer)) continue;
      (layer.type === 'circle' || layer.type === 'symbol' ? pointOnly : others).add(layer.source);
    }
    // A source drawn as lines or areas too needs its buffer (region labels sit on the regions' source).
    for (const source of others) pointOnly.delete(source);
    expect([...pointOnly].sort()).toEqual(
      [
        SOURCE.orgs,
        SOURCE.gapOrgs,
        SOURCE.riskOrgs,
        SOURCE.selection,
        SOURCE.warmUp,
        SOURCE.regionLabels,
      ].sort(),
    );
    for (const source of pointOnly)
      expect(style.sources[source]).toMatchObject({ type: 'geojson', buffer: 0 });
    for (const source of others) expect(style.sources[source]).not.toHaveProperty('buffer');
  });

  it('gives each warmed overlay a hidden twin under the water, with its shader and the twins’ source', () => {
    const index = (id: string) => style.layers.findIndex((layer) => layer.id === id);
    for (const id of WARMED_LAYERS) {
      const layer = style.layers[index(id)]!;
      const twin = style.layers[index(`${WARM_TWIN}${id}`)]!;
      expect(index(`${WARM_TWIN}${id}`)).toBeGreaterThanOrEqual(0);
      expect(index(`${WARM_TWIN}${id}`)).toBeLessThan(index(LAYER.background));
      expect(twin).toMatchObject({
        type: layer.type,
        source: SOURCE.warmTwins,
        layout: { visibility: 'none' },
      });
      expect(twin).not.toHaveProperty('filter');
      expect(twin.paint).toEqual(layer.paint);
      expect({ ...twin.layout, visibility: undefined }).toEqual({ ...layer.layout, visibility: undefined });
    }
    expect(style.layers.filter((layer) => layer.id.startsWith(WARM_TWIN))).toHaveLength(WARMED_LAYERS.length);
    expect(style.sources[SOURCE.warmTwins]).toMatchObject({ data: { features: [] } });
  });

  it('warms with features that have every property the warmed layers’ paint reads', () => {
    const read = new Set<string>();
    const walk = (value: unknown): void => {
      if (!Array.isArray(value)) return;
      if (value[0] === 'get' && typeof value[1] === 'string') read.add(value[1]);
      value.forEach(walk);
    };
    for (const id of WARMED_LAYERS) {
      const layer = style.layers.find((candidate) => candidate.id === id)!;
      Object.values(layer.paint ?? {}).forEach(walk);
    }
    expect(read.size).toBeGreaterThan(0);
    const features = warmFeatures([-87.6, 41.9]).features;
    expect(features.map((feature) => feature.geometry.type)).toEqual(['Point', 'LineString', 'Polygon']);
    for (const feature of features) for (const key of read) expect(feature.properties).toHaveProperty(key);
  });
});
