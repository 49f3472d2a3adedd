// A typed array that keeps its identity while its contents stay the same: for memos that a new array with
// the same values (a recomputed membership, say) must not invalidate.
import { useRef } from 'react';

/** True when `a` and `b` hold the same values in the same order. */
export function sameContents(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `value`, or the array returned before when that one holds the same values. */
export function useSameContents<T extends ArrayLike<number>>(value: T): T {
  const kept = useRef(value);
  if (!sameContents(kept.current, value)) kept.current = value;
  return kept.current;
}
