// Loads the large reference tables on demand, by dynamic import: they become separate files served from
// the app's origin in the browser, and plain JSON modules under Node (CLI, tests).
import { createCountyIndex } from '../geo/county-index.ts';
import { loadCountyTopology } from '../geo/us-atlas.ts';
import { createZipGeocoder } from '../geo/zip-geocoder.ts';
import { parseNaicsTable } from '../io/reference-schemas.ts';
import type { ReferenceLoaders } from './analysis-engine.ts';

export const referenceLoaders: ReferenceLoaders = {
  async naicsTitles() {
    const module: { default: unknown } = await import('../../data/reference/naics2017.json');
    return parseNaicsTable(module.default).value?.rows ?? {};
  },
  async countyAt() {
    const index = createCountyIndex(await loadCountyTopology());
    return (lon, lat) => index.countyAt(lon, lat);
  },
  async countyOfZip() {
    const module: { default: unknown } = await import('../../data/reference/zips.json');
    const { geocoder } = createZipGeocoder(module.default);
    return (zip) => geocoder.lookup(zip)?.county ?? null;
  },
};
