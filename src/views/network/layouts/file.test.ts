import { describe, expect, it } from 'vitest';
import { LAYOUT_BOX } from './box.ts';
import { fileLayout } from './file.ts';

describe('fileLayout', () => {
  it('keeps the file positions, scaled into the layout box around the origin', () => {
    // x spans 0…10 and y 0…5: the longer side (10) becomes LAYOUT_BOX, centred on (5, 2.5).
    const layout = fileLayout(
      [
        { key: 'a', id: 'a' },
        { key: 'b', id: 'b' },
        { key: 'c', id: 'c' },
      ],
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 10, y: 5 }],
        ['c', { x: 5, y: 2.5 }],
      ]),
    );
    const k = LAYOUT_BOX / 10;
    expect(layout).toEqual({ a: { x: -5 * k, y: -2.5 * k }, b: { x: 5 * k, y: 2.5 * k }, c: { x: 0, y: 0 } });
  });

  it('puts organizations the file did not place on a row below the others, by node key', () => {
    const layout = fileLayout(
      [
        { key: 'a', id: 'a' },
        { key: 'b', id: 'b' },
        { key: '\u0001toString', id: 'toString' },
      ],
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 4, y: 0 }],
      ]),
    );
    expect(Object.keys(layout).sort()).toEqual(['\u0001toString', 'a', 'b'].sort());
    expect(layout['\u0001toString']!.y).toBeLessThan(layout['a']!.y);
  });

  it('ignores non-finite positions', () => {
    const layout = fileLayout([{ key: 'a', id: 'a' }], new Map([['a', { x: Number.NaN, y: 1 }]]));
    expect(Number.isFinite(layout['a']!.x) && Number.isFinite(layout['a']!.y)).toBe(true);
  });
});
