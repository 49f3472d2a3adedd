// Pure route updates `(route, args) => route`: every change of view state the UI makes goes through one.
import type { Filters, Layout, MapCamera, NetworkCamera, Route, Shading, ViewName } from './route.ts';

export const selectOrganization = (route: Route, orgId: string | undefined): Route => ({
  ...route,
  selected: orgId,
});

export const highlightGap = (route: Route, capability: string | undefined): Route => ({
  ...route,
  gap: capability,
  gapBuyer: undefined,
});

/** A dependency-matrix cell: the prime's supply of one capability, shown on the map and in the network. */
export const highlightCell = (route: Route, prime: string, capability: string): Route => ({
  ...route,
  gap: capability,
  gapBuyer: prime,
});

export const setFilters = (route: Route, filters: Filters): Route => ({ ...route, filters });

export const setShading = (route: Route, shading: Shading): Route => ({ ...route, shading });

export const setView = (route: Route, view: ViewName): Route => ({ ...route, view });

export const moveMap = (route: Route, camera: MapCamera): Route => ({ ...route, map: camera });

/** The dataset's own home region is the default, so choosing it leaves the parameter out of the link. */
export const chooseRegion = (route: Route, regionId: string, datasetHome: string | undefined): Route => ({
  ...route,
  region: regionId === datasetHome ? undefined : regionId,
  // The camera belonged to the old region; the map fits the new one.
  map: undefined,
  gap: undefined,
  gapBuyer: undefined,
});

export const setRemoved = (route: Route, removed: readonly string[]): Route => ({
  ...route,
  removed: [...new Set(removed)],
});

export const setLayout = (route: Route, layout: Layout): Route => ({ ...route, layout });

export const moveNetwork = (route: Route, camera: NetworkCamera): Route => ({ ...route, net: camera });

export const setFocus = (route: Route, hops: number): Route => ({ ...route, focus: hops });

export const showCritical = (route: Route, critical: boolean): Route => ({ ...route, critical });

export const sortResilience = (route: Route, order: Route['resilienceSort']): Route => ({
  ...route,
  resilienceSort: order,
});
