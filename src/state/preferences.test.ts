import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPreference, writePreference } from './preferences.ts';

/** A Map-backed stand-in for localStorage (the unit tests run in Node, which has none). */
function fakeStorage(failing = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (failing) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preferences', () => {
  it('gives the default where there is no storage, and writing reports that nothing was kept', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(readPreference('mapResolution')).toBe('fast');
    expect(writePreference('mapResolution', 'sharp')).toBe(false);
  });

  it('keeps a written value under a prefixed key', () => {
    const store = fakeStorage();
    vi.stubGlobal('localStorage', store);
    expect(writePreference('mapResolution', 'sharp')).toBe(true);
    expect(store.getItem('forgemap:mapResolution')).toBe('sharp');
    expect(readPreference('mapResolution')).toBe('sharp');
    // Each setting has its own key and default.
    expect(readPreference('mapResolutionNote')).toBe('shown');
    writePreference('mapResolutionNote', 'dismissed');
    expect(readPreference('mapResolutionNote')).toBe('dismissed');
    expect(readPreference('mapResolution')).toBe('sharp');
  });

  it('ignores a stored value that is not one of the allowed ones', () => {
    const store = fakeStorage();
    store.setItem('forgemap:mapResolution', '<script>');
    vi.stubGlobal('localStorage', store);
    expect(readPreference('mapResolution')).toBe('fast');
  });

  it('does not throw when storage refuses the write', () => {
    vi.stubGlobal('localStorage', fakeStorage(true));
    expect(writePreference('mapResolution', 'sharp')).toBe(false);
    expect(readPreference('mapResolution')).toBe('fast');
  });
});
