import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/types.ts';
import { loadBundle } from '../../io/load-bundle.ts';
import { publicCase, edgeCaseBundle } from '../../io/export/test-bundles.ts';
import { redactBundle } from '../../io/redact.ts';
import type { ExportId, ExportSources } from './export-items.ts';
import { EXPORT_IDS, exportItems } from './export-items.ts';

const analysis: AnalysisResult = {
  version: 1,
  region: 'home',
  gaps: [
    {
      capability: '332710',
      label: 'Machine Shops',
      flags: ['single-source'],
      demand: 100,
      demandLinks: 1,
      localValue: 100,
      importedValue: 0,
      leakage: 0,
      localSuppliers: 1,
      hhi: 1,
      trainers: 0,
    },
  ],
  criticalSuppliers: ['constructor'],
  criticalLinks: [],
  tiers: { full: 0, constructor: 1 },
  tierCounts: [1, 1],
  matrix: [],
  regionOrganizations: 2,
};

function item(sources: Omit<ExportSources, 'bundle'> & { bundle?: ExportSources['bundle'] }, id: ExportId) {
  const found = exportItems({ bundle: edgeCaseBundle(), ...sources }).find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

async function text(sources: Omit<ExportSources, 'bundle'>, id: ExportId) {
  const file = await item(sources, id).run();
  if (file === null) throw new Error(`${id} gave no file`);
  // Blob.text() drops a byte order mark; the bytes are what the user's spreadsheet sees.
  const bytes = await file.blob.arrayBuffer();
  return {
    filename: file.filename,
    type: file.blob.type,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
  };
}

describe('exportItems', () => {
  it('lists the eleven exports in menu order', () => {
    expect(exportItems({ bundle: edgeCaseBundle(), analysis: null }).map((i) => [i.id, i.label])).toEqual([
      ['bundle-json', 'Bundle (JSON)'],
      ['organizations-csv', 'Organizations (CSV)'],
      ['organizations-geojson', 'Organizations (GeoJSON)'],
      ['gaps-csv', 'Gaps (CSV)'],
      ['network-gexf', 'Network (GEXF)'],
      ['network-graphml', 'Network (GraphML)'],
      ['map-png', 'Map (PNG)'],
      ['network-png', 'Network (PNG)'],
      ['briefing-pdf', 'Briefing (PDF)'],
      ['briefing-svg', 'Briefing figures (SVG, zip)'],
      ['standalone-html', 'Standalone view (HTML, opens offline)'],
    ]);
    expect(EXPORT_IDS).toHaveLength(11);
  });

  it('says why gaps and pictures cannot be exported yet', () => {
    const reasons = (sources: Omit<ExportSources, 'bundle'>) =>
      Object.fromEntries(
        exportItems({ bundle: edgeCaseBundle(), ...sources })
          .filter((i) => i.disabledReason !== null)
          .map((i) => [i.id, i.disabledReason]),
      );
    expect(reasons({ analysis: null })).toEqual({
      'gaps-csv': 'analysis still running',
      'map-png': 'open the map view first',
      'network-png': 'open the network view first',
      'briefing-pdf': 'open a dataset first',
      'briefing-svg': 'open a dataset first',
      'standalone-html': 'open a dataset first',
    });
    expect(reasons({ analysis: null, analysisStatus: 'no-region' })['gaps-csv']).toBe(
      'choose a home region first',
    );
    expect(reasons({ analysis: null, analysisStatus: 'failed' })['gaps-csv']).toBe('the analysis failed');
    expect(reasons({ analysis: { ...analysis, region: null } })['gaps-csv']).toBe(
      'choose a home region first',
    );
    const png = () => Promise.resolve(new Blob(['png'], { type: 'image/png' }));
    const briefing = () =>
      Promise.resolve({ pdf: () => Promise.resolve(new Blob(['%PDF'])), figures: {}, standalone: '' });
    expect(reasons({ analysis, getMapPng: png, getNetworkPng: png, getBriefing: briefing })).toEqual({});
  });

  it('exports the bundle losslessly under the dataset id, date and "synthetic"', async () => {
    const file = await text({ analysis: null }, 'bundle-json');
    expect(file.filename).toBe('edge-cases-2026-01-31-synthetic-bundle.json');
    expect(file.type).toBe('application/json');
    const { value, issues } = loadBundle(JSON.parse(file.text));
    expect(issues).toEqual([]);
    expect(value).toStrictEqual(edgeCaseBundle());
  });

  it('names a partner copy\'s files "partner", and holds back the gaps CSV (its totals are exact)', async () => {
    const partner = redactBundle(edgeCaseBundle(), { profile: 'partner', marking: 'Internal' });
    const file = await item({ analysis, bundle: partner }, 'bundle-json').run();
    expect(file?.filename).toBe('edge-cases-2026-01-31-synthetic-bundle-partner.json');
    expect(await file?.blob.text()).not.toContain('ABCDEF123456');
    expect(item({ analysis, bundle: partner }, 'gaps-csv').disabledReason).toBe(
      'not in the partner profile (its dollar totals are exact)',
    );
  });

  it('a public copy: files named "public", nothing index-aligned with the screen, pictures only of a public screen', async () => {
    const copy = redactBundle(publicCase(), { profile: 'public' });
    const png = () => Promise.resolve(new Blob(['png']));
    const sources = {
      analysis,
      bundle: copy,
      // The sender's positions, index-aligned with the sender's organizations, not the copy's.
      positions: Float64Array.from([-87.6543, 41.8712]),
      inRegion: Uint8Array.from([1]),
      getMapPng: png,
      getNetworkPng: png,
    };
    const geojson = await item(sources, 'organizations-geojson').run();
    expect(geojson?.filename).toBe('public-case-2026-11-30-synthetic-organizations-public.geojson');
    expect(await geojson?.blob.text()).not.toContain('87.6543');
    expect(await (await item(sources, 'organizations-csv').run())?.blob.text()).not.toContain(
      'in_home_region',
    );
    expect(item(sources, 'gaps-csv').disabledReason).toBe(
      'not in the public profile (its dollar totals are exact)',
    );
    expect(item(sources, 'map-png').disabledReason).toBe(
      'not in the public profile (the screen shows the firms)',
    );
    expect(item({ ...sources, screenIsPublic: true }, 'map-png').disabledReason).toBeNull();
    expect(item({ ...sources, screenIsPublic: true }, 'network-png').disabledReason).toBeNull();
  });

  it('exports gaps as CSV with a byte order mark, named by dataset and region', async () => {
    const file = await text({ analysis }, 'gaps-csv');
    expect(file.filename).toBe('edge-cases-2026-01-31-synthetic-gaps-home.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.text).toBe(
      '\uFEFFrank,capability,label,flags,demand,demand_links,local_value,imported_value,leakage,local_suppliers,hhi,trainers\n' +
        '1,332710,Machine Shops,single-source,100,1,100,0,0,1,1,0\n',
    );
  });

  it('adds the analysis columns to the organizations CSV once the analysis is done', async () => {
    const before = csvParseRows((await text({ analysis: null }, 'organizations-csv')).text.slice(1));
    expect(before[0]?.slice(-2)).toEqual(['website', 'trains']);
    const inRegion = Uint8Array.from([1, 0, 1, 0]);
    const after = csvParseRows((await text({ analysis, inRegion }, 'organizations-csv')).text.slice(1));
    expect(after[0]?.slice(-4)).toEqual(['trains', 'in_home_region', 'tier', 'critical']);
    expect(after.slice(1).map((row) => [row[0], ...row.slice(-3)])).toEqual([
      ['full', 'yes', '0', 'no'],
      ['__proto__', 'no', '', 'no'],
      ['constructor', 'yes', '1', 'yes'],
      ['has space/and_x0041_', 'no', '', 'no'],
    ]);
  });

  it('places organizations in GeoJSON by the given positions', async () => {
    const positions = new Float64Array([1, 2, 3, 4, Number.NaN, Number.NaN, 5, 6]);
    const file = await text({ analysis: null, positions }, 'organizations-geojson');
    expect(file.filename).toBe('edge-cases-2026-01-31-synthetic-organizations.geojson');
    const parsed = JSON.parse(file.text) as { features: { id: string }[]; 'forgemap:unplaced': string[] };
    expect(parsed.features.map((f) => f.id)).toEqual(['full', '__proto__', 'has space/and_x0041_']);
    expect(parsed['forgemap:unplaced']).toEqual(['constructor']);
  });

  it('writes the network as GEXF and GraphML', async () => {
    const gexf = await text({ analysis: null }, 'network-gexf');
    expect(gexf.filename).toBe('edge-cases-2026-01-31-synthetic-network.gexf');
    expect(gexf.text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    const graphml = await text({ analysis: null }, 'network-graphml');
    expect(graphml.filename).toBe('edge-cases-2026-01-31-synthetic-network.graphml');
    expect(graphml.text).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
  });

  it('names pictures after the dataset and gives null when the view could not be drawn', async () => {
    const blob = new Blob(['png'], { type: 'image/png' });
    const map = await item({ analysis: null, getMapPng: () => Promise.resolve(blob) }, 'map-png').run();
    expect(map).toEqual({ blob, filename: 'edge-cases-2026-01-31-synthetic-map.png' });
    const network = item({ analysis: null, getNetworkPng: () => Promise.resolve(null) }, 'network-png');
    await expect(network.run()).resolves.toBeNull();
  });

  it('leaves "synthetic" out of the names of real data', async () => {
    const bundle = edgeCaseBundle();
    bundle.meta.synthetic = false;
    const file = await item({ bundle, analysis: null }, 'network-graphml').run();
    expect(file?.filename).toBe('edge-cases-2026-01-31-network.graphml');
  });
});
