import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { primeResilience, supplierRisks } from '../../analysis/chokepoints.ts';
import type { ResilienceOutcome } from '../../workers/protocol.ts';
import { analysedView, bundleWith } from '../derive/test-data.ts';
import { ResiliencePanel } from './ResiliencePanel.tsx';
import type { ResiliencePanelProps } from './ResiliencePanel.tsx';

const HT = '332811'; // Metal Heat Treating
const MS = '332710'; // Machine Shops
const XSS = '<img src=x onerror=alert(1)>';

// P buys heat treating from H (100) and O (300), machining from M1 alone (50); Q buys machining from M1 (20)
// and heat treating from H (10), each alone. So M1 is a single point of failure of both (70 a year), H of Q
// (10); nothing is cut off (no tier 2).
const bundle = bundleWith(
  [
    { id: 'P', kind: 'prime', name: 'Big Prime' },
    { id: 'Q', kind: 'prime', name: `Other Prime ${XSS}` },
    { id: 'H', name: 'Heat Co', naics: [HT] },
    { id: 'M1', name: 'Mach One', naics: [MS] },
    { id: 'O', name: 'Outer Heat', naics: [HT], inRegion: false },
  ],
  [
    ['H', 'P', HT, 100],
    ['O', 'P', HT, 300],
    ['M1', 'P', MS, 50],
    ['M1', 'Q', MS, 20],
    ['H', 'Q', HT, 10],
  ],
);
const { data, graph } = analysedView(bundle);
const ranked = supplierRisks(graph);
const outcome: ResilienceOutcome = {
  suppliers: ranked,
  total: ranked.length,
  atRisk: 80,
  primes: primeResilience(graph),
  ms: 1,
  threads: 1,
};

function render(overrides: Partial<ResiliencePanelProps> = {}) {
  return renderToStaticMarkup(
    <ResiliencePanel
      data={data}
      outcome={outcome}
      pending={false}
      error={null}
      selected={undefined}
      onSelectOrg={() => {}}
      {...overrides}
    />,
  );
}

/** The text of each body row of a table, cells joined by " | ". */
function rows(html: string, testId: string): string[] {
  const table = html.split(`data-testid="${testId}"`)[1]!.split('</table>')[0]!;
  const body = table.split(/<tbody[^>]*>/)[1]!;
  return body
    .split('</tr>')
    .slice(0, -1)
    .map((row) =>
      row
        .split(/<\/t[hd]>/)
        .slice(0, -1)
        .map((cell) => cell.replace(/<[^>]+>/g, '').trim())
        .join(' | '),
    );
}

describe('ResiliencePanel', () => {
  it('the fixture, by hand: M1 at risk for both primes, H for Q', () => {
    expect(ranked.map((r) => [r.supplier, r.exposure, r.primes, r.capabilitiesLost])).toEqual([
      ['M1', 70, ['P', 'Q'], [MS]],
      ['H', 10, ['Q'], [HT]],
    ]);
  });

  it('ranks the suppliers by dollars at risk, with the primes, capabilities, tier and region', () => {
    const html = render();
    expect(html).toContain('<strong>2 suppliers</strong> some prime depends on alone');
    expect(html).toContain('<strong>$80 a year</strong>');
    // Tier 1 from the analysis; M1 and H are in the region (county 00001), by the fixture.
    expect(rows(html, 'resilience-suppliers')).toEqual([
      `Mach One | $70 | 2Big Prime, Other Prime ${XSS.replace('<', '&lt;').replace('>', '&gt;')} | Machine Shops | 1 | 0 | yes`,
      `Heat Co | $10 | 1Other Prime ${XSS.replace('<', '&lt;').replace('>', '&gt;')} | Metal Heat Treating | 1 | 0 | yes`,
    ]);
    expect(html).not.toContain(XSS);
  });

  it('lists each prime: purchases, the share on single points, one-route capabilities, deepest dependency', () => {
    // P: 450 bought, 50 of it from M1 (11%); Q: 30, all of it (100%), two capabilities by one route each.
    // Largest share first by default.
    const html = render();
    const escaped = XSS.replace('<', '&lt;').replace('>', '&gt;');
    expect(rows(html, 'resilience-primes')).toEqual([
      `Other Prime ${escaped} | $30 | 100% ($30) | 2 | 2Machine Shops, Metal Heat Treating | direct: Heat Co`,
      'Big Prime | $450 | 11% ($50) | 1 | 1Machine Shops | direct: Mach One',
    ]);
  });

  it('says its figures are the baseline during a what-if', () => {
    const html = render({ removed: ['M1', 'X'], onRemove: () => {} });
    expect(html).toContain('These are the figures before the what-if (2 taken out).');
    // M1 is out already; H can be taken out.
    expect(html).toContain('taken out</td>');
    expect(html).toMatch(/<button[^>]*data-testid="resilience-remove" data-org="H"/);
    expect(html).not.toMatch(/data-testid="resilience-remove" data-org="M1"/);
    expect(render()).not.toContain('before the what-if');
  });

  it('keeps the order the link gives, and marks the selected supplier', () => {
    const html = render({ order: { column: 'prime', ascending: true }, selected: 'M1' });
    expect(rows(html, 'resilience-primes').map((r) => r.split(' | ')[0])).toEqual([
      'Big Prime',
      `Other Prime ${XSS.replace('<', '&lt;').replace('>', '&gt;')}`,
    ]);
    expect(html).toMatch(/<tr[^>]*class="is-selected"[^>]*>.*?Mach One/);
    expect(html).toContain('aria-pressed="true" data-org="M1"');
  });

  it('says it is working, or why it could not, or that no prime depends on one supplier', () => {
    expect(render({ outcome: null, pending: true })).toContain(
      'Finding the suppliers each prime depends on alone',
    );
    expect(
      render({ outcome: null, error: `The single points of failure could not be found: ${XSS}` }),
    ).toContain('could not be found: &lt;img');
    const none = render({ outcome: { ...outcome, suppliers: [], total: 0, atRisk: 0 } });
    expect(none).toContain('No prime depends on a single supplier');
    expect(none).not.toContain('data-testid="resilience-suppliers"');
  });
});
