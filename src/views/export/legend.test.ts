import { describe, expect, it } from 'vitest';
import { kindLegend } from './legend.ts';

describe('kindLegend', () => {
  it('lists the four kinds with the map colors', () => {
    expect(kindLegend()).toEqual([
      { color: '#c2410c', label: 'Prime / OEM buyer' },
      { color: '#2563eb', label: 'Manufacturer' },
      { color: '#15803d', label: 'Training provider' },
      { color: '#7c3aed', label: 'Support organization' },
    ]);
  });

  it('adds counts and leaves out kinds with none', () => {
    expect(kindLegend({ prime: 3, manufacturer: 1234, training: 0, support: 1 }).map((e) => e.label)).toEqual(
      ['Prime / OEM buyer (3)', 'Manufacturer (1,234)', 'Support organization (1)'],
    );
  });
});
