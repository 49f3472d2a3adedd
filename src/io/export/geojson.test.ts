import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OrgId } from '../../domain/ids.ts';
import { testOrganization } from '../../domain/test-organization.ts';
import { loadBundle } from '../load-bundle.ts';
import { exportOrganizationsGeoJson } from './geojson.ts';
import { edgeCaseBundle, emptyBundle } from './test-bundles.ts';

interface Feature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: number[] };
  properties: Record<string, unknown>;
}
interface Collection {
  type: string;
  features: Feature[];
  'forgemap:unplaced': string[];
  'forgemap:dataset': Record<string, unknown>;
}

const parse = (text: string) => JSON.parse(text) as Collection;

describe('exportOrganizationsGeoJson', () => {
  it('places organizations by their own lat/lon and lists the others as unplaced', () => {
    const collection = parse(exportOrganizationsGeoJson(edgeCaseBundle()));
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => [f.id, f.geometry])).toEqual([
      ['full', { type: 'Point', coordinates: [-87.6298, 41.878] }],
    ]);
    expect(collection['forgemap:unplaced']).toEqual(['__proto__', 'constructor', 'has space/and_x0041_']);
  });

  it("carries the organization's fields as properties, lists as lists, absent fields absent", () => {
    const bundle = edgeCaseBundle();
    const [feature] = parse(exportOrganizationsGeoJson(bundle)).features;
    expect(feature?.type).toBe('Feature');
    expect(feature?.properties).toStrictEqual(JSON.parse(JSON.stringify(bundle.organizations[0])));
    expect(feature?.properties.naics).toEqual(['332710', '336411']);

    const positions = new Float64Array([0, 0, 1, 2, Number.NaN, Number.NaN, 3, 4]);
    const features = parse(exportOrganizationsGeoJson(bundle, positions)).features;
    expect(features[1]?.properties).toStrictEqual(
      testOrganization({ id: '__proto__' as OrgId, name: '=HYPERLINK("http://evil.example","x")' }),
    );
    expect(features[2]?.properties.needs).toEqual([{ capability: '5-axis-machining' }]);
  });

  it('takes positions (lon, lat interleaved, NaN for none) over the record when given', () => {
    const positions = new Float64Array([0, 0, 1, 2, Number.NaN, Number.NaN, 3, 4]);
    const collection = parse(exportOrganizationsGeoJson(edgeCaseBundle(), positions));
    expect(collection.features.map((f) => [f.id, f.geometry.coordinates])).toEqual([
      ['full', [0, 0]],
      ['__proto__', [1, 2]],
      ['has space/and_x0041_', [3, 4]],
    ]);
    expect(collection['forgemap:unplaced']).toEqual(['constructor']);
  });

  it('counts organizations beyond a short positions array as unplaced', () => {
    const collection = parse(exportOrganizationsGeoJson(edgeCaseBundle(), new Float64Array([5, 6])));
    expect(collection.features.map((f) => f.id)).toEqual(['full']);
    expect(collection['forgemap:unplaced']).toHaveLength(3);
  });

  it('keeps unicode, HTML and control characters in names intact', () => {
    const bundle = edgeCaseBundle();
    const positions = new Float64Array(8).fill(1);
    const names = parse(exportOrganizationsGeoJson(bundle, positions)).features.map((f) => f.properties.name);
    expect(names).toEqual(bundle.organizations.map((o) => o.name));
  });

  it('names the dataset and says whether it is synthetic', () => {
    expect(parse(exportOrganizationsGeoJson(edgeCaseBundle()))['forgemap:dataset']).toEqual({
      id: 'edge-cases',
      title: 'Edge cases <b>&</b> "quotes"',
      source: 'hand-made',
      license: 'CC0-1.0',
      asOf: '2026-01-31',
      synthetic: true,
    });
  });

  it('writes an empty collection for a bundle without organizations', () => {
    const collection = parse(exportOrganizationsGeoJson(emptyBundle()));
    expect(collection.features).toEqual([]);
    expect(collection['forgemap:unplaced']).toEqual([]);
  });

  it('accounts for every organization of the Chicago sample', () => {
    const text = readFileSync(new URL('../../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const collection = parse(exportOrganizationsGeoJson(bundle));
    expect(collection.features.length + collection['forgemap:unplaced'].length).toBe(
      bundle.organizations.length,
    );
    for (const f of collection.features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
  });
});
