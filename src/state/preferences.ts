// Settings that belong to this device rather than to a shared view (so they are not in the permalink):
// kept in localStorage under one key each. Storage may be missing or refuse writes (private windows,
// locked-down desktops): then the default holds and nothing throws.

const PREFIX = 'forgemap:';

export interface Preferences {
  /** How finely the map draws where WebGL runs without a GPU (see views/map/render-scale.ts). */
  mapResolution: 'fast' | 'sharp';
  /** Whether the note saying so is still shown (the legend keeps the choice either way). */
  mapResolutionNote: 'shown' | 'dismissed';
  /** Whether the map's and the network's legends are open or collapsed (one choice for both). */
  legend: 'open' | 'collapsed';
  /** The first-time hint of what to do: shown until dismissed once. */
  firstHint: 'shown' | 'dismissed';
}

const DEFAULTS: Preferences = {
  mapResolution: 'fast',
  mapResolutionNote: 'shown',
  legend: 'open',
  firstHint: 'shown',
};
const ALLOWED: { [K in keyof Preferences]: readonly Preferences[K][] } = {
  mapResolution: ['fast', 'sharp'],
  mapResolutionNote: ['shown', 'dismissed'],
  legend: ['open', 'collapsed'],
  firstHint: ['shown', 'dismissed'],
};

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readPreference<K extends keyof Preferences>(key: K): Preferences[K] {
  let stored: string | null;
  try {
    stored = storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    stored = null;
  }
  const allowed: readonly string[] = ALLOWED[key];
  return stored !== null && allowed.includes(stored) ? (stored as Preferences[K]) : DEFAULTS[key];
}

/** Saves the setting; false when this device keeps no settings (the change then lasts for the page). */
export function writePreference<K extends keyof Preferences>(key: K, value: Preferences[K]): boolean {
  try {
    const store = storage();
    if (store === null) return false;
    store.setItem(PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}
