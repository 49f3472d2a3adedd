// Loads the large reference tables on demand (reference-files.ts: static files of the app's origin in the
// browser, files on disk under Node) into what the analysis needs.
import { createCountyIndex } from '../geo/county-index.ts';
import { loadCountyTopology, referenceFile } from './reference-files.ts';
import { createZipGeocoder } from '../geo/zip-geocoder.ts';
import { parseNaicsTable } from '../io/reference-schemas.ts';
import type { ReferenceLoaders } from './analysis-engine.ts';

export const referenceLoaders: ReferenceLoaders = {
  async naicsTitles() {
    return parseNaicsTable(await referenceFile('naics')).value?.rows ?? {};
  },
  async countyAt() {
    const index = createCountyIndex(await loadCountyTopology());
    return (lon, lat) => index.countyAt(lon, lat);
  },
  async countyOfZip() {
    const { geocoder } = createZipGeocoder(await referenceFile('zips'));
    return (zip) => geocoder.lookup(zip)?.county ?? null;
  },
};
