// A device setting (state/preferences.ts) as React state shared by every component that reads it: a change
// in one view shows at once in the others (the map's and the network's legends in the split view), and
// lasts for the page even where the device keeps no settings.
import { useCallback, useSyncExternalStore } from 'react';
import { readPreference, writePreference } from '../state/preferences.ts';
import type { Preferences } from '../state/preferences.ts';

const listeners = new Set<() => void>();
/** Values set during this page's life (the device may refuse to keep them). */
const current: Partial<Preferences> = {};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePreference<K extends keyof Preferences>(
  key: K,
): [Preferences[K], (value: Preferences[K]) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => (current[key] as Preferences[K] | undefined) ?? readPreference(key),
  );
  const set = useCallback(
    (next: Preferences[K]) => {
      if (((current[key] as Preferences[K] | undefined) ?? readPreference(key)) === next) return;
      current[key] = next;
      writePreference(key, next);
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, set];
}
