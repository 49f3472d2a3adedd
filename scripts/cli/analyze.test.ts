import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../forgemap.ts';

// Region "r" is Cook County. Prime P (in) buys heat treating from H (in, $100k) and from X1/X2 (Indiana,
// $150k and $50k), and machining from M (in, $80k). School S trains machining only.
const bundle = {
  format: 'forgemap.bundle',
  version: 1,
  meta: {
    id: 'cli',
    title: 'CLI test',
    source: 'hand-made',
    license: 'CC0-1.0',
    asOf: '2026-01-01',
    synthetic: true,
    homeRegion: 'r',
  },
  organizations: [
    { id: 'P', name: 'Prime', kind: 'prime', county: '17031' },
    { id: 'H', name: 'Heat', kind: 'manufacturer', county: '17031', naics: ['332811'] },
    { id: 'X1', name: 'Out One', kind: 'manufacturer', county: '18089', naics: ['332811'] },
    { id: 'X2', name: 'Out Two', kind: 'manufacturer', county: '18089', naics: ['332811'] },
    { id: 'M', name: 'Machinist', kind: 'manufacturer', county: '17031', naics: ['332710'] },
    { id: 'S', name: 'School', kind: 'training', county: '17031', trains: ['332710'] },
  ],
  links: [
    { source: 'H', target: 'P', kind: 'supplies', capability: '332811', value: 100000 },
    { source: 'X1', target: 'P', kind: 'supplies', capability: '332811', value: 150000 },
    { source: 'X2', target: 'P', kind: 'supplies', capability: '332811', value: 50000 },
    { source: 'M', target: 'P', kind: 'supplies', capability: '332710', value: 80000 },
  ],
  regions: [{ id: 'r', name: 'Cook only', program: 'test', counties: ['17031'] }],
};

async function bundleFile(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'forgemap-analyze-')), 'b.json');
  await writeFile(file, JSON.stringify(bundle));
  return file;
}

describe('forgemap analyze', () => {
  it('--json gives the versioned result with hand-computed numbers', async () => {
    const { lines, exitCode } = await run(['analyze', await bundleFile(), '--json']);
    expect(exitCode).toBe(0);
    const json = JSON.parse(lines.join('\n')) as Record<string, unknown>;
    expect(json.version).toBe(1);
    expect(json.region).toBe('r');
    expect(json.gaps).toEqual([
      {
        capability: '332811',
        label: 'Metal Heat Treating',
        demand: 300000,
        demandLinks: 3,
        localValue: 100000,
        importedValue: 200000,
        leakage: 200000 / 300000,
        localSuppliers: 1,
        hhi: 1,
        trainers: 0,
        flags: ['single-source', 'leakage', 'workforce'],
      },
      {
        capability: '332710',
        label: 'Machine Shops',
        demand: 80000,
        demandLinks: 1,
        localValue: 80000,
        importedValue: 0,
        leakage: 0,
        localSuppliers: 1,
        hhi: 1,
        trainers: 1,
        flags: ['single-source'],
      },
    ]);
    // A star around P: P is the only articulation point and every relationship is a bridge.
    expect(json.criticalSuppliers).toEqual(['P']);
    expect(json.criticalLinks).toEqual([
      ['H', 'P'],
      ['M', 'P'],
      ['P', 'X1'],
      ['P', 'X2'],
    ]);
    expect(json.tiers).toEqual({ P: 0, H: 1, X1: 1, X2: 1, M: 1 });
    expect(json.matrix).toEqual([
      { prime: 'P', capability: '332710', inRegion: 1, outOfRegion: 0 },
      { prime: 'P', capability: '332811', inRegion: 1, outOfRegion: 2 },
    ]);
    // M alone sells P machining; heat treating has three sellers, and nothing stands behind any of them.
    expect(json.chokepoints).toEqual([
      { prime: 'P', supplier: 'M', cutOff: [], exposure: 80000, capabilitiesLost: ['332710'] },
    ]);
  });

  it('prints a readable report with every section', async () => {
    const { lines, exitCode } = await run(['analyze', await bundleFile()]);
    expect(exitCode).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('SYNTHETIC');
    expect(text).toContain('Home region: Cook only (r), 4 organizations');
    expect(text).toMatch(
      /332811\s+Metal Heat Treating\s+single-source,leakage,workforce\s+\$300,000\s+\$100,000\s+\$200,000\s+66\.7%/,
    );
    expect(text).toContain('tier 0: 1, tier 1: 4');
    expect(text).toContain('Critical suppliers (articulation points): 1');
    expect(text).toContain('Critical links (bridges): 4');
    expect(text).toMatch(/Prime \(P\)\s+332710\s+1\s+0\s+\*/);
    expect(text).toContain('Single points of failure: 1 supplier some prime depends on alone');
    expect(text).toMatch(/Machinist \(M\)\s+\$80,000\s+1\s+332710\s+0/);
  });

  it('--remove reports what a closure costs', async () => {
    const { lines } = await run(['analyze', await bundleFile(), '--remove', 'H,ghost', '--json']);
    const json = JSON.parse(lines.join('\n')) as { whatIf: Record<string, unknown> };
    expect(json.whatIf.removed).toEqual(['H']);
    expect(json.whatIf.unknown).toEqual(['ghost']);
    expect(json.whatIf.lostSupply).toEqual([]);
    // P still needs the $100k of heat treating it bought from H: now bought outside the region.
    expect(json.whatIf.importedValueDelta).toBe(100000);
    expect(json.whatIf.changes).toEqual([
      expect.objectContaining({
        capability: '332811',
        appeared: ['missing'],
        vanished: ['single-source', 'leakage'],
      }),
    ]);
  });

  it('explains an unknown region and bad options', async () => {
    const file = await bundleFile();
    const unknown = await run(['analyze', file, '--region', 'nowhere']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.errors?.[0]).toContain(
      'region "nowhere" is neither in this bundle nor a known IMCP/DMCSP region',
    );
    expect((await run(['analyze', file, '--limit', 'many'])).errors?.[0]).toContain(
      '--limit must be a whole number',
    );
    expect((await run(['analyze', file, '--frobnicate'])).exitCode).toBe(2);
  });

  it('a reference region with unknown counties analyses to an empty region, with a note', async () => {
    const { errors, lines } = await run([
      'analyze',
      await bundleFile(),
      '--region',
      'imcp-northwest-georgia',
      '--json',
    ]);
    expect(errors?.[0]).toContain('county list');
    expect((JSON.parse(lines.join('\n')) as { regionOrganizations: number }).regionOrganizations).toBe(0);
  });
});
