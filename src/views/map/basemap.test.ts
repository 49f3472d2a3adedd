import { describe, expect, it } from 'vitest';
import { loadCountyTopology } from '../../workers/reference-files.ts';
import { buildBasemap, countiesBounds, regionFeatures } from './basemap.ts';

describe('buildBasemap on the shipped us-atlas counties', async () => {
  const basemap = buildBasemap(await loadCountyTopology());
  const chicago = ['17031', '17043', '17089', '17093', '17097', '17111', '17197'];

  it('has the states with names and a label each, and county labels with FIPS', () => {
    expect(basemap.states.features.length).toBeGreaterThanOrEqual(50);
    const illinois = basemap.stateLabels.features.find((f) => f.properties.name === 'Illinois');
    const [lon, lat] = illinois?.geometry.coordinates ?? [];
    expect(lon).toBeGreaterThan(-91.5);
    expect(lon).toBeLessThan(-87.5);
    expect(lat).toBeGreaterThan(37);
    expect(lat).toBeLessThan(42.5);
    expect(basemap.countyLabels.features.find((f) => f.properties.fips === '17031')?.properties.name).toBe(
      'Cook',
    );
  });

  it('bounds the Chicago region’s seven counties around Chicago', () => {
    const [w, s, e, n] = countiesBounds(basemap, chicago) ?? [];
    expect(w).toBeCloseTo(-88.71, 1);
    expect(e).toBeCloseTo(-87.52, 1);
    expect(s).toBeCloseTo(41.2, 1);
    expect(n).toBeCloseTo(42.5, 1);
    expect(countiesBounds(basemap, ['99999'])).toBeNull();
  });

  it('merges a region’s counties into one outline and skips regions without known counties', () => {
    const { shapes, labels } = regionFeatures(basemap, [
      { id: 'none', name: 'None', program: 'IMCP', counties: [] },
      { id: 'chi', name: 'Chicago', program: 'IMCP', counties: chicago },
    ]);
    expect(shapes.features.map((f) => [f.id, f.properties.id])).toEqual([[1, 'chi']]);
    // Seven adjacent counties make one polygon (Lake County's shore included).
    expect(shapes.features[0]?.geometry.coordinates.length).toBe(1);
    expect(labels.features).toHaveLength(1);
  });
});
