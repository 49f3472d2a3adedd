import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildStyle, LAYER, OVERLAY_SOURCES, SOURCE } from '../style.ts';
import { EMPTY, setSourceData } from './geojson.ts';

/** The few map methods setSourceData uses, over the style as built. */
function fakeMap() {
  const style = buildStyle('font.woff2', 'forgemap-basemap://{z}/{x}/{y}');
  const layers = new Map(
    style.layers.map((layer) => [
      layer.id,
      { source: 'source' in layer ? layer.source : undefined, visibility: layer.layout?.visibility },
    ]),
  );
  const data = new Map<string, unknown>();
  const map = {
    getSource: (id: string) =>
      id in style.sources ? { setData: (d: unknown) => data.set(id, d) } : undefined,
    getLayersOrder: () => [...layers.keys()],
    getLayer: (id: string) => layers.get(id),
    getLayoutProperty: (id: string) => layers.get(id)?.visibility,
    setLayoutProperty: (id: string, _name: 'visibility', value: 'visible' | 'none') => {
      layers.get(id)!.visibility = value;
    },
  };
  const visibility = (id: string) => layers.get(id)?.visibility ?? 'visible';
  return { map: map as unknown as MapLibreMap, data, visibility };
}

const point = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [0, 0] } },
  ],
};

describe('overlay sources', () => {
  it('start with their layers hidden; points and regions keep theirs', () => {
    const { visibility } = fakeMap();
    expect(visibility(LAYER.selection)).toBe('none');
    expect(visibility(LAYER.gapArcs)).toBe('none');
    expect(visibility(LAYER.gapArcsCrossing)).toBe('none');
    expect(visibility(LAYER.shading)).toBe('none');
    expect(visibility(LAYER.orgs)).toBe('visible');
    expect(visibility(LAYER.regionsFill)).toBe('none'); // hidden until "Show regions", as before
    expect(OVERLAY_SOURCES.has(SOURCE.regions)).toBe(false);
  });

  it('show their layers while they hold features and hide them when emptied', () => {
    const { map, data, visibility } = fakeMap();
    setSourceData(map, SOURCE.gapArcs, point);
    expect(data.get(SOURCE.gapArcs)).toBe(point);
    expect([visibility(LAYER.gapArcs), visibility(LAYER.gapArcsCrossing)]).toEqual(['visible', 'visible']);
    expect(visibility(LAYER.arcs)).toBe('none'); // another source's layers are left alone
    setSourceData(map, SOURCE.gapArcs, EMPTY);
    expect([visibility(LAYER.gapArcs), visibility(LAYER.gapArcsCrossing)]).toEqual(['none', 'none']);
  });

  it('leave the visibility of other sources to their controllers', () => {
    const { map, visibility } = fakeMap();
    setSourceData(map, SOURCE.regions, EMPTY);
    setSourceData(map, SOURCE.orgs, EMPTY);
    expect(visibility(LAYER.regionsFill)).toBe('none');
    expect(visibility(LAYER.orgs)).toBe('visible');
  });
});
