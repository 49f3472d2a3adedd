import { describe, expect, it } from 'vitest';
import { regionsByMembers } from './region-suggestions.ts';

const orgs = [
  { county: '17031' },
  { county: '17031' },
  { county: '17043' },
  { county: '13015' },
  { county: undefined },
  { county: '99999' },
];
const regions = [
  { id: 'ga', counties: ['13015'] },
  { id: 'chi', counties: ['17031', '17043', '17031'] },
  { id: 'none', counties: ['06037'] },
  { id: 'cook', counties: ['17031'] },
];

describe('regionsByMembers', () => {
  it('counts the organizations in each region’s counties, largest first, and leaves out empty regions', () => {
    // chi: 2 in 17031 (listed twice, counted once) + 1 in 17043 = 3; cook 2; ga 1; none 0.
    expect(regionsByMembers(orgs, regions).map((s) => [s.region.id, s.members])).toEqual([
      ['chi', 3],
      ['cook', 2],
      ['ga', 1],
    ]);
  });

  it('keeps the regions’ order on ties and stops at the limit', () => {
    const tied = [
      { id: 'a', counties: ['13015'] },
      { id: 'b', counties: ['17043'] },
    ];
    expect(regionsByMembers(orgs, tied).map((s) => s.region.id)).toEqual(['a', 'b']);
    expect(regionsByMembers(orgs, regions, 1).map((s) => s.region.id)).toEqual(['chi']);
    expect(regionsByMembers([], regions)).toEqual([]);
  });
});
