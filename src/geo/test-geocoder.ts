// A one-ZIP geocoder for tests: ZIPs starting with the prefix given are placed at 60601 (Chicago, Cook
// County); every other ZIP is unknown. Used by tests only.
import type { CountyFips } from '../domain/ids.ts';
import type { ZipGeocoder } from './zip-geocoder.ts';

export function chicagoGeocoder(prefix: string): ZipGeocoder {
  return {
    size: 1,
    lookup: (zip) =>
      zip.startsWith(prefix)
        ? { zip: '60601', lat: 41.9, lon: -87.6, county: '17031' as CountyFips, city: 'Chicago', state: 'IL' }
        : null,
  };
}
