// What a map needs before it can draw, fetched as the page loads when the app opens on a map (or the split
// view), so that it is there when the map is made instead of being asked for then: the basemap's tiles and
// the counties (the camera fits the home region with them before any tile is drawn), the labels' font, and
// whether WebGL draws on the CPU here (a throwaway WebGL context, ~20 ms, made while the page waits for its
// scripts rather than when the dataset is in).
import { loadBasemapPack } from './basemap-tiles.ts';
import { loadMapFont } from './map-font.ts';
import { countyShapes } from './controllers/useCounties.ts';
import { isSoftwareGl } from './gl-context.ts';

export function warmMap(): void {
  // A failure here is reported where the map asks again (its tiles, its counties).
  loadBasemapPack().catch(() => undefined);
  countyShapes().catch(() => undefined);
  loadMapFont().catch(() => undefined);
  isSoftwareGl();
}
