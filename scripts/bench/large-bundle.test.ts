// The benchmark generator makes valid, deterministic bundles of the requested size with meaningful tiers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { BENCH_REGION_ID, generateLargeBundle, MANUFACTURING_NAICS } from './large-bundle.ts';

const small = { orgs: 500, links: 2500, seed: 7 };
const text = generateLargeBundle(small);
const loaded = loadBundle(JSON.parse(text) as unknown);
const bundle = loaded.value;

/** Shortest number of supply links from each org to a prime (breadth-first from the primes, against the flow). */
function tiersOf(): Map<string, number> {
  if (bundle === null) return new Map();
  const suppliersOf = new Map<string, string[]>();
  for (const link of bundle.links) {
    if (link.kind !== 'supplies' && link.kind !== 'subcontract') continue;
    const list = suppliersOf.get(link.target) ?? [];
    list.push(link.source);
    suppliersOf.set(link.target, list);
  }
  const tier = new Map<string, number>();
  let frontier = bundle.organizations.filter((o) => o.kind === 'prime').map((o) => o.id as string);
  for (const id of frontier) tier.set(id, 0);
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const buyer of frontier) {
      for (const supplier of suppliersOf.get(buyer) ?? []) {
        if (!tier.has(supplier)) {
          tier.set(supplier, depth);
          next.push(supplier);
        }
      }
    }
    frontier = next;
  }
  return tier;
}

describe('generateLargeBundle', () => {
  it('makes a bundle that loads without errors or warnings', () => {
    expect(bundle).not.toBeNull();
    expect(loaded.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
  });

  it('gives the same text for the same seed and a different text for another seed', () => {
    expect(generateLargeBundle(small)).toBe(text);
    expect(generateLargeBundle({ ...small, seed: 8 })).not.toBe(text);
  });

  it('makes the requested number of organizations and links', () => {
    expect(bundle?.organizations).toHaveLength(500);
    expect(bundle?.links.length).toBeGreaterThanOrEqual(2500 * 0.95);
    expect(bundle?.links.length).toBeLessThanOrEqual(2500);
  });

  it('mixes kinds roughly 1 / 90 / 5 / 4 percent', () => {
    const big = loadBundle(
      JSON.parse(generateLargeBundle({ orgs: 5000, links: 100, seed: 3 })) as unknown,
    ).value;
    const share = (kind: string) => (big?.organizations.filter((o) => o.kind === kind).length ?? 0) / 5000;
    expect(share('prime')).toBeGreaterThan(0.005);
    expect(share('prime')).toBeLessThan(0.02);
    expect(share('manufacturer')).toBeGreaterThan(0.85);
    expect(share('training')).toBeGreaterThan(0.03);
    expect(share('support')).toBeGreaterThan(0.02);
  });

  it('spreads organizations over many real counties and sets a home region of 50 of them', () => {
    const counties = new Set(bundle?.organizations.map((o) => o.county));
    expect(counties.size).toBeGreaterThan(100);
    const region = bundle?.regions.find((r) => r.id === BENCH_REGION_ID);
    expect(region?.counties).toHaveLength(50);
    expect(bundle?.meta.homeRegion).toBe(BENCH_REGION_ID);
    expect(bundle?.meta.synthetic).toBe(true);
  });

  it('has supply links with and without value, and some trains and partners links', () => {
    const links = bundle?.links ?? [];
    const supply = links.filter((l) => l.kind === 'supplies' || l.kind === 'subcontract');
    expect(supply.some((l) => l.value === undefined)).toBe(true);
    expect(supply.filter((l) => l.value !== undefined).length).toBeGreaterThan(supply.length / 2);
    const other = links.length - supply.length;
    expect(other).toBeGreaterThan(links.length * 0.02);
    expect(other).toBeLessThan(links.length * 0.1);
    expect(links.some((l) => l.kind === 'trains')).toBe(true);
    expect(links.some((l) => l.kind === 'partners')).toBe(true);
  });

  it('builds tiers: most suppliers reach a prime, some through two links or more', () => {
    const tier = tiersOf();
    const manufacturers = bundle?.organizations.filter((o) => o.kind === 'manufacturer') ?? [];
    const reached = manufacturers.filter((o) => tier.has(o.id));
    expect(reached.length).toBeGreaterThan(manufacturers.length * 0.9);
    expect(reached.filter((o) => (tier.get(o.id) ?? 0) >= 2).length).toBeGreaterThan(50);
    expect(reached.some((o) => (tier.get(o.id) ?? 0) >= 3)).toBe(true);
  });

  it('uses only real NAICS 2017 manufacturing codes', () => {
    const table = JSON.parse(
      readFileSync(new URL('../../data/reference/naics2017.json', import.meta.url), 'utf8'),
    ) as { rows: Record<string, string> };
    for (const code of MANUFACTURING_NAICS) {
      expect(code).toMatch(/^3\d{5}$/);
      expect(Object.hasOwn(table.rows, code), code).toBe(true);
    }
  });
});
