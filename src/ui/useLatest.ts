// The newest value of a prop for listeners registered once (a map's, sigma's or the page's), which must
// call the newest callback without being registered again on every render.
import { useEffect, useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
