// The map's label font (the shipped Noto Sans woff2), fetched once and given to MapLibre through the
// `forgemap-font:` protocol: a start on the map fetches it with the basemap (warm.ts), so that the first
// labels (the clusters' counts, the county names) do not wait for the font to be asked for and come.
import type { addProtocol } from 'maplibre-gl';
import notoUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { loadOnce } from './load-once.ts';

export const FONT_PROTOCOL = 'forgemap-font';
/** The URL the style's `font-faces` gives its font. */
export const MAP_FONT_URL = `${FONT_PROTOCOL}://noto-sans`;

/** The font file, fetched on the first call. */
export const loadMapFont: () => Promise<ArrayBuffer> = loadOnce(async () => {
  const response = await fetch(notoUrl);
  if (!response.ok) throw new Error(`The map's font could not be loaded (${response.status}).`);
  return response.arrayBuffer();
});

let registered = false;

/** Lets MapLibre read MAP_FONT_URL (once per page), with MapLibre's own `addProtocol`. */
export function registerFontProtocol(add: typeof addProtocol): void {
  if (registered) return;
  registered = true;
  add(FONT_PROTOCOL, async (params) => {
    if (params.url !== MAP_FONT_URL) throw new Error(`Not the map's font: ${params.url}`);
    // A copy: the buffer MapLibre is given may be moved elsewhere.
    return { data: (await loadMapFont()).slice(0) };
  });
}
