import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/types.ts';
import { NO_FILTERS } from '../../state/route.ts';
import { bundleWith, emptyAnalysis, testView } from '../derive/test-data.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { chokepointsOf, primeResilience } from '../../analysis/chokepoints.ts';
import type { Chokepoint } from '../../analysis/chokepoints.ts';
import { buildSupplyGraph } from '../../analysis/supply-graph.ts';
import { SearchBox } from './SearchBox.tsx';

const XSS = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

const bundle = bundleWith(
  [
    {
      id: 'x',
      name: XSS,
      naics: ['332710'],
      certifications: [XSS],
      city: XSS,
      website: 'javascript:alert(1)',
      uei: XSS,
    },
    { id: 'p', kind: 'prime', name: 'Big Prime', naics: ['336411'] },
    { id: 's', name: `${XSS} supplier`, naics: ['332811'], inRegion: false, website: 'https://s.example' },
  ],
  [
    ['x', 'p', '332710', 1_000_000],
    ['s', 'x', XSS, 5],
  ],
);
bundle.capabilities = [{ id: XSS as never, label: XSS }];
const analysis: AnalysisResult = {
  ...emptyAnalysis(),
  gaps: [
    {
      capability: '332710',
      label: 'Machine Shops',
      flags: ['single-source'],
      demand: 1,
      demandLinks: 1,
      localValue: 1,
      importedValue: 0,
      leakage: 0,
      localSuppliers: 1,
      hhi: 1,
      trainers: 0,
    },
  ],
  criticalSuppliers: ['x'],
  tiers: { p: 0, x: 1 },
};
const data = testView(bundle, analysis);
const noop = () => {};

describe('FilterPanel', () => {
  const html = renderToStaticMarkup(
    <FilterPanel
      data={data}
      filters={{ ...NO_FILTERS, capabilities: [XSS], certifications: [XSS] }}
      onChange={noop}
    />,
  );
  it('says how many organizations are shown', () => {
    expect(html).toContain('3 of 3 organizations shown');
    expect(html).toMatch(/role="status"/);
  });
  it('has kind checkboxes with their colours and counts', () => {
    expect(html).toContain('<legend>Kind</legend>');
    expect(html).toMatch(/type="checkbox"[^>]*data-kind="prime"/);
    expect(html).toContain('kind-dot kind-training');
    expect(html).toContain('Manufacturers');
  });
  it('has a capability combobox, removable chips, a minimum value and Clear filters', () => {
    expect(html).toMatch(
      /role="combobox"[^>]*data-testid="capability-search"|data-testid="capability-search"[^>]*role="combobox"/,
    );
    expect(html).toContain(`aria-label="Remove capability ${ESCAPED}"`);
    expect(html).toContain('Minimum link value, USD per year');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Any</);
    expect(html).toMatch(/<button[^>]*data-testid="clear-filters"[^>]*>Clear filters/);
  });
  it('shows names from the data as text', () => {
    expect(html).toContain(ESCAPED);
    expect(html).not.toContain('<img');
  });
  it('has no fiscal-year filter when no link is dated', () => {
    expect(html).not.toContain('data-testid="year-filter"');
  });
});

describe('FilterPanel fiscal years', () => {
  const dated = {
    ...data,
    bundle: { ...data.bundle, meta: { ...data.bundle.meta, linksByFiscalYear: true } },
    years: [2022, 2023, 2024],
  };
  const render = (years: { from: number; to: number } | null) =>
    renderToStaticMarkup(
      <FilterPanel data={dated} filters={{ ...NO_FILTERS, years }} onChange={noop} />,
    ).replaceAll('&#x27;', "'");
  const selected = (html: string, testId: string) =>
    new RegExp(`data-testid="${testId}"[^>]*>.*?<option value="(\\d+)" selected=""`).exec(html)?.[1];

  it('offers every year of the dataset, all chosen at first', () => {
    const html = render(null);
    expect(html).toContain('<legend>Fiscal years</legend>');
    expect(selected(html, 'year-from')).toBe('2022');
    expect(selected(html, 'year-to')).toBe('2024');
    expect(html).toContain(
      "All 3 fiscal years (FY2022–FY2024); link dollars are a year's average over them.",
    );
    expect(html).not.toContain('data-testid="all-years"');
  });
  it('says what a narrowed range shows, and offers all years back', () => {
    const one = render({ from: 2023, to: 2023 });
    expect(selected(one, 'year-from')).toBe('2023');
    expect(selected(one, 'year-to')).toBe('2023');
    expect(one).toContain("Links of FY2023 only, with that year's dollars.");
    expect(one).toContain('data-testid="all-years"');
    expect(render({ from: 2023, to: 2024 })).toContain(
      "Links of FY2023–FY2024; dollars are a year's average over its 2 fiscal years.",
    );
  });
  it('a range from a link that holds none of the years says so', () => {
    expect(render({ from: 2010, to: 2012 })).toContain(
      "None of the dataset's fiscal years (FY2022–FY2024) is in FY2010–FY2012: only undated links are shown.",
    );
  });
});

describe('SearchBox', () => {
  it('is a labelled combobox with a listbox', () => {
    const html = renderToStaticMarkup(<SearchBox data={data} onSelect={noop} />);
    expect(html).toMatch(/role="search"/);
    expect(html).toMatch(/<input[^>]*role="combobox"[^>]*aria-expanded="false"[^>]*aria-controls="[^"]+"/);
    expect(html).toContain('data-testid="org-search"');
    expect(html).toMatch(/role="listbox"/);
    expect(html).toContain('Find an organization');
  });
});

describe('Inspector', () => {
  const html = renderToStaticMarkup(
    <Inspector data={data} orgId="x" onSelect={noop} onSelectGap={noop} onClose={noop} />,
  );
  it('renders every text from the data literally', () => {
    expect(html).toContain(`<h2 id="inspector-title" tabindex="-1" class="inspector-title">${ESCAPED}</h2>`);
    expect(html).not.toContain('<img');
  });
  it('never links to a javascript: website', () => {
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain('javascript:alert(1)');
  });
  it('shows kind, critical supplier, region and tier', () => {
    expect(html).toContain('data-testid="inspector"');
    expect(html).toContain('Critical supplier');
    expect(html).toContain('In the home region');
    expect(html).toMatch(/data-testid="inspector-tier">1 /);
  });
  it('offers a button per flagged gap', () => {
    expect(html).toMatch(/<button[^>]*data-capability="332710"[^>]*>Machine Shops<\/button>/);
    expect(html).toContain('flag flag-single-source');
  });
  it('lists suppliers and customers in sortable tables with selectable names', () => {
    expect(html).toMatch(/data-testid="inspector-suppliers"/);
    expect(html).toMatch(/aria-sort="descending"/);
    expect(html).toMatch(/<button[^>]*data-org-id="s"[^>]*>.*supplier<\/button>/);
    expect(html).toMatch(/<button[^>]*data-org-id="p"/);
    expect(html).toContain('<span class="relation-where">outside the region</span>');
  });
  it('has a named close button', () => {
    expect(html).toMatch(/<button[^>]*aria-label="Close details"/);
  });
  it('says so when the organization is not in the dataset', () => {
    const missing = renderToStaticMarkup(
      <Inspector data={data} orgId={XSS} onSelect={noop} onSelectGap={noop} onClose={noop} />,
    );
    expect(missing).toContain('Organization not found');
    expect(missing).not.toContain('<img');
  });
  it('links to an http(s) website', () => {
    const s = renderToStaticMarkup(
      <Inspector data={data} orgId="s" onSelect={noop} onSelectGap={noop} onClose={noop} />,
    );
    expect(s).toContain('href="https://s.example/"');
    expect(s).toContain('rel="noopener noreferrer nofollow"');
  });
});

describe('Inspector: what a closure would cost the primes', () => {
  // x is p's only source of machine shops ($1M a year) and s's only route to p.
  const graph = buildSupplyGraph(bundle, new Uint8Array(bundle.organizations.length));
  const risk = chokepointsOf(graph, 'x');
  const say = (orgId: string, given: readonly Chokepoint[] | null, view = data) =>
    renderToStaticMarkup(
      <Inspector data={view} orgId={orgId} onSelect={noop} onSelectGap={noop} onClose={noop} risk={given} />,
    );

  it('a chokepoint: one sentence per prime, as text', () => {
    expect(risk).toEqual([
      { prime: 'p', supplier: 'x', cutOff: ['s'], exposure: 1_000_000, capabilitiesLost: ['332710'] },
    ]);
    expect(say('x', risk)).toContain(
      `<p class="inspector-risk" data-testid="inspector-risk">If ${ESCAPED} closes, Big Prime loses Machine Shops, $1M/yr of its purchases and its only route to 1 supplier.</p>`,
    );
  });

  it('names four primes, then counts the rest', () => {
    const many = ['A', 'B', 'C', 'D', 'E', 'F'].map((prime) => ({
      prime,
      supplier: 'x',
      cutOff: [],
      exposure: 10,
      capabilitiesLost: [],
    }));
    expect(say('x', many)).toContain(
      `If ${ESCAPED} closes, A loses $10/yr of its purchases; B loses $10/yr of its purchases; C loses $10/yr of its purchases; D loses $10/yr of its purchases; and 2 more primes lose suppliers.`,
    );
  });

  it('no chokepoint, still asked, or not asked at all', () => {
    expect(say('s', [])).toContain(`No prime depends on ${ESCAPED} supplier alone`);
    expect(say('s', null)).toContain('data-testid="inspector-risk-pending"');
    expect(
      renderToStaticMarkup(
        <Inspector data={data} orgId="s" onSelect={noop} onSelectGap={noop} onClose={noop} />,
      ),
    ).not.toContain('inspector-risk');
  });

  it('a prime: how much of its own supply rests on single points of failure', () => {
    const resilience = {
      suppliers: [],
      total: 1,
      atRisk: 1_000_000,
      primes: primeResilience(graph),
      ms: 1,
      threads: 1 as const,
    };
    expect(say('p', null, { ...data, resilience })).toContain(
      `100% of Big Prime&#x27;s purchases ($1M/yr) come from suppliers it depends on alone; 1 capability has one route only; its deepest single dependency is ${ESCAPED}.`,
    );
  });
});
