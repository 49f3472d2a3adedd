// How much a shared link or export carries: the choice the Share panel sets and the Export menu follows.
import type { Bundle, RedactionProfile } from '../domain/model.ts';
import type { Route } from '../state/route.ts';
import { cleanMarking } from '../io/redact.ts';

export interface SharingChoice {
  profile: RedactionProfile;
  /** The sender's marking line, as typed (cleanMarking applies when a copy is made). */
  marking: string;
}

/** Whether a choice makes a shared copy rather than the data as it is. */
export const isRedacting = (choice: SharingChoice): boolean =>
  choice.profile !== 'full' || cleanMarking(choice.marking) !== undefined;

/**
 * The route a shared link of `copy` carries: for a public copy, without anything that names one of the
 * sender's organizations (the selection, a matrix cell's buyer, what-if removals) or a capability or
 * certification the copy no longer holds.
 */
export function sharedRoute(route: Route, copy: Bundle): Route {
  if (copy.meta.sharing?.profile !== 'public') return route;
  const named = new Set<string>(
    copy.organizations.flatMap((org) => [...org.capabilities, ...org.trains, ...org.naics]),
  );
  for (const gap of copy.meta.sharing.public?.gaps ?? []) named.add(gap.capability);
  return {
    ...route,
    selected: undefined,
    gapBuyer: undefined,
    gap: route.gap !== undefined && named.has(route.gap) ? route.gap : undefined,
    removed: [],
    focus: 0,
    filters: {
      ...route.filters,
      capabilities: route.filters.capabilities.filter((id) => named.has(id)),
      certifications: [],
    },
  };
}
