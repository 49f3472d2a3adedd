import { describe, expect, it } from 'vitest';
import { bundleWith, emptyAnalysis, testView } from '../derive/test-data.ts';
import { suppliedValues } from '../map/sources.ts';
import { visibleRows } from './visible-rows.ts';

describe('visibleRows', () => {
  // p buys from a ($3) and b ($5, twice: $2 + $3); c is filtered out; __proto__ is an ordinary id.
  const bundle = bundleWith(
    [
      { id: 'p', kind: 'prime', inRegion: true, naics: ['336411'], city: 'Peoria', state: 'IL' },
      { id: 'a', inRegion: true, naics: ['332710'], certifications: ['AS9100', 'ITAR'] },
      { id: 'b', inRegion: false, naics: ['332811'], state: 'WI' },
      { id: 'c', inRegion: true },
      { id: '__proto__', inRegion: true, naics: [] },
    ],
    [
      ['a', 'p', '332710', 3],
      ['b', 'p', '332811', 2],
      ['b', 'p', '332811', 3],
    ],
  );
  const analysis = { ...emptyAnalysis(), tiers: Object.assign(Object.create(null), { p: 0, a: 1, b: 1 }) };
  const data = testView(bundle, analysis);
  data.visible[3] = 0;
  const rows = visibleRows(data, suppliedValues(bundle));

  it('lists the visible organizations only, in bundle order', () => {
    expect(rows.map((r) => r.id)).toEqual(['p', 'a', 'b', '__proto__']);
  });

  it('gives each its facts', () => {
    expect(rows[0]).toMatchObject({
      kind: 'prime',
      place: 'Peoria, IL',
      naics: '336411',
      naicsLabel: 'Aircraft Manufacturing',
      tier: 0,
      inRegion: true,
      supplied: 0,
    });
    expect(rows[1]).toMatchObject({
      tier: 1,
      supplied: 3,
      certifications: 'AS9100; ITAR',
      naicsLabel: 'Machine Shops',
    });
    expect(rows[2]).toMatchObject({ place: 'WI', tier: 1, inRegion: false, supplied: 5 });
  });

  it('gives no tier (not a prototype member) to an organization the analysis did not reach', () => {
    expect(rows[3]).toMatchObject({ id: '__proto__', tier: null, naics: null, naicsLabel: null });
  });
});
