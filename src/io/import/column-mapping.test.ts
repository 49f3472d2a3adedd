import { describe, expect, it } from 'vitest';
import { autoDetectMapping, looksLikeLinks, sanitizeMapping } from './column-mapping.ts';

describe('autoDetectMapping', () => {
  it('maps common header spellings to fields', () => {
    const mapping = autoDetectMapping(
      ['Company Name', 'Street Address', 'Zip Code', 'Latitude', 'LNG', 'CAGE Code', 'UEI (SAM)', 'Misc'],
      'organizations',
    );
    expect(mapping.target).toBe('organizations');
    expect(mapping.columns).toMatchObject({
      name: 'Company Name',
      address: 'Street Address',
      zip: 'Zip Code',
      lat: 'Latitude',
      lon: 'LNG',
      cage: 'CAGE Code',
      uei: 'UEI (SAM)',
      kind: null,
    });
  });
  it('maps links columns and tells a links table from an organizations table', () => {
    expect(autoDetectMapping(['Supplier', 'Buyer', 'Amount', 'FY'], 'links').columns).toEqual({
      source: 'Supplier',
      target: 'Buyer',
      kind: null,
      capability: null,
      value: 'Amount',
      year: 'FY',
    });
    expect(looksLikeLinks(['source', 'target'])).toBe(true);
    expect(looksLikeLinks(['name', 'source', 'target'])).toBe(false);
  });
  it('does not read layout x/y as coordinates when told so', () => {
    expect(
      autoDetectMapping(['label', 'x', 'y'], 'organizations', { geographicXY: false }).columns,
    ).toMatchObject({
      name: 'label',
      lat: null,
      lon: null,
    });
  });
});

describe('sanitizeMapping', () => {
  it('keeps known fields only and never copies a prototype key', () => {
    const raw = JSON.parse(
      '{"target":"links","columns":{"source":"a","__proto__":{"x":1},"bogus":"b","value":5}}',
    );
    const clean = sanitizeMapping(raw);
    expect(clean).toEqual({
      target: 'links',
      columns: { source: 'a', target: null, kind: null, capability: null, value: null, year: null },
    });
    expect(Object.getPrototypeOf(clean?.columns)).toBe(Object.prototype);
    expect(sanitizeMapping({ target: 'nodes', columns: {} })).toBeNull();
  });
});
