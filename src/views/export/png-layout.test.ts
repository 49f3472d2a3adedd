import { describe, expect, it } from 'vitest';
import type { MeasureText } from './png-layout.ts';
import { layoutPng, pngCaption, truncateText, wrapText } from './png-layout.ts';

/** One pixel per code point at 1 px: easy to count by hand. */
const perChar: MeasureText = (text, fontPx) => Array.from(text).length * fontPx;
/** Half the font size per code point, roughly a real sans-serif. */
const halfEm: MeasureText = (text, fontPx) => Array.from(text).length * fontPx * 0.5;

describe('wrapText', () => {
  it('fills lines word by word up to the width', () => {
    expect(wrapText('the quick brown fox', 10, 1, perChar)).toEqual(['the quick', 'brown fox']);
  });
  it('keeps a line that fits exactly', () => {
    expect(wrapText('abc de', 6, 1, perChar)).toEqual(['abc de']);
  });
  it('breaks a word longer than a line between characters', () => {
    expect(wrapText('abcdefghijkl', 5, 1, perChar)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('to https://x.example/abcdefgh', 8, 1, perChar)).toEqual([
      'to',
      'https://',
      'x.exampl',
      'e/abcdef',
      'gh',
    ]);
  });
  it('keeps explicit line breaks and collapses runs of spaces', () => {
    expect(wrapText('a  b\nc\r\nd\n', 10, 1, perChar)).toEqual(['a b', 'c', 'd']);
  });
  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10, 1, perChar)).toEqual(['']);
  });
  it('measures at the given font size', () => {
    expect(wrapText('aa bb', 8, 2, perChar)).toEqual(['aa', 'bb']);
  });
});

describe('truncateText', () => {
  it('leaves text that fits alone', () => {
    expect(truncateText('Prime', 5, 1, perChar)).toBe('Prime');
  });
  it('cuts with an ellipsis that fits too', () => {
    expect(truncateText('Training provider', 12, 1, perChar)).toBe('Training pr…');
    expect(truncateText('ab cdef', 4, 1, perChar)).toBe('ab…');
  });
  it('never splits a surrogate pair', () => {
    expect(truncateText('🏭🏭🏭🏭', 3, 1, perChar)).toBe('🏭🏭…');
  });
  it('gives only the ellipsis when nothing else fits', () => {
    expect(truncateText('abc', 1, 1, perChar)).toBe('…');
  });
});

describe('layoutPng', () => {
  const legend = [
    { color: '#c2410c', label: 'Prime' },
    { color: '#2563eb', label: 'Manufacturer', shape: 'line' as const },
  ];

  it('puts the image on top, one legend row below it, then the caption', () => {
    const layout = layoutPng({
      imageWidth: 200,
      imageHeight: 100,
      legend,
      caption: 'aa bb',
      measure: halfEm,
    });
    expect(layout.image).toEqual({ x: 0, y: 0, width: 200, height: 100 });
    // Padding 12, row height 22: rows are centred at 100 + 12 + 11.
    expect(layout.legend).toEqual({
      x: 0,
      y: 100,
      width: 200,
      height: 46,
      rows: [
        {
          swatch: { x: 12, y: 117, size: 12 },
          textX: 30,
          textY: 123,
          label: 'Prime',
          color: '#c2410c',
          shape: 'dot',
        },
        // 12 + (12 + 6 + ceil(5 × 6.5)) + 18 = 81.
        {
          swatch: { x: 81, y: 117, size: 12 },
          textX: 99,
          textY: 123,
          label: 'Manufacturer',
          color: '#2563eb',
          shape: 'line',
        },
      ],
    });
    expect(layout.caption).toEqual({
      x: 0,
      y: 146,
      width: 200,
      height: 36,
      lines: [{ text: 'aa bb', x: 12, y: 161 }],
    });
    expect(layout.width).toBe(200);
    expect(layout.height).toBe(182);
  });

  it('wraps legend entries to a new row and truncates a label too long for any row', () => {
    const layout = layoutPng({
      imageWidth: 120,
      imageHeight: 100,
      legend: [...legend, { color: '#15803d', label: 'Training provider' }],
      caption: '',
      measure: halfEm,
    });
    const rows = layout.legend!.rows;
    expect(rows.map((r) => [r.label, r.swatch.x, r.textY])).toEqual([
      ['Prime', 12, 123],
      ['Manufacturer', 12, 145],
      ['Training pr…', 12, 167],
    ]);
    expect(layout.legend!.height).toBe(24 + 3 * 22);
  });

  it('wraps the caption to the width inside the padding', () => {
    const layout = layoutPng({
      imageWidth: 124,
      imageHeight: 10,
      legend: [],
      caption: 'Forgemap map: Chicago. Data as of 2026-01-01.',
      measure: (text) => Array.from(text).length * 5,
    });
    // 100 px inside the padding = 20 characters a line.
    expect(layout.caption.lines.map((l) => l.text)).toEqual([
      'Forgemap map:',
      'Chicago. Data as of',
      '2026-01-01.',
    ]);
    expect(layout.legend).toBeNull();
    // Without a legend the caption gets the full padding on top: 10 + 12 + 9.
    expect(layout.caption.lines.map((l) => l.y)).toEqual([31, 49, 67]);
    expect(layout.height).toBe(10 + 12 + 12 + 3 * 18);
  });

  it('scales fonts, swatches and spacing with the pixel ratio', () => {
    const layout = layoutPng({
      imageWidth: 400,
      imageHeight: 200,
      legend,
      caption: 'x',
      measure: halfEm,
      scale: 2,
    });
    expect(layout.fontPx).toEqual({ legend: 26, caption: 26 });
    expect(layout.legend!.rows[0]!.swatch).toEqual({ x: 24, y: 234, size: 24 });
    expect(layout.legend!.height).toBe(92);
  });
});

describe('pngCaption', () => {
  const meta = { title: 'Chicago Metro Metal', asOf: '2026-01-01', source: 'Forgemap sample generator' };

  it('names the view, the data and its date, and says when the data is synthetic', () => {
    expect(pngCaption({ meta: { ...meta, synthetic: true }, view: 'Network', region: 'Chicago IMCP' })).toBe(
      'Forgemap network: Chicago Metro Metal, Chicago IMCP. Data as of 2026-01-01. Synthetic sample data, not real firms. Source: Forgemap sample generator.',
    );
  });

  it("leads with the shared copy's profile and marking line", () => {
    const caption = pngCaption({
      meta: { ...meta, synthetic: false, sharing: { profile: 'partner', marking: 'Internal only' } },
      view: 'Map',
    });
    expect(caption).toMatch(
      /^Partner view: dollar values are shown as the lower bound of their band .* · Internal only\. Forgemap map:/,
    );
  });

  it('says nothing about synthetic data for real data, and adds an attribution', () => {
    expect(
      pngCaption({
        meta: { ...meta, synthetic: false },
        view: 'Map',
        attribution: 'Boundaries: US Census Bureau',
      }),
    ).toBe(
      'Forgemap map: Chicago Metro Metal. Data as of 2026-01-01. Source: Forgemap sample generator. Boundaries: US Census Bureau.',
    );
  });
});
