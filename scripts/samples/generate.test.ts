// Checks the sample generator: deterministic output, committed files up to date, valid and loadable
// bundles with fictional names, and (with a tiny independent reimplementation of DESIGN.md §3) every gap flag.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/domain/model.ts';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { CHICAGO } from './chicago.ts';
import { formatBundle } from './format.ts';
import { generateSample } from './generate.ts';
import { deniedNameIn, stemOf } from './names.ts';
import { SAMPLE_SPECS } from './specs.ts';
import { zipCounties } from './zips.ts';

type Flag = 'missing' | 'single-source' | 'leakage' | 'concentrated' | 'workforce';
const ALL_FLAGS: readonly Flag[] = ['missing', 'single-source', 'leakage', 'concentrated', 'workforce'];

const generated = new Map<string, { bundle: Bundle; text: string }>();
function sample(key: string): { bundle: Bundle; text: string } {
  let entry = generated.get(key);
  if (!entry) {
    const spec = SAMPLE_SPECS.find((s) => s.key === key);
    if (!spec) throw new Error(`no sample ${key}`);
    const bundle = generateSample(spec);
    entry = { bundle, text: formatBundle(bundle) };
    generated.set(key, entry);
  }
  return entry;
}

/** Brute-force DESIGN.md §3 gap flags for the bundle's home region, written apart from src/analysis. */
function gapFlags(bundle: Bundle): Map<string, Set<Flag>> {
  const region = bundle.regions.find((r) => r.id === bundle.meta.homeRegion);
  if (!region) throw new Error('home region missing');
  const counties = new Set<string>(region.counties);
  const orgs = new Map(bundle.organizations.map((o) => [o.id as string, o]));
  const inRegion = (id: string): boolean => counties.has(orgs.get(id)?.county ?? '');

  const demand = new Map<string, number>();
  const imported = new Map<string, number>();
  const localShares = new Map<string, Map<string, number>>();
  const suppliers = new Map<string, Set<string>>();
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  const supplierSet = (c: string) => suppliers.get(c) ?? suppliers.set(c, new Set()).get(c)!;

  for (const link of bundle.links) {
    if (link.kind !== 'supplies' && link.kind !== 'subcontract') continue;
    const c = link.capability ?? orgs.get(link.source)?.naics[0];
    if (c === undefined) continue;
    if (inRegion(link.source)) supplierSet(c).add(link.source);
    if (!inRegion(link.target)) continue;
    const value = link.value ?? 0;
    add(demand, c, value);
    if (inRegion(link.source)) {
      const shares = localShares.get(c) ?? localShares.set(c, new Map()).get(c)!;
      add(shares, link.source, value);
    } else {
      add(imported, c, value);
    }
  }
  const trained = new Set<string>();
  for (const org of bundle.organizations) {
    if (!inRegion(org.id)) continue;
    for (const need of org.needs) {
      add(demand, need.capability, need.annualValue ?? 0);
      add(imported, need.capability, need.annualValue ?? 0);
    }
    for (const c of [...org.naics, ...org.capabilities]) supplierSet(c).add(org.id);
    if (org.kind === 'training') for (const c of org.trains) trained.add(c);
  }

  const flags = new Map<string, Set<Flag>>();
  for (const [c, total] of demand) {
    if (total <= 0) continue;
    const set = new Set<Flag>();
    const n = suppliers.get(c)?.size ?? 0;
    if (n === 0) set.add('missing');
    if (n === 1) set.add('single-source');
    if (n >= 1 && (imported.get(c) ?? 0) / total >= 0.5) set.add('leakage');
    const shares = [...(localShares.get(c)?.values() ?? [])];
    const localTotal = shares.reduce((a, b) => a + b, 0);
    if (n >= 2 && localTotal > 0 && shares.reduce((h, v) => h + (v / localTotal) ** 2, 0) >= 0.25) {
      set.add('concentrated');
    }
    if (!trained.has(c)) set.add('workforce');
    flags.set(c, set);
  }
  return flags;
}

describe('generateSample', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(formatBundle(generateSample(CHICAGO))).toBe(sample('chicago').text);
  });

  it('gives different output for a different seed', () => {
    expect(formatBundle(generateSample(CHICAGO, CHICAGO.seed + 1))).not.toBe(sample('chicago').text);
  });

  it('puts 1,300–1,500 manufacturers in the Chicago region', () => {
    const { bundle } = sample('chicago');
    const counties = new Set<string>(CHICAGO.region.counties);
    const local = bundle.organizations.filter(
      (o) => o.kind === 'manufacturer' && counties.has(o.county ?? ''),
    );
    expect(local.length).toBeGreaterThanOrEqual(1300);
    expect(local.length).toBeLessThanOrEqual(1500);
  });
});

describe.each(SAMPLE_SPECS.map((spec) => [spec.key]))('the %s sample', (key) => {
  it('matches the committed data/samples file', () => {
    const path = fileURLToPath(new URL(`../../data/samples/${key}.json`, import.meta.url));
    expect(
      readFileSync(path, 'utf8') === sample(key).text,
      `${path} is stale: run npm run data:samples`,
    ).toBe(true);
  });

  it('loads with no error-severity issues', () => {
    const result = loadBundle(JSON.parse(sample(key).text));
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.value?.organizations.length).toBe(sample(key).bundle.organizations.length);
    expect(result.value?.links.length).toBe(sample(key).bundle.links.length);
  });

  it('has unique ids and names (legal suffix aside), and links only between existing organizations', () => {
    const { bundle } = sample(key);
    const ids = new Set(bundle.organizations.map((o) => o.id));
    expect(ids.size).toBe(bundle.organizations.length);
    expect(new Set(bundle.organizations.map((o) => stemOf(o.name))).size).toBe(ids.size);
    const dangling = bundle.links.filter((l) => !ids.has(l.source) || !ids.has(l.target));
    expect(dangling).toEqual([]);
  });

  it('uses no real company or college name', () => {
    const hits = sample(key)
      .bundle.organizations.map((o) => [o.name, deniedNameIn(o.name)])
      .filter(([, hit]) => hit !== undefined);
    expect(hits).toEqual([]);
  });

  it('places every organization in the county of its ZIP', () => {
    const counties = zipCounties();
    const wrong = sample(key).bundle.organizations.filter((o) => counties.get(o.zip ?? '') !== o.county);
    expect(wrong.map((o) => o.id)).toEqual([]);
  });

  it('is marked synthetic, dated, and carries its home region', () => {
    const { bundle } = sample(key);
    expect(bundle.meta.synthetic).toBe(true);
    expect(bundle.meta.asOf).toBe('2026-01-01');
    expect(bundle.regions.map((r) => r.id)).toEqual([bundle.meta.homeRegion]);
  });

  it('has a capability with each gap flag, and well-served ones', () => {
    const flags = gapFlags(sample(key).bundle);
    for (const flag of ALL_FLAGS) {
      expect([...flags].filter(([, set]) => set.has(flag)).length, flag).toBeGreaterThan(0);
    }
    const wellServed = [...flags].filter(([, set]) => [...set].every((flag) => flag === 'workforce'));
    expect(wellServed.length).toBeGreaterThanOrEqual(3);
  });
});
