// Named moments of the app's start, as User Timing marks (`forgemap:<name>`), each the first time only:
// the browser bench reads them to say where the time to a first picture goes. Free when nobody reads them.
const marked = new Set<string>();

export function markOnce(name: string): void {
  if (marked.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function')
    return;
  marked.add(name);
  performance.mark(`forgemap:${name}`);
}
