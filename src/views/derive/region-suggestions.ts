// The regions a dataset's organizations fall in, largest first: what to offer a dataset that starts without a
// home region (an imported file), instead of empty charts. Pure.
export interface RegionSuggestion<R> {
  region: R;
  /** Organizations whose county is one of the region's. */
  members: number;
}

/** Regions with at least one member, most members first; ties keep the regions' order. At most `limit`. */
export function regionsByMembers<R extends { counties: readonly string[] }>(
  organizations: readonly { readonly county?: string | undefined }[],
  regions: readonly R[],
  limit = 5,
): RegionSuggestion<R>[] {
  const perCounty = new Map<string, number>();
  for (const org of organizations)
    if (org.county !== undefined) perCounty.set(org.county, (perCounty.get(org.county) ?? 0) + 1);
  return regions
    .map((region) => ({
      region,
      members: [...new Set(region.counties)].reduce((sum, c) => sum + (perCounty.get(c) ?? 0), 0),
    }))
    .filter((s) => s.members > 0)
    .sort((a, b) => b.members - a.members)
    .slice(0, limit);
}
