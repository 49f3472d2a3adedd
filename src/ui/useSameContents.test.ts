import { describe, expect, it } from 'vitest';
import { sameContents } from './useSameContents.ts';

describe('sameContents', () => {
  it('compares values in order, not identity', () => {
    expect(sameContents(Uint8Array.of(0, 1, 0), Uint8Array.of(0, 1, 0))).toBe(true);
    expect(sameContents(Uint8Array.of(0, 1, 0), Uint8Array.of(0, 0, 1))).toBe(false);
    expect(sameContents(Uint8Array.of(0, 1), Uint8Array.of(0, 1, 0))).toBe(false);
    expect(sameContents(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
