import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../analysis/types.ts';
import { gapsFigure, matrixFigure } from './content.ts';
import { legendFigure, mapFigure, networkFigure, qrFigure, tableFigure } from './figures.ts';
import { MAX_QR_CHARS, briefingSvg } from './poster.ts';
import type { BriefingInput } from './poster.ts';
import { winAnsiSafe } from './pdf.ts';
import { STANDALONE_POLICY, standaloneHtml } from './standalone.ts';
import type { StandaloneInput } from './standalone.ts';

const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe('mapFigure', () => {
  it('draws the points inside the view and none outside, north up', () => {
    const figure = mapFigure({
      width: 200,
      height: 100,
      bounds: [-90, 40, -86, 42],
      points: [
        { lon: -88, lat: 41.5, color: '#f00' },
        { lon: -88, lat: 40.5, color: '#0f0' },
        { lon: -80, lat: 41, color: '#00f' }, // east of the view
      ],
    });
    expect(count(figure.body, /<circle /g)).toBe(2);
    const ys = [...figure.body.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    // The northern point is higher on the page.
    expect(ys[0]!).toBeLessThan(ys[1]!);
    expect(figure.body).not.toContain('#00f');
  });

  it('clips borders to the box', () => {
    const figure = mapFigure({
      width: 100,
      height: 100,
      bounds: [-90, 40, -86, 42],
      stateBorders: {
        type: 'MultiLineString',
        coordinates: [
          [
            [-100, 41],
            [-70, 41],
          ],
        ],
      },
      points: [],
    });
    const d = /<path d="([^"]+)" fill="none" stroke="#8b9099"/.exec(figure.body)![1]!;
    for (const value of d.match(/-?[\d.]+/g)!.map(Number)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });
});

describe('networkFigure', () => {
  it('fits the layout in the box with y up, one path for the edges, labels for the largest nodes, as text', () => {
    const figure = networkFigure({
      width: 100,
      height: 100,
      nodes: [
        { x: 0, y: 0, size: 10, color: '#111', label: 'Big <&> Co' },
        { x: 10, y: 10, size: 2, color: '#222', label: 'Small' },
        { x: 10, y: 0, size: 4, color: '#333' },
      ],
      edges: [
        [0, 1],
        [1, 2],
      ],
      maxLabels: 1,
    });
    expect(count(figure.body, /<circle /g)).toBe(3);
    expect(count(figure.body, /<path /g)).toBe(1);
    expect(count(figure.body, /M[\d.]+ [\d.]+L/g)).toBe(2);
    expect(figure.body).toContain('Big &lt;&amp;&gt; Co');
    expect(figure.body).not.toContain('>Small<');
    const cy = [...figure.body.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cy[1]!).toBeLessThan(cy[0]!);
  });
});

describe('tableFigure and legendFigure', () => {
  it('says how many rows were left out', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`row ${i}`]);
    const figure = tableFigure('T', 100, [{ header: 'A', width: 1 }], rows, 3);
    expect(figure.body).toContain('>row 2<');
    expect(figure.body).not.toContain('>row 3<');
    expect(figure.body).toContain('… and 2 more');
  });

  it('wraps legend entries that do not fit one line', () => {
    const one = legendFigure([{ color: '#000', label: 'Primes' }], 400);
    const wrapped = legendFigure(
      Array.from({ length: 6 }, (_, i) => ({ color: '#000', label: `Kind number ${i} with a long name` })),
      200,
    );
    expect(wrapped.height).toBeGreaterThan(one.height);
  });
});

describe('qrFigure', () => {
  it('draws the three finder patterns in the corners, inside a quiet zone', () => {
    const figure = qrFigure('https://forgemap.example/#/s:chicago/map', 100);
    const squares = [...figure.body.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)/g)].map((m) =>
      m.slice(1).map(Number),
    );
    const cell = squares[0]![2]!;
    const modules = Math.round(100 / cell) - 4;
    const dark = new Set(
      squares.map(([x, y]) => `${Math.round(x! / cell) - 2},${Math.round(y! / cell) - 2}`),
    );
    for (const [x, y] of [
      [0, 0],
      [modules - 1, 0],
      [0, modules - 1],
      [6, 6],
      [modules - 7, 6],
    ])
      expect(dark.has(`${x},${y}`), `${x},${y}`).toBe(true);
    // The quiet zone and the ring inside each finder pattern are light.
    expect(dark.has('1,1')).toBe(false);
    expect([...dark].every((key) => key.split(',').every((v) => Number(v) >= 0))).toBe(true);
  });
});

const analysis: AnalysisResult = {
  version: 1,
  region: 'home',
  gaps: [
    {
      capability: '332710',
      label: 'Machine Shops',
      flags: ['single-source'],
      demand: 7_654_321,
      demandLinks: 2,
      localValue: 0,
      importedValue: 7_654_321,
      leakage: 1,
      localSuppliers: 0,
      hhi: null,
      trainers: 0,
    },
  ],
  criticalSuppliers: [],
  criticalLinks: [],
  tiers: {},
  tierCounts: [],
  matrix: [
    { prime: 'p1', capability: '332710', inRegion: 0, outOfRegion: 1 },
    { prime: 'p2', capability: '332710', inRegion: 2, outOfRegion: 1 },
  ],
  regionOrganizations: 2,
};

describe('gapsFigure and matrixFigure', () => {
  it('gives dollars compact in a full copy and only as a band in a partner copy', () => {
    expect(gapsFigure(analysis, undefined, 500, 10).body).toContain('$7.7M');
    const partner = gapsFigure(analysis, { profile: 'partner' }, 500, 10).body;
    expect(partner).toContain('$1M–$10M');
    expect(partner).not.toContain('7.7');
  });

  it('counts suppliers per prime and capability, marking a single source', () => {
    const figure = matrixFigure(
      analysis,
      (id) => ({ p1: 'Alpha Prime', p2: 'Beta Prime' })[id] ?? id,
      () => 'Machining',
      400,
      10,
    )!;
    expect(figure.body).toContain('>0 / 1 !<');
    expect(figure.body).toContain('>2 / 1<');
    expect(figure.body.indexOf('Alpha Prime')).toBeLessThan(figure.body.indexOf('Beta Prime'));
    expect(
      matrixFigure(
        { ...analysis, matrix: [] },
        (id) => id,
        (id) => id,
        400,
        10,
      ),
    ).toBeNull();
  });
});

describe('briefingSvg', () => {
  const input = (overrides: Partial<BriefingInput> = {}): BriefingInput => ({
    title: 'Chicago <metal> & defense',
    region: 'Chicago Metro',
    asOf: '2026-01-01',
    source: 'Forgemap sample generator',
    synthetic: true,
    map: null,
    network: null,
    gaps: null,
    matrix: null,
    legend: legendFigure([{ color: '#000', label: 'Primes' }], 500),
    permalink: 'http://localhost/#/s:chicago/map?sel=p1',
    madeOn: '2026-12-05',
    ...overrides,
  });

  it('names the data, its date and source, says synthetic, and gives the link as text and QR code', () => {
    const svg = briefingSvg(input());
    expect(svg).toContain('Chicago &lt;metal&gt; &amp; defense');
    expect(svg).toContain('data as of 2026-01-01');
    expect(svg).toContain('Synthetic sample data, not real firms');
    expect(svg).toContain('>http://localhost/#/s:chicago/map?sel=p1<');
    expect(svg).toContain('Scan for this view');
    expect(svg).toContain('Open the map view to include the map');
    expect(svg).not.toContain('Partner view');
  });

  it('leads with the profile and marking of a shared copy', () => {
    const svg = briefingSvg(input({ sharing: { profile: 'partner', marking: 'Internal only' } }));
    expect(svg).toMatch(/Partner view: .* · Internal only</);
  });

  it('has no QR code for a link too long for one, and prints its start with its length', () => {
    const long = `http://localhost/#/z:${'a'.repeat(MAX_QR_CHARS + 10)}`;
    const svg = briefingSvg(input({ permalink: long, synthetic: false }));
    expect(svg).not.toContain('Scan for this view');
    expect(svg).toContain(`${long.length.toLocaleString('en-US')} characters in all`);
    expect(svg).not.toContain('Synthetic sample data');
    const none = briefingSvg(input({ permalink: null, permalinkNote: 'Too large to travel in a link.' }));
    expect(none).toContain('Too large to travel in a link.');
  });
});

describe('standaloneHtml', () => {
  const page = (overrides: Partial<StandaloneInput> = {}) =>
    standaloneHtml({
      title: 'Acme <script>alert(1)</script>',
      asOf: '2026-01-01',
      source: 'hand-made',
      synthetic: false,
      map: mapFigure({
        width: 100,
        height: 100,
        bounds: [-90, 40, -86, 42],
        points: [{ lon: -88, lat: 41, color: '#f00' }],
      }),
      network: null,
      legend: legendFigure([{ color: '#000', label: 'Primes' }], 300),
      gaps: {
        headers: ['Capability', 'Imported'],
        rows: Array.from({ length: 40 }, (_, i) => [`Cap ${i}`, '$1M']),
      },
      matrix: null,
      permalink: 'http://localhost/#/s:chicago/map',
      madeOn: '2026-12-05',
      ...overrides,
    });

  it('is one page that fetches nothing: its policy forbids requests, and it names no resource', () => {
    const text = page();
    expect(text).toContain(`content="${STANDALONE_POLICY}"`);
    expect(text).not.toMatch(/<script|\bsrc=|<link |url\(|@import/i);
    expect(text).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('holds the figures, the whole gap list, the link and its QR code, and the banner of a shared copy', () => {
    const text = page({ sharing: { profile: 'partner', marking: 'Internal only' } });
    expect(text.match(/<tr>/g)?.length).toBe(41);
    expect(text).toContain('<figcaption>Map</figcaption><svg');
    expect(text).toContain('The network was not shown when this copy was made.');
    expect(text).toContain('http://localhost/#/s:chicago/map');
    expect(text).toContain('aria-label="QR code of the link"');
    expect(text).toMatch(/class="banner" role="note">Partner view: .* · Internal only</);
    expect(page()).not.toContain('class="banner"');
  });
});

describe('winAnsiSafe', () => {
  it('keeps what the PDF font can draw and puts "?" for the rest, one per character', () => {
    expect(winAnsiSafe('Müller Präzision — “Nadcap” €5')).toBe('Müller Präzision — “Nadcap” €5');
    expect(winAnsiSafe('工厂 🏭 Ōsaka')).toBe('?? ? ?saka');
    expect(winAnsiSafe('tab\there')).toBe('tab?here');
  });
});
