import { describe, expect, it } from 'vitest';
import { fitToBox, frameAround, LAYOUT_BOX } from './box.ts';
import type { LayoutPositions } from './box.ts';

describe('fitToBox', () => {
  it.each<[string, LayoutPositions, number | undefined, LayoutPositions]>([
    ['keeps an empty layout empty', {}, undefined, {}],
    ['puts a single point at the origin', { a: { x: 7, y: -3 } }, undefined, { a: { x: 0, y: 0 } }],
    [
      // Span 2 (x) → scale 500; centre (1, 0.5).
      'scales the longer side to the box and keeps the aspect ratio',
      { a: { x: 0, y: 0 }, b: { x: 2, y: 1 } },
      undefined,
      { a: { x: -500, y: -250 }, b: { x: 500, y: 250 } },
    ],
    [
      // Span 4 (y) → scale 250; centre of the bounding box (−9.5, 0), not the mean of the points.
      'uses the taller side when it is the longer, centring the bounding box',
      { a: { x: -10, y: -2 }, b: { x: -10, y: 2 }, c: { x: -9, y: 0 } },
      undefined,
      { a: { x: -125, y: -500 }, b: { x: -125, y: 500 }, c: { x: 125, y: 0 } },
    ],
    [
      'fits into another side length when asked',
      { a: { x: 0, y: 0 }, b: { x: 4, y: 0 } },
      10,
      { a: { x: -5, y: 0 }, b: { x: 5, y: 0 } },
    ],
    [
      'puts identical points all at the origin',
      { a: { x: 3, y: 3 }, b: { x: 3, y: 3 } },
      undefined,
      { a: { x: 0, y: 0 }, b: { x: 0, y: 0 } },
    ],
  ])('%s', (_name, positions, side, expected) => {
    expect(fitToBox(positions, side)).toEqual(expected);
  });

  it('does not change its input', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 2, y: 0 } };
    fitToBox(positions);
    expect(positions).toEqual({ a: { x: 0, y: 0 }, b: { x: 2, y: 0 } });
  });

  it('has a 1000 box by default', () => {
    expect(LAYOUT_BOX).toBe(1000);
  });
});

describe('frameAround', () => {
  const at: LayoutPositions = { a: { x: 0, y: 0 }, b: { x: 100, y: 40 }, far: { x: 900, y: -500 } };

  it('frames the keys given, padded by a tenth of their size each way, whatever else lies around', () => {
    // Width 100 → 10 each side; height 40 → 4 each side.
    expect(frameAround(at, ['a', 'b'])).toEqual({ x: [-10, 110], y: [-4, 44] });
  });

  it('gives a lone point or a street-wide cluster a minimum span, and nothing for keys without a place', () => {
    expect(frameAround(at, ['a'], 0.1, 20)).toEqual({ x: [-10, 10], y: [-10, 10] });
    expect(frameAround(at, ['nowhere'])).toBeNull();
    expect(frameAround(at, [])).toBeNull();
  });
});
