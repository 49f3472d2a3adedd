import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../state/route.ts';
import type { Filters } from '../../state/route.ts';
import { sameBytes, sameFilters, sameStrings } from './stable.ts';

const filters = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });

describe('sameStrings', () => {
  it.each([
    [[], [], true],
    [['a', 'b'], ['a', 'b'], true],
    [['a', 'b'], ['b', 'a'], false],
    [['a'], ['a', 'b'], false],
    [['a'], ['A'], false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(sameStrings(a, b)).toBe(expected);
  });
});

describe('sameFilters', () => {
  it('is true for equal filters in different objects', () => {
    const a = filters({ kinds: ['prime', 'support'], capabilities: ['332710'], minValue: 5000 });
    const b = filters({ kinds: ['prime', 'support'], capabilities: ['332710'], minValue: 5000 });
    expect(sameFilters(a, b)).toBe(true);
  });
  it.each([
    ['a kind', filters({ kinds: ['prime'] })],
    ['a capability', filters({ capabilities: ['332710'] })],
    ['a certification', filters({ certifications: ['AS9100'] })],
    ['the minimum value', filters({ minValue: 1 })],
  ])('is false when %s differs', (_what, other) => {
    expect(sameFilters(NO_FILTERS, other)).toBe(false);
  });
});

describe('sameBytes', () => {
  it.each([
    [[1, 0, 1], [1, 0, 1], true],
    [[1, 0, 1], [1, 1, 1], false],
    [[1, 0], [1, 0, 0], false],
    [[], [], true],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(sameBytes(Uint8Array.from(a), Uint8Array.from(b))).toBe(expected);
  });
});
