import { describe, expect, it } from 'vitest';
import { gapFlags } from './flags.ts';
import type { CapabilityStats, GapFlag } from './types.ts';

/** Stats of a capability in demand with nothing wrong except what the case states. */
function stats(numbers: Partial<CapabilityStats>): CapabilityStats {
  return {
    capability: '332811',
    demand: 100,
    demandLinks: 1,
    localValue: 100,
    importedValue: 0,
    leakage: 0,
    localSuppliers: 5,
    hhi: 0.2,
    trainers: 1,
    ...numbers,
  };
}

const cases: { name: string; stats: CapabilityStats; flags: GapFlag[] }[] = [
  { name: 'five balanced local suppliers, no leakage and a trainer → no flag', stats: stats({}), flags: [] },
  {
    name: 'no local supplier → missing, and never leakage even when everything is imported',
    stats: stats({ localSuppliers: 0, localValue: 0, importedValue: 100, leakage: 1, hhi: null }),
    flags: ['missing'],
  },
  {
    name: 'exactly one local supplier → single-source',
    stats: stats({ localSuppliers: 1, hhi: 1 }),
    flags: ['single-source'],
  },
  {
    name: 'one local supplier and 2/3 imported → single-source and leakage',
    stats: stats({ localSuppliers: 1, hhi: 1, leakage: 2 / 3 }),
    flags: ['single-source', 'leakage'],
  },
  { name: 'leakage of exactly 0.5 → leakage', stats: stats({ leakage: 0.5 }), flags: ['leakage'] },
  { name: 'leakage just under 0.5 → no leakage', stats: stats({ leakage: 0.4999 }), flags: [] },
  {
    name: 'two local suppliers at HHI 0.82 → concentrated',
    stats: stats({ localSuppliers: 2, hhi: 0.82 }),
    flags: ['concentrated'],
  },
  {
    name: 'two local suppliers at HHI 0.5 → concentrated',
    stats: stats({ localSuppliers: 2, hhi: 0.5 }),
    flags: ['concentrated'],
  },
  {
    name: 'four local suppliers at HHI exactly 0.25 → concentrated',
    stats: stats({ localSuppliers: 4, hhi: 0.25 }),
    flags: ['concentrated'],
  },
  {
    name: 'five local suppliers at HHI 0.2 → not concentrated',
    stats: stats({ localSuppliers: 5, hhi: 0.2 }),
    flags: [],
  },
  {
    name: 'local suppliers that sold nothing locally (HHI null) → not concentrated',
    stats: stats({ localSuppliers: 3, hhi: null, localValue: 0, importedValue: 100, leakage: 1 }),
    flags: ['leakage'],
  },
  {
    name: 'a single local supplier holds the whole HHI but is single-source, not concentrated',
    stats: stats({ localSuppliers: 1, hhi: 1 }),
    flags: ['single-source'],
  },
  { name: 'no local trainer → workforce', stats: stats({ trainers: 0 }), flags: ['workforce'] },
  {
    name: 'flags are independent and come in GAP_FLAGS order',
    stats: stats({ localSuppliers: 2, hhi: 0.5, leakage: 0.9, trainers: 0 }),
    flags: ['leakage', 'concentrated', 'workforce'],
  },
  {
    name: 'a capability in demand without dollar values, no supplier, no trainer → missing and workforce',
    stats: stats({ demand: 0, demandLinks: 3, localValue: 0, localSuppliers: 0, hhi: null, trainers: 0 }),
    flags: ['missing', 'workforce'],
  },
];

describe('gapFlags', () => {
  it.each(cases)('$name', ({ stats, flags }) => {
    expect(gapFlags(stats)).toEqual(flags);
  });
});
