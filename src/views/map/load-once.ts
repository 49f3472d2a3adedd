// One-per-page loads: the map's (the basemap's tile pack, the counties, the basemap as GeoJSON, the labels'
// font) and each picture view's code (src/app/view-code.ts).

/** A loader that runs `load` once and keeps its promise; a failure is not kept, so the next call tries again. */
export function loadOnce<P extends Promise<unknown>>(load: () => P): () => P {
  let kept: P | undefined;
  return () => {
    if (kept === undefined) {
      const loading = load();
      kept = loading;
      loading.catch(() => {
        if (kept === loading) kept = undefined;
      });
    }
    return kept;
  };
}
