// Organizations as a GeoJSON FeatureCollection of points (RFC 7946), one feature per line, for GIS tools.
import type { Bundle } from '../../domain/model.ts';
import { canonicalOrganization } from './bundle-json.ts';

/**
 * One Point feature per organization that has a position, `id` = the organization id and `properties` =
 * the organization's fields in canonical order (lists stay lists; `needs` stays a list of objects).
 *
 * Positions come from `positions` (lon, lat interleaved by organization index, NaN for none, as
 * `resolvePositions` makes them, so ZIP and county centroids count) or, without it, from the record's own
 * lat/lon. Organizations without a position are not dropped silently: their ids are listed, in bundle
 * order, in the top-level foreign member `"forgemap:unplaced"`. `"forgemap:dataset"` names the dataset,
 * its date and whether it is synthetic, so the file keeps saying so away from the app.
 */
export function exportOrganizationsGeoJson(bundle: Bundle, positions?: Float64Array): string {
  const features: string[] = [];
  const unplaced: string[] = [];
  bundle.organizations.forEach((org, i) => {
    const lon = positions === undefined ? org.lon : positions[2 * i];
    const lat = positions === undefined ? org.lat : positions[2 * i + 1];
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      unplaced.push(org.id);
      return;
    }
    const feature = {
      type: 'Feature',
      id: org.id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: canonicalOrganization(org),
    };
    features.push(JSON.stringify(feature));
  });
  const { id, title, source, license, asOf, synthetic, sharing } = bundle.meta;
  const dataset = JSON.stringify({ id, title, source, license, asOf, synthetic, sharing });
  return (
    `{"type":"FeatureCollection",\n"forgemap:dataset":${dataset},\n` +
    `"features":[${features.length === 0 ? '' : `\n${features.join(',\n')}\n`}],\n` +
    `"forgemap:unplaced":${JSON.stringify(unplaced)}}\n`
  );
}
