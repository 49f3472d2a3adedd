// Keeps a value's identity while its contents stay the same, so that memos and effects keyed on it do not
// rerun. The route is decoded afresh from the URL on every change (a camera move too), which gives new
// filter and list objects each time even when they say the same thing.
import { useEffect, useRef } from 'react';
import type { Filters } from '../../state/route.ts';

/** Same strings in the same order. */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same kinds, capabilities and certifications (each in the same order) and the same minimum value. */
export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a === b ||
    (a.minValue === b.minValue &&
      a.years?.from === b.years?.from &&
      a.years?.to === b.years?.to &&
      sameStrings(a.kinds, b.kinds) &&
      sameStrings(a.capabilities, b.capabilities) &&
      sameStrings(a.certifications, b.certifications))
  );
}

/** Same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `value`, or the value of an earlier render when `same` says they are equal (that one keeps its identity). */
export function useStable<T>(value: T, same: (a: T, b: T) => boolean): T {
  const previous = useRef(value);
  const stable = same(previous.current, value) ? previous.current : value;
  useEffect(() => {
    previous.current = stable;
  }, [stable]);
  return stable;
}
