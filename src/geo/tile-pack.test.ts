import { describe, expect, it } from 'vitest';
import { decodeTilePack, encodeTilePack } from './tile-pack.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const meta = { minzoom: 0, maxzoom: 2, bounds: [-10, -5, 10, 5] as [number, number, number, number] };

/** The pack's bytes as a buffer of their own (as a fetch gives them). */
const buffer = (pack: Uint8Array) => pack.slice().buffer;

describe('tile packs', () => {
  it('give back each tile’s bytes, and null for a tile they do not hold', () => {
    const pack = decodeTilePack(
      buffer(
        encodeTilePack(meta, [
          { z: 0, x: 0, y: 0, data: bytes(1, 2, 3) },
          { z: 1, x: 1, y: 0, data: bytes() },
          { z: 2, x: 3, y: 1, data: bytes(9, 8) },
        ]),
      ),
    );
    expect([...pack.tile(0, 0, 0)!]).toEqual([1, 2, 3]);
    expect([...pack.tile(1, 1, 0)!]).toEqual([]);
    expect([...pack.tile(2, 3, 1)!]).toEqual([9, 8]);
    expect(pack.tile(1, 0, 0)).toBeNull();
    expect(pack.tile(2, 1, 3)).toBeNull();
    expect(pack.index).toMatchObject({ version: 1, ...meta });
    expect(pack.index.tiles).toHaveLength(3);
  });

  it('say what is wrong with bytes that are not a whole pack', () => {
    expect(() => decodeTilePack(buffer(bytes(1, 2, 3)))).toThrow(/not a tile pack/);
    const whole = encodeTilePack(meta, [{ z: 0, x: 0, y: 0, data: bytes(1, 2, 3, 4) }]);
    expect(() => decodeTilePack(buffer(whole.subarray(0, 12)))).toThrow(/index is incomplete/);
    expect(() => decodeTilePack(buffer(whole.subarray(0, whole.length - 1)))).toThrow(/tile 0\/0\/0/);
  });
});
