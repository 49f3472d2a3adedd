import { describe, expect, it } from 'vitest';
import { testBundle } from '../../analysis/test-bundle.ts';
import { clusterTooltip, orgTooltip, regionTooltip, tierText } from './tooltip.ts';

describe('orgTooltip', () => {
  const org = {
    ...testBundle([{ id: 'o', capabilities: ['a', 'b', 'c', 'd'], naics: ['332710', 'a'] }], [])
      .organizations[0]!,
    name: '<img src=x onerror=alert(1)>',
    city: 'Elgin',
    state: 'IL',
  };

  it('keeps the name as given (the renderer puts it in a text node)', () => {
    expect(orgTooltip(org, (c) => c, 2).title).toBe('<img src=x onerror=alert(1)>');
  });

  it('lists kind and place, up to four capability labels, then the tier', () => {
    expect(orgTooltip(org, (c) => `label ${c}`, 2).lines).toEqual([
      'Manufacturer · Elgin, IL',
      'label a',
      'label b',
      'label c',
      'label d',
      'and 1 more',
      'Tier 2 supplier',
    ]);
  });
});

describe('tierText', () => {
  it.each([
    [0, 'prime', 'Tier 0 (prime)'],
    [1, 'manufacturer', 'Tier 1 supplier'],
    [undefined, 'manufacturer', 'Tier: not linked to a prime'],
  ] as const)('tier %s of a %s reads "%s"', (tier, kind, text) => {
    expect(tierText(tier, kind)).toBe(text);
  });
});

describe('clusterTooltip and regionTooltip', () => {
  it('counts a cluster by kind', () => {
    expect(clusterTooltip({ prime: 2, manufacturer: 1200, training: 0 }, 1202)).toEqual({
      title: '1,202 organizations',
      lines: ['2 prime / oem buyer', '1,200 manufacturer', 'Click to zoom in'],
    });
  });

  it('shows a region’s program, focus and lead', () => {
    expect(
      regionTooltip({ id: 'r', name: 'R', program: 'IMCP', counties: [], focus: 'Metals', lead: 'County' })
        .lines,
    ).toEqual(['IMCP', 'Focus: Metals', 'Lead: County', 'Click to make it the home region']);
  });
});
