import { describe, expect, it } from 'vitest';
import { markOnce, onceMarked } from './perf-marks.ts';

describe('onceMarked', () => {
  it('calls back once, on the first of its marks, and not before', () => {
    const calls: string[] = [];
    onceMarked(['t1-map', 't1-network'], () => calls.push('first picture'));
    markOnce('t1-other');
    expect(calls).toEqual([]);
    markOnce('t1-network');
    markOnce('t1-map');
    markOnce('t1-network');
    expect(calls).toEqual(['first picture']);
  });

  it('calls back at once when one of its marks was already made', () => {
    markOnce('t2-map');
    const calls: number[] = [];
    onceMarked(['t2-network', 't2-map'], () => calls.push(1));
    expect(calls).toEqual([1]);
    markOnce('t2-network');
    expect(calls).toEqual([1]);
  });
});
