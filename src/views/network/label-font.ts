// The font of the network's labels: the Noto Sans file the app ships (the map uses the same), loaded once
// through the FontFace API, so that labels look alike on every machine and screenshots are comparable.
import notoUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';

export const LABEL_FONT = 'Forgemap Noto Sans';

let loading: Promise<void> | null = null;
let loaded = false;

/** Whether the label font has been loaded (or failed to load: labels then use the fallback). */
export function labelFontLoaded(): boolean {
  return loaded;
}

/** Resolves once the label font is usable on canvases; never rejects (labels fall back to sans-serif). */
export function loadLabelFont(): Promise<void> {
  loading ??= (async () => {
    try {
      const face = new FontFace(LABEL_FONT, `url(${notoUrl})`);
      document.fonts.add(await face.load());
    } catch {
      // A missing font only changes the labels' look; the view works without it.
    }
    loaded = true;
  })();
  return loading;
}
