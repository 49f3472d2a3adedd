import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MatrixCell } from '../../analysis/types.ts';
import { analysedView, bundleWith, testLabel } from '../derive/test-data.ts';
import { DependencyMatrix, matrixLayout } from './DependencyMatrix.tsx';

const HT = '332811'; // Metal Heat Treating
const MS = '332710'; // Machine Shops
const XSS = '<img src=x onerror=alert(1)>';

// P buys heat treating from H (in) and O (out), machining from M1; Q buys both from one supplier each.
function fixture() {
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
  const { data, result } = analysedView(bundle);
  return { data, cells: result.matrix };
}

const cell = (prime: string, capability: string, inRegion: number, outOfRegion: number): MatrixCell => ({
  prime,
  capability,
  inRegion,
  outOfRegion,
});
const names: Record<string, string> = { P: 'Big Prime', Q: 'Other Prime' };
const name = (id: string) => names[id] ?? id;

describe('matrixLayout', () => {
  const cells = [cell('P', HT, 1, 1), cell('P', MS, 1, 0), cell('Q', HT, 1, 0), cell('Q', MS, 1, 0)];

  it('counts single-source cells per prime and sorts primes by them, most first', () => {
    const layout = matrixLayout(cells, undefined, name, testLabel, {
      rows: 'single-source',
      columns: 'label',
    });
    expect(layout.rows.map((r) => [r.prime, r.singleSource])).toEqual([
      ['Q', 2],
      ['P', 1],
    ]);
  });

  it('sorts primes by name and capabilities by label', () => {
    const layout = matrixLayout(cells, undefined, name, testLabel, { rows: 'name', columns: 'label' });
    expect(layout.rows.map((r) => r.name)).toEqual(['Big Prime', 'Other Prime']);
    expect(layout.columns.map((c) => c.label)).toEqual(['Machine Shops', 'Metal Heat Treating']);
  });

  it('sorts capabilities by the number of primes buying them, most first', () => {
    const layout = matrixLayout([...cells, cell('R', HT, 0, 2)], undefined, name, testLabel, {
      rows: 'name',
      columns: 'primes',
    });
    expect(layout.columns.map((c) => [c.capability, c.primes])).toEqual([
      [HT, 3],
      [MS, 2],
    ]);
  });

  it('shows baseline cells missing from the current matrix as lost, not single-source', () => {
    const current = [cell('P', HT, 0, 1), cell('P', MS, 1, 0), cell('Q', MS, 1, 0)];
    const layout = matrixLayout(current, cells, name, testLabel, { rows: 'single-source', columns: 'label' });
    expect(layout.cells.get(`Q\u0000${HT}`)).toMatchObject({ lost: true, inRegion: 0, outOfRegion: 0 });
    // P: heat treating now from O alone and machining from M1 alone → 2; Q: machining only → 1.
    expect(layout.rows.map((r) => [r.prime, r.singleSource])).toEqual([
      ['P', 2],
      ['Q', 1],
    ]);
  });

  it('keeps the largest rows and columns over the limits and says how many are hidden', () => {
    const layout = matrixLayout(
      cells,
      undefined,
      name,
      testLabel,
      { rows: 'name', columns: 'label' },
      { rows: 1, columns: 1 },
    );
    expect(layout.hiddenRows).toBe(1);
    expect(layout.hiddenColumns).toBe(1);
  });
});

describe('DependencyMatrix', () => {
  const { data, cells } = fixture();
  const html = renderToStaticMarkup(<DependencyMatrix data={data} cells={cells} onRemove={() => {}} />);
  const buttons = [...html.matchAll(/<button [^>]*data-testid="matrix-cell"[^>]*>[\s\S]*?<\/button>/g)].map(
    (m) => m[0],
  );
  const attr = (button: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(button)?.[1];

  it('has one button per (prime, capability) cell with the in · out supplier counts', () => {
    expect(buttons).toHaveLength(4);
    const byCell = Object.fromEntries(
      buttons.map((b) => [
        `${attr(b, 'data-prime')}/${attr(b, 'data-capability')}`,
        [attr(b, 'data-state'), /matrix-numbers">([^<]*)</.exec(b)?.[1]],
      ]),
    );
    expect(byCell).toEqual({
      [`P/${HT}`]: ['multi', '1 · 1'],
      [`P/${MS}`]: ['single', '1 · 0'],
      [`Q/${HT}`]: ['single', '1 · 0'],
      [`Q/${MS}`]: ['single', '1 · 0'],
    });
  });

  it('marks single-source cells with text, not only colour', () => {
    for (const button of buttons) {
      expect(button.includes('⚠ single')).toBe(attr(button, 'data-state') === 'single');
    }
    expect(buttons.find((b) => attr(b, 'data-prime') === 'Q')).toMatch(/aria-label="[^"]*: single source"/);
  });

  it('lists the prime with most single-source cells first, and names rows as text', () => {
    const rows = [...html.matchAll(/data-testid="matrix-row" data-prime="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['Q', 'P']);
    expect(html).toContain('Other Prime &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('puts exactly one cell in the tab order and offers a remove button per prime', () => {
    expect(buttons.filter((b) => b.includes('tabindex="0"'))).toHaveLength(1);
    expect(html.match(/data-testid="matrix-remove-prime"/g)).toHaveLength(2);
  });

  it('has sort controls for rows and columns', () => {
    expect(html).toMatch(/<select[^>]*data-testid="matrix-sort-rows"/);
    expect(html).toMatch(/<select[^>]*data-testid="matrix-sort-columns"/);
  });

  it('says so when no prime buys anything', () => {
    const empty = renderToStaticMarkup(<DependencyMatrix data={data} cells={[]} />);
    expect(empty).toContain('No prime buys anything');
  });
});
