// Loads the large reference tables on demand (reference-files.ts: static files of the app's origin in the
// browser, files on disk under Node) into what the analysis needs.
import { loadCountyTopology, referenceFile } from './reference-files.ts';
import { parseNaicsTable } from '../io/reference-schemas.ts';
import type { ReferenceLoaders } from './analysis-engine.ts';

export const referenceLoaders: ReferenceLoaders = {
  async naicsTitles() {
    return parseNaicsTable(await referenceFile('naics')).value?.rows ?? {};
  },
  async countyAt() {
    // The indexes' code loads with their data: the page needs neither at start.
    const { createCountyIndex } = await import('../geo/county-index.ts');
    const index = createCountyIndex(await loadCountyTopology());
    return (lon, lat) => index.countyAt(lon, lat);
  },
  async countyOfZip() {
    const { createZipGeocoder } = await import('../geo/zip-geocoder.ts');
    const { geocoder } = createZipGeocoder(await referenceFile('zips'));
    return (zip) => geocoder.lookup(zip)?.county ?? null;
  },
};
