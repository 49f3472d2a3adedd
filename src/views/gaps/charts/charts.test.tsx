import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Gap } from '../../../analysis/types.ts';
import { FlagSummary } from './FlagSummary.tsx';
import { formatUsd } from '../../derive/format.ts';
import { ImportedValueChart } from './ImportedValueChart.tsx';
import { LeakageScatter, LeakageTooltip } from './LeakageScatter.tsx';
import { TierChart } from './TierChart.tsx';
import { testGap } from '../../../analysis/test-results.ts';

const XSS = '<img src=x onerror=alert(1)>';

const gap = (fields: Partial<Gap> & Pick<Gap, 'capability' | 'label'>): Gap =>
  testGap({ demandLinks: 1, trainers: 1, ...fields });

// Four capabilities with round numbers, so positions can be worked out by hand.
const GAPS: Gap[] = [
  gap({
    capability: 'nadcap-ndt',
    label: 'Nadcap NDT',
    demand: 4e6,
    importedValue: 4e6,
    leakage: 1,
    flags: ['missing', 'workforce'],
    trainers: 0,
  }),
  gap({
    capability: '332811',
    label: 'Metal Heat Treating',
    demand: 3e6,
    localValue: 1e6,
    importedValue: 2e6,
    leakage: 2 / 3,
    localSuppliers: 1,
    flags: ['single-source', 'leakage'],
  }),
  gap({
    capability: '332710',
    label: 'Machine Shops',
    demand: 1e7,
    localValue: 9e6,
    importedValue: 1e6,
    leakage: 0.1,
    localSuppliers: 400,
  }),
  gap({
    capability: '332813',
    label: XSS,
    demand: 5e5,
    localValue: 5e5,
    localSuppliers: 4,
    hhi: 0.5,
    flags: ['concentrated', 'workforce'],
    trainers: 0,
  }),
];

/** Attribute maps of the elements with this data-testid, in document order. */
function byTestId(html: string, testId: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`, 'g'))].map((m) =>
    Object.fromEntries([...m[0].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

/** The rects inside each element with this data-testid (they close with </g>). */
function rectsIn(html: string, testId: string): Record<string, string>[][] {
  return [...html.matchAll(new RegExp(`data-testid="${testId}"[\\s\\S]*?</g>`, 'g'))].map((m) =>
    [...m[0].matchAll(/<rect [^>]*>/g)].map((r) =>
      Object.fromEntries([...r[0].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
    ),
  );
}

function svgOf(html: string): string {
  const match = /<svg[\s\S]*<\/svg>/.exec(html);
  if (match === null) throw new Error('no svg');
  return match[0].replaceAll('><', '>\n<');
}

describe('formatUsd', () => {
  it.each([
    [0, '$0'],
    [950, '$950'],
    [1234, '$1.2k'],
    [1_200_000, '$1.2M'],
    [156_000_000, '$156M'],
    [2_500_000_000, '$2.5B'],
    [Number.NaN, '—'],
  ])('%d → %s', (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });
});

describe('ImportedValueChart', () => {
  const html = renderToStaticMarkup(<ImportedValueChart gaps={GAPS} selectedGap="332811" />);

  it('has a title, an img role with a label naming the largest import, and a table toggle', () => {
    expect(html).toContain('Imported value by capability');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Bar chart of the 4 capabilities/);
    expect(html).toContain('Largest: Nadcap NDT, $4M imported of $4M.');
    expect(html).toMatch(/data-testid="chart-imported-value-toggle"/);
    expect(html).toMatch(/aria-expanded="false"/);
  });

  it('says why there is nothing to draw instead of an empty axis, and draws the chart otherwise', () => {
    const empty = renderToStaticMarkup(<ImportedValueChart gaps={[]} regionName="Lakeside" />);
    expect(empty).toContain(
      'Nothing to rank: no buyer in Lakeside buys a capability from a supplier on record.',
    );
    expect(empty).not.toContain('<svg');
    expect(empty).not.toContain('chart-imported-value-toggle');
    expect(html).not.toContain('chart-imported-value-empty');
  });

  it('ranks bars by imported value, the largest import the longest imported bar', () => {
    expect(byTestId(html, 'imported-bar').map((g) => g['data-capability'])).toEqual([
      'nadcap-ndt',
      '332811',
      '332710',
      '332813',
    ]);
    // x spans $0–$10M (the largest demand) over 370 px (210 to 640 − 60): $1M = 37 px.
    const rects = rectsIn(html, 'imported-bar');
    const importedWidths = rects.map((r) => Number(r.find((a) => a.class === 'bar-imported')!.width));
    expect(importedWidths).toEqual([148, 74, 37, 0]);
    // Local parts start where the imported part ends: Machine Shops' $9M local runs 247 (210 + 37) → 580.
    const shops = rects[2]!.find((a) => a.class === 'bar-local')!;
    expect(Number(shops.x)).toBe(247);
    expect(Number(shops.width)).toBe(333);
  });

  it('prints the imported dollars where the imported part ends, not after the whole bar', () => {
    // Machine Shops: $1M imported ends at 247 px; the label starts 4 px on, over the local part (→ 580).
    const row = html.slice(html.indexOf('data-capability="332710"'));
    const label = /<text class="chart-value chart-value-imported" x="([\d.]+)"[^>]*>([^<]*)<\/text>/.exec(
      row,
    )!;
    expect(Number(label[1])).toBe(251);
    expect(label[2]).toBe('$1M');
  });

  it('labels the axis in dollars and marks the selected bar by text as well as style', () => {
    for (const tick of ['$0', '$2M', '$4M', '$6M', '$8M', '$10M']) expect(html).toContain(`>${tick}</text>`);
    expect(html).toContain('Annual demand (USD): imported, then local');
    expect(html).toMatch(/class="chart-row is-selected"[^>]*data-capability="332811"/);
    expect(html).toContain('▶ Metal Heat Treating');
  });

  it('renders user text as text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws the same SVG every time', async () => {
    await expect(svgOf(html)).toMatchFileSnapshot('./__snapshots__/ImportedValueChart.svg');
  });
});

describe('LeakageScatter', () => {
  const html = renderToStaticMarkup(<LeakageScatter gaps={GAPS} selectedGap="332811" />);
  const dots = byTestId(html, 'leakage-dot');

  it('draws one dot per capability', () => {
    expect(dots).toHaveLength(GAPS.length);
  });

  it('places dots by square-root supplier count and leakage', () => {
    // x = 64 + 552·√(n / 400) = 64 + 27.6·√n; y = 288 − 268·leakage.
    const at = Object.fromEntries(dots.map((d) => [d['data-capability'], [Number(d.cx), Number(d.cy)]]));
    expect(at['nadcap-ndt']).toEqual([64, 20]);
    expect(at['332811']).toEqual([91.6, 109.3]);
    expect(at['332710']).toEqual([616, 261.2]);
    expect(at['332813']).toEqual([119.2, 288]);
  });

  it('marks the selected gap with a bigger dot and its name, drawn last', () => {
    expect(dots.at(-1)).toMatchObject({ 'data-capability': '332811', r: '8' });
    expect(dots.filter((d) => d.r === '8')).toHaveLength(1);
    expect(html).toContain('◀ Metal Heat Treating');
    expect(html).toContain('Selected: Metal Heat Treating.');
  });

  it('has axis titles, supplier ticks up to the largest count and percent ticks', () => {
    expect(html).toContain('Local suppliers (square-root scale)');
    expect(html).toContain('Leakage (share imported)');
    for (const tick of ['0', '1', '2', '5', '10', '25', '50', '100', '250', '400'])
      expect(html).toContain(`>${tick}</text>`);
    expect(html).not.toContain('>500</text>');
    for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(html).toContain(`>${tick}</text>`);
  });

  it('draws the same SVG every time', async () => {
    await expect(svgOf(html)).toMatchFileSnapshot('./__snapshots__/LeakageScatter.svg');
  });
});

describe('LeakageTooltip', () => {
  it('shows the numbers of the hovered capability as text, left of a dot near the right edge', () => {
    const html = renderToStaticMarkup(
      <svg>
        <LeakageTooltip gap={GAPS[2]!} x={616} y={261.2} />
      </svg>,
    );
    expect(html).toContain('>Machine Shops</text>');
    expect(html).toContain('>400 local suppliers</text>');
    expect(html).toContain('>10% leakage · $1M imported</text>');
    // 616 + 12 + 250 > 640, so it goes to 616 − 12 − 250 = 354; 59 px tall, centred on 261.2 → 231.7.
    expect(html).toContain('transform="translate(354,231.7)"');
  });
});

describe('TierChart', () => {
  const html = renderToStaticMarkup(<TierChart tierCounts={[2, 5, 3]} />);

  it('draws one bar per tier, the most populous the tallest', () => {
    const bars = rectsIn(html, 'tier-bar').map((r) => Number(r[0]!.height));
    // y spans 0–5 organizations over 208 px (228 up to 20): 41.6 px each.
    expect(bars).toEqual([83.2, 208, 124.8]);
  });

  it('names tiers, counts and axes', () => {
    expect(html).toContain('>Tier 0 (primes)</text>');
    expect(html).toContain('>Tier 2</text>');
    expect(html).toContain('Supply tier (links from a prime)');
    expect(html).toMatch(
      /aria-label="Bar chart of 10 organizations by supply tier: tier 0 \(primes\) 2, tier 1 5, tier 2 3\."/,
    );
    for (const tick of ['0', '1', '2', '3', '4', '5']) expect(html).toContain(`>${tick}</text>`);
  });

  it('draws the same SVG every time', async () => {
    await expect(svgOf(html)).toMatchFileSnapshot('./__snapshots__/TierChart.svg');
  });
});

describe('FlagSummary', () => {
  const html = renderToStaticMarkup(<FlagSummary gaps={GAPS} tableOpen />);

  it('counts capabilities per flag, workforce (2) the longest bar', () => {
    const widths = rectsIn(html, 'flag-bar').map((r) => Number(r[0]!.width));
    // missing, single-source, leakage, concentrated: 1 each; workforce: 2. 0–2 spans 470 px.
    expect(widths).toEqual([235, 235, 235, 235, 470]);
    expect(byTestId(html, 'flag-bar').map((g) => g['data-flag'])).toEqual([
      'missing',
      'single-source',
      'leakage',
      'concentrated',
      'workforce',
    ]);
  });

  it('has a table twin with the same counts, open when asked', () => {
    expect(html).toMatch(/data-testid="chart-gap-flags-toggle"[^>]*>Hide table/);
    expect(html).not.toMatch(/data-testid="chart-gap-flags-table"[^>]*hidden/);
    expect(html).toMatch(/<th scope="row"[^>]*>Workforce<\/th><td class="ui-num"[^>]*>2<\/td>/);
  });

  it('draws the same SVG every time', async () => {
    await expect(svgOf(html)).toMatchFileSnapshot('./__snapshots__/FlagSummary.svg');
  });
});
