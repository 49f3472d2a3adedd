import { describe, expect, it } from 'vitest';
import { clampActive, comboboxKey } from './combobox-state.ts';

const closed = { open: false, active: -1 };
const at = (active: number) => ({ open: true, active });

describe('comboboxKey', () => {
  it.each([
    [
      'ArrowDown opens a closed list on the first option',
      closed,
      'ArrowDown',
      3,
      { type: 'move', state: at(0) },
    ],
    ['ArrowDown moves down', at(0), 'ArrowDown', 3, { type: 'move', state: at(1) }],
    ['ArrowDown wraps to the top', at(2), 'ArrowDown', 3, { type: 'move', state: at(0) }],
    ['ArrowUp opens a closed list on the last option', closed, 'ArrowUp', 3, { type: 'move', state: at(2) }],
    ['ArrowUp moves up', at(2), 'ArrowUp', 3, { type: 'move', state: at(1) }],
    ['ArrowUp wraps to the bottom', at(0), 'ArrowUp', 3, { type: 'move', state: at(2) }],
    [
      'ArrowDown on an empty list has nothing to highlight',
      closed,
      'ArrowDown',
      0,
      { type: 'move', state: at(-1) },
    ],
    [
      'Enter picks the active option and closes',
      at(1),
      'Enter',
      3,
      { type: 'pick', index: 1, state: closed },
    ],
    ['Enter on a closed list does nothing', closed, 'Enter', 3, { type: 'none' }],
    ['Enter without an active option does nothing', at(-1), 'Enter', 3, { type: 'none' }],
    ['Escape closes an open list', at(1), 'Escape', 3, { type: 'move', state: closed }],
    ['other keys are left to the input', at(1), 'a', 3, { type: 'none' }],
  ] as const)('%s', (_name, state, key, count, expected) => {
    expect(comboboxKey(state, key, count, true)).toEqual(expected);
  });
  it('Escape on a closed list clears the text, or does nothing without text', () => {
    expect(comboboxKey(closed, 'Escape', 3, true)).toEqual({ type: 'clear', state: closed });
    expect(comboboxKey(closed, 'Escape', 3, false)).toEqual({ type: 'none' });
  });
  it('Enter keeps the list open when asked to', () => {
    expect(comboboxKey(at(2), 'Enter', 3, true, false)).toEqual({ type: 'pick', index: 2, state: at(2) });
  });
  it('an active index past a shrunken list is clamped first', () => {
    expect(comboboxKey(at(9), 'ArrowDown', 3, true)).toEqual({ type: 'move', state: at(0) });
    expect(comboboxKey(at(9), 'Enter', 3, true)).toEqual({ type: 'pick', index: 2, state: closed });
  });
});

describe('clampActive', () => {
  it.each([
    [5, 3, 2],
    [1, 3, 1],
    [-1, 3, -1],
    [0, 0, -1],
  ])('%s in a list of %s is %s', (active, count, expected) => {
    expect(clampActive(active, count)).toBe(expected);
  });
});
