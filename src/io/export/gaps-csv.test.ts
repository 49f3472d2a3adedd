import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../analysis/analyze.ts';
import { buildSupplyGraph } from '../../analysis/supply-graph.ts';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { AnalysisResult, Gap } from '../../analysis/types.ts';
import { exportGapsCsv } from './gaps-csv.ts';
import { testAnalysis, testGap } from '../../analysis/test-results.ts';

const HEADER =
  'rank,capability,label,flags,demand,demand_links,local_value,imported_value,leakage,local_suppliers,hhi,trainers';

const result = (gaps: Gap[]): AnalysisResult => testAnalysis({ gaps });
const gap = testGap;

describe('exportGapsCsv', () => {
  it('writes one row per gap in the order given, ranked from 1, flags joined with ";", no HHI as empty', () => {
    const text = exportGapsCsv(
      result([
        gap({
          capability: '332811',
          label: 'Metal Heat Treating',
          flags: ['missing', 'workforce'],
          demand: 3_000_000,
          demandLinks: 4,
          importedValue: 3_000_000,
          leakage: 1,
        }),
        gap({
          capability: 'nadcap-ndt',
          label: '=cmd|\' /C calc\'!A0, "NDT"',
          flags: ['single-source'],
          demand: 1000.5,
          demandLinks: 2,
          localValue: 750.25,
          importedValue: 250.25,
          leakage: 0.25,
          localSuppliers: 1,
          hhi: 1,
          trainers: 2,
        }),
      ]),
    );
    expect(text).toBe(
      [
        HEADER,
        '1,332811,Metal Heat Treating,missing;workforce,3000000,4,0,3000000,1,0,,0',
        '2,nadcap-ndt,"\'=cmd|\' /C calc\'!A0, ""NDT""",single-source,1000.5,2,750.25,250.25,0.25,1,1,2',
        '',
      ].join('\n'),
    );
  });

  it('writes only the header for an analysis without gaps, with a byte order mark when asked', () => {
    expect(exportGapsCsv(result([]))).toBe(`${HEADER}\n`);
    expect(exportGapsCsv(result([]), { bom: true })).toBe(`\uFEFF${HEADER}\n`);
  });

  it('exports what the analysis finds', () => {
    const bundle = testBundle(
      [
        { id: 'p', kind: 'prime' },
        { id: 'a', capabilities: ['machining'] },
        { id: 'x', inRegion: false },
      ],
      [
        ['a', 'p', 'machining', 100],
        ['x', 'p', 'plating', 300],
      ],
    );
    const mask = Uint8Array.from(bundle.organizations.map((o) => (o.county === '00001' ? 1 : 0)));
    const analysis = analyzeGraph(buildSupplyGraph(bundle, mask), { regionId: 'home', label: (id) => id });
    const rows = csvParse(exportGapsCsv(analysis));
    expect(rows.map((row) => [row.rank, row.capability, row.flags, row.imported_value])).toEqual([
      ['1', 'plating', 'missing;workforce', '300'],
      ['2', 'machining', 'single-source;workforce', '0'],
    ]);
  });
});
