// The views' derivations at national scale, for `npm run bench` (they were timed inside unit tests before,
// with near-constant assertions): the filter index, the visible masks, name search and one organization's
// profile, on the bench's largest generated bundle.
import type { Bundle } from '../../src/domain/model.ts';
import { resolvePositions } from '../../src/geo/positions.ts';
import type { Filters } from '../../src/state/route.ts';
import { NO_FILTERS } from '../../src/state/route.ts';
import {
  countVisible,
  createFilterIndex,
  linkArraysOf,
  visibleLinkMask,
  visibleMask,
} from '../../src/views/derive/filter.ts';
import { searchOrganizations } from '../../src/views/derive/options.ts';
import { organizationProfile } from '../../src/views/derive/profile.ts';

export interface DeriveTimings {
  filterIndexMs: number;
  visibleMaskMs: number;
  linkArraysMs: number;
  visibleLinkMaskMs: number;
  firstSearchMs: number;
  searchMs: number;
  profileMs: number;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

export function benchDerive(bundle: Bundle): DeriveTimings {
  const [index, filterIndexMs] = timed(() => createFilterIndex(bundle));
  const filters: Filters = { ...NO_FILTERS, kinds: ['manufacturer', 'prime'], minValue: 1e6 };
  const [mask, visibleMaskMs] = timed(() => visibleMask(index, filters, []));
  const [, linkArraysMs] = timed(() => linkArraysOf(index));
  const [links, visibleLinkMaskMs] = timed(() => visibleLinkMask(index, filters, mask));
  const [, firstSearchMs] = timed(() => searchOrganizations(bundle, 'p', 12));
  const [hits, searchMs] = timed(() => searchOrganizations(bundle, 'works', 12));
  const orgIndex = new Map(bundle.organizations.map((org, i) => [org.id as string, i]));
  const view = {
    bundle,
    positions: resolvePositions(bundle.organizations, {}),
    inRegion: new Uint8Array(bundle.organizations.length),
    visible: mask,
    orgIndex,
    analysis: null,
    label: (id: string) => id,
  };
  const first = bundle.organizations[0]?.id ?? '';
  const [profile, profileMs] = timed(() => organizationProfile(view, first));
  console.log(
    `  views at ${bundle.organizations.length.toLocaleString('en-US')} orgs: ${countVisible(mask)} shown by a kind + $1M ` +
      `filter, ${countVisible(links)} links; ${hits.length} search hits; profile of ${first}: ` +
      `${(profile?.suppliers.length ?? 0) + (profile?.customers.length ?? 0)} partners`,
  );
  return {
    filterIndexMs,
    visibleMaskMs,
    linkArraysMs,
    visibleLinkMaskMs,
    firstSearchMs,
    searchMs,
    profileMs,
  };
}
