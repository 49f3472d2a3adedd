// Named moments of the app's start, as User Timing marks (`forgemap:<name>`), each the first time only:
// the browser bench reads them to say where the time to a first picture goes, and work that must not compete
// with the first picture (the offline precache) waits for one. Free when nobody reads them.
const marked = new Set<string>();
const waiting = new Map<string, (() => void)[]>();

export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function')
    performance.mark(`forgemap:${name}`);
  const callbacks = waiting.get(name) ?? [];
  waiting.delete(name);
  for (const callback of callbacks) callback();
}

/** Calls `callback` once, when the first of `names` is marked (at once if one already was). */
export function onceMarked(names: readonly string[], callback: () => void): void {
  if (names.some((name) => marked.has(name))) {
    callback();
    return;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    callback();
  };
  for (const name of names) waiting.set(name, [...(waiting.get(name) ?? []), once]);
}
