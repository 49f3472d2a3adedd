import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../analysis/analyze.ts';
import { analyzeRegion, regionFigures } from '../../analysis/compare.ts';
import { buildSupplyGraph } from '../../analysis/supply-graph.ts';
import { whatIf } from '../../analysis/what-if.ts';
import { carriedAnalysis } from '../../io/public/redact-public.ts';
import { redactBundle } from '../../io/redact.ts';
import { NO_FILTERS } from '../../state/route.ts';
import type { RegionOption } from '../contracts.ts';
import { analysedView, bundleWith, testLabel } from '../derive/test-data.ts';
import { GapsDashboard } from './GapsDashboard.tsx';
import type { GapsDashboardProps } from './GapsDashboard.tsx';
import { PrintBriefing } from './GapsDashboardBriefing.tsx';
import { resolveWhatIf, whatIfFigures } from './GapsDashboardWhatIf.tsx';

const HT = '332811'; // Metal Heat Treating, group 3328
const MS = '332710'; // Machine Shops
const COAT = '332812'; // Metal Coating, group 3328
const XSS = '<img src=x onerror=alert(1)>';

const HOME: RegionOption = { id: 'R', name: 'Home Region', program: 'IMCP', counties: ['00001'] };
const OTHER: RegionOption = { id: 'B', name: 'Other Region', program: 'DMCSP', counties: ['00002'] };

// In the region (county 00001, all at 0° N 0° E): primes P and Q, heat treater H, machinist M1, and C, a
// coater with no link. Outside (county 00002, 1° north): the heat treater O.
// P buys heat treating from H (100) and O (300) and machining from M1 (50); Q buys heat treating from H
// (10) and machining from M1 (20).
function fixture() {
  const bundle = bundleWith(
    [
      { id: 'P', kind: 'prime', name: 'Big Prime', lat: 0, lon: 0 },
      { id: 'Q', kind: 'prime', name: 'Other Prime', lat: 0, lon: 0 },
      { id: 'H', name: 'Heat Co', naics: [HT], certifications: ['NADCAP-HT'], lat: 0, lon: 0 },
      { id: 'M1', name: 'Mach One', naics: [MS], lat: 0, lon: 0 },
      { id: 'C', name: `Coater ${XSS}`, naics: [COAT], lat: 0, lon: 0 },
      {
        id: 'O',
        name: 'Outer Heat',
        naics: [HT],
        certifications: ['NADCAP-HT'],
        inRegion: false,
        lat: 1,
        lon: 0,
      },
    ],
    [
      ['H', 'P', HT, 100],
      ['O', 'P', HT, 300],
      ['M1', 'P', MS, 50],
      ['M1', 'Q', MS, 20],
      ['H', 'Q', HT, 10],
    ],
  );
  const { data, graph, result: baseline } = analysedView(bundle);
  return { bundle, data, graph, baseline };
}

function render(overrides: Partial<GapsDashboardProps> = {}) {
  const { data, baseline } = fixture();
  return renderToStaticMarkup(
    <GapsDashboard
      data={data}
      homeRegion={HOME}
      selectedGap={undefined}
      onSelectGap={() => {}}
      removed={[]}
      baseline={baseline}
      current={baseline}
      onRemove={() => {}}
      onReset={() => {}}
      regions={[HOME, OTHER]}
      {...overrides}
    />,
  );
}

describe('GapsDashboard', () => {
  const html = render();

  it('shows the four charts, the matrix and the panels, with the synthetic badge and a print button', () => {
    for (const id of [
      'gaps-dashboard',
      'chart-imported-value',
      'chart-leakage',
      'chart-gap-flags',
      'chart-tiers',
      'dependency-matrix',
      'fill-panel',
      'whatif-panel',
      'compare-panel',
      'gaps-dashboard-synthetic',
      'print-briefing-button',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html.match(/role="img"/g)).toHaveLength(4);
  });

  it('sums the region in one line: 5 organizations, 2 capabilities, $300 imported', () => {
    // Heat treating 410 (300 from O outside), machining 70 all local.
    expect(html).toMatch(
      /data-testid="gaps-dashboard-summary">5 organizations in the region · 2 capabilities in demand · 2 flagged · \$300 a year/,
    );
  });

  it('asks for a gap in the fill panel and says nothing is removed in the what-if panel', () => {
    expect(html).toContain('Choose a gap in a chart or its table');
    expect(html).toContain('data-testid="whatif-empty"');
    expect(html).toContain('data-testid="compare-hint"');
  });

  it('of a public copy, shows the carried gap list with suppressed cells, and no firm-level panel', () => {
    const { bundle, data, baseline } = fixture();
    const copy = redactBundle(bundle, {
      profile: 'public',
      publicContext: {
        countyOf: (org) => org.county ?? null,
        gaps: { region: 'R', list: baseline.gaps },
      },
    });
    const shown = carriedAnalysis(copy, 'R', baseline)!;
    const html = renderToStaticMarkup(
      <GapsDashboard
        data={{ ...data, bundle: copy, analysis: shown }}
        homeRegion={HOME}
        selectedGap={undefined}
        onSelectGap={() => {}}
        removed={[]}
        baseline={shown}
        current={shown}
        onRemove={() => {}}
        onReset={() => {}}
        regions={[HOME, OTHER]}
      />,
    );
    for (const id of ['public-dashboard-note', 'public-gap-table', 'chart-imported-value', 'chart-gap-flags'])
      expect(html).toContain(`data-testid="${id}"`);
    for (const id of [
      'chart-leakage',
      'chart-tiers',
      'dependency-matrix',
      'fill-panel',
      'whatif-panel',
      'compare-panel',
    ])
      expect(html).not.toContain(`data-testid="${id}"`);
    // Heat treating has one local supplier (H), machining one (M1): both counts and their local values go.
    expect(html.match(/fewer than 3/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('suppressed');
    expect(html).toContain('at least $0 a year bought outside the region');
    for (const name of ['Big Prime', 'Heat Co', 'Mach One', 'Outer Heat']) expect(html).not.toContain(name);
  });

  it('without a region asks for one', () => {
    const { data } = fixture();
    const none = analyzeGraph(buildSupplyGraph(data.bundle, new Uint8Array(6)), {
      regionId: null,
      label: testLabel,
    });
    expect(render({ baseline: none, current: none })).toContain('Choose a home region to see its gaps.');
    expect(render({ baseline: null, current: null })).toContain('The analysis is running');
  });
});

describe('GapsDashboard: who could fill the selected gap', () => {
  const html = render({ selectedGap: HT });

  it('names the local firm in the same industry group, as text', () => {
    expect(html).toMatch(/data-testid="fill-local-table"[\s\S]*Coater &lt;img src=x onerror=alert\(1\)&gt;/);
    expect(html).toContain('Same industry group');
    expect(html).not.toContain('<img');
    expect(html).toContain('Certifications all its suppliers hold: NADCAP-HT.');
  });

  it('lists the outside heat treater one degree (111 km, 69 miles) from the region', () => {
    const outside = /data-testid="fill-outside-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(outside).toContain('Outer Heat');
    expect(outside).toContain('>111<');
    expect(outside).toContain('>69<');
  });

  it('selects the gap in the charts', () => {
    expect(html).toMatch(/class="chart-row is-selected"[^>]*data-capability="332811"/);
    expect(html).toMatch(/class="chart-dot[^"]*is-selected"[^>]*data-capability="332811"/);
  });
});

describe('GapsDashboard: what-if', () => {
  // Without H, Q has no heat treater at all (P still has O); heat treating loses its only local supplier.
  const { graph, baseline } = fixture();
  const scenario = whatIf(graph, ['H'], { regionId: 'R', label: testLabel }, baseline);
  const html = render({ removed: ['H'], current: scenario.scenario, whatIf: scenario });

  it("shows the analysis worker's what-if, naming the prime that loses", () => {
    const items = [...html.matchAll(/data-testid="whatif-lost-item">([\s\S]*?)<\/li>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ''),
    );
    expect(items).toEqual([
      '✖ Other Prime loses Metal Heat Treating (had 1 supplier in the region and 0 outside)',
    ]);
  });

  it('reports the flags that appear and vanish, and the rise in imports', () => {
    // Heat treating: O's 300 stays imported, and H's 110 (100 to P, 10 to Q) is now bought outside too.
    expect(html).toMatch(/Imported value changes by <strong>\+\$110<\/strong>/);
    const changes = /data-testid="whatif-changes"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(changes).toMatch(
      /Metal Heat Treating<\/th><td[^>]*>Missing<\/td><td[^>]*>Single source, Leakage<\/td>/,
    );
  });

  it('marks the emptied matrix cell as lost and offers a reset', () => {
    expect(html).toMatch(/data-prime="Q" data-capability="332811" data-state="lost"/);
    expect(html).toContain('✖ lost');
    expect(html).toContain('data-testid="whatif-reset"');
  });

  it('resolveWhatIf uses the given result only when it is for the same removals', () => {
    expect(resolveWhatIf(['H'], baseline, scenario)).toBe(scenario);
    // Another removal set: the worker's answer for it is still to come, and nothing is computed here.
    expect(resolveWhatIf(['M1'], baseline, scenario)).toBeNull();
    expect(resolveWhatIf([], baseline, scenario)).toBeNull();
    expect(resolveWhatIf(['H'], null, undefined)).toBeNull();
  });

  it('whatIfFigures puts baseline and scenario side by side', () => {
    const figures = Object.fromEntries(
      whatIfFigures(baseline, scenario.scenario).map((f) => [f.id, [f.before, f.after]]),
    );
    expect(figures.imported).toEqual([300, 410]);
    expect(figures['flag-missing']).toEqual([0, 1]);
    expect(figures['flag-single-source']).toEqual([2, 1]);
    // Before: P–machining, Q–heat treating, Q–machining. After: P–heat treating (O only), P– and Q–machining.
    expect(figures['single-source-cells']).toEqual([3, 3]);
  });

  it('shows a single-source dependency lost with its supplier as a loss, never as one fewer', () => {
    // Q–heat treating had H alone: it is lost, not "−1 single source". P–heat treating becomes single source
    // (O only): +1 otherwise, so the bare count stays 3 → 3.
    const figures = whatIfFigures(baseline, scenario.scenario, scenario.lostSupply);
    const byId = (id: string) => figures.find((f) => f.id === id)!;
    expect(byId('lost-cells')).toMatchObject({ before: 0, after: 1, change: '1 dependency lost' });
    expect(byId('single-source-cells').change).toBe('1 dependency lost entirely; +1 otherwise');
    const table = /data-testid="whatif-figures"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('1 dependency lost entirely; +1 otherwise');
    expect(table).not.toMatch(/Single-source prime dependencies<\/th>(<td[^>]*>[^<]*<\/td>){2}<td[^>]*>−1</);
  });
});

describe('GapsDashboard: region comparison', () => {
  // What the analysis worker sends for region B (its engine runs analyzeRegion with the app's locator).
  const { bundle } = fixture();
  const other = analyzeRegion(bundle, OTHER, { label: testLabel, locator: {} });
  const html = render({ compareRegions: ['B'], comparedRegions: [{ regionId: 'B', ...other }] });

  it('waits for the worker: a picked region not analysed yet is not shown, and the panel says so', () => {
    const waiting = render({ compareRegions: ['B'], comparing: true });
    expect(waiting).toContain('data-testid="compare-pending"');
    expect(waiting).not.toContain('>Other Region<');
  });

  it('puts the home region and the picked one side by side', () => {
    const table = /data-testid="compare-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('>Home Region<');
    expect(table).toContain('>Other Region<');
    // Home: P, Q, H, M1, C. Other: O.
    expect(table).toMatch(/Organizations<\/th><td[^>]*>5<\/td><td[^>]*>1<\/td>/);
    // Home buys 480, 180 of it locally (H 110, M1 70): 38 %. Other has no demand.
    expect(table).toMatch(/Local share of demand<\/th><td[^>]*>38%<\/td><td[^>]*>—<\/td>/);
    expect(html).toMatch(
      /<input type="checkbox" data-testid="compare-region-option" data-region="B" checked=""/,
    );
  });
});

describe('PrintBriefing', () => {
  it('has one page per region, each with its charts, top gaps and the synthetic-data note', () => {
    const { bundle, data, baseline } = fixture();
    const other = analyzeRegion(bundle, OTHER, { label: testLabel, locator: {} });
    const html = renderToStaticMarkup(
      <PrintBriefing
        bundle={bundle}
        regions={[
          {
            region: HOME,
            analysis: { result: baseline, inRegion: data.inRegion },
            figures: regionFigures(bundle, data.inRegion, baseline),
          },
          { region: OTHER, analysis: other, figures: regionFigures(bundle, other.inRegion, other.result) },
        ]}
        removedCount={0}
      />,
    );
    expect([...html.matchAll(/data-testid="briefing-page" data-region="([^"]+)"/g)].map((m) => m[1])).toEqual(
      ['R', 'B'],
    );
    expect(html.match(/Synthetic sample data, not real firms/g)).toHaveLength(2);
    expect(html.match(/data-testid="briefing-imported-value"/g)).toHaveLength(2);
    expect(html).toContain('Home Region: supply-chain gaps');
    expect(html).toMatch(/<caption>Top 2 gaps by imported value<\/caption>/);
  });
});

describe('GapsDashboard with DoD figures from public records', () => {
  const withDod = (homeRegion: string) => {
    const { data } = fixture();
    const meta = {
      ...data.bundle.meta,
      homeRegion: homeRegion as never,
      dod: {
        rule: 'Counted by <b>rule</b>.',
        firms: 4,
        years: [
          { fiscalYear: 2023, region: 5_000_000, state: 8_000_000, firms: 2 },
          { fiscalYear: 2024, region: 3_650_000, state: 0, firms: 4 },
        ],
      },
    };
    return render({ data: { ...data, bundle: { ...data.bundle, meta } } });
  };

  it('draws the dollars by fiscal year for the region they were counted for, with the share of the state', () => {
    const html = withDod('R');
    expect(html).toContain('data-testid="chart-dod-years"');
    expect(html).toContain('DoD obligations by fiscal year · 4 DoD-performing firms');
    const bars = [...html.matchAll(/data-testid="dod-bar" data-key="(\d+)"><title>([^<]*)<\/title>/g)];
    expect(bars.map((m) => [m[1], m[2]])).toEqual([
      ['2023', 'FY2023: $5M in the region (2 firms), 63% of the state&#x27;s $8M'],
      // A year without state dollars has no share.
      ['2024', 'FY2024: $3.65M in the region (4 firms)'],
    ]);
    // The rule is text, never markup.
    expect(html).toContain('Counted by &lt;b&gt;rule&lt;/b&gt;.');
    expect(html).not.toContain('data-testid="dod-elsewhere"');
  });

  it('draws the years outside the fiscal years shown faint', () => {
    const { data } = fixture();
    const dod = {
      rule: 'r',
      firms: 4,
      years: [
        { fiscalYear: 2023, region: 5, state: 8, firms: 2 },
        { fiscalYear: 2024, region: 3, state: 5, firms: 4 },
      ],
    };
    const meta = { ...data.bundle.meta, homeRegion: 'R' as never, dod };
    const html = render({
      data: { ...data, bundle: { ...data.bundle, meta } },
      filters: { ...NO_FILTERS, years: { from: 2024, to: 2024 } },
      onFiltersChange: () => {},
    });
    const classes = [
      ...html.matchAll(/data-testid="dod-bar" data-key="(\d+)"><title>[^<]*<\/title><rect class="([^"]+)"/g),
    ].map((m) => [m[1], m[2]]);
    expect(classes).toEqual([
      ['2023', 'bar-dod bar-outside'],
      ['2024', 'bar-dod'],
    ]);
  });

  it('says which region the figures belong to when another one is the home region', () => {
    const html = withDod('B');
    expect(html).not.toContain('data-testid="chart-dod-years"');
    expect(html).toMatch(
      /data-testid="dod-elsewhere"[^>]*>The DoD figures of these records were counted for B;/,
    );
  });
});

describe('GapsDashboard with dated links', () => {
  const dated = () => ({ ...fixture().data, years: [2023, 2024] });
  it('offers the fiscal years and names the range in the summary', () => {
    const html = render({
      data: dated(),
      filters: { ...NO_FILTERS, years: { from: 2024, to: 2024 } },
      onFiltersChange: () => {},
    });
    expect(html).toContain('data-testid="year-filter"');
    expect(html).toMatch(
      /data-testid="gaps-dashboard-summary">[^<]*\$300 a year bought outside the region \(FY2024\)/,
    );
  });
  it('has no year filter without dated links, or without a way to change the filters', () => {
    expect(render({ filters: NO_FILTERS, onFiltersChange: () => {} })).not.toContain(
      'data-testid="year-filter"',
    );
    expect(render({ data: dated() })).not.toContain('data-testid="year-filter"');
  });
});
