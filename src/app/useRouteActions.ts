// Every change the app's views ask of the route, named once: each goes through a pure action of
// state/actions.ts. A history entry is pushed for what a user would step back through (selection, view,
// dataset, what-if); camera moves and filter edits replace the current entry.
import { useMemo } from 'react';
import type { Bundle } from '../domain/model.ts';
import {
  chooseRegion,
  highlightCell,
  highlightGap,
  moveMap,
  moveNetwork,
  selectOrganization,
  setFilters,
  setFocus,
  setLayout,
  setRemoved,
  setShading,
  setView,
  showCritical,
  sortResilience,
} from '../state/actions.ts';
import type { Filters, Layout, MapCamera, NetworkCamera, Route, Shading, ViewName } from '../state/route.ts';

export type SetRoute = (next: Route | ((current: Route) => Route), options?: { push?: boolean }) => void;

export interface RouteActions {
  select(id: string | undefined): void;
  selectGap(capability: string | undefined): void;
  /** A dependency-matrix cell: the gap for that buyer, shown on the map and network side by side. */
  selectCell(prime: string, capability: string): void;
  chooseRegion(id: string): void;
  setView(view: ViewName): void;
  setFilters(filters: Filters): void;
  setShading(shading: Shading): void;
  setLayout(layout: Layout): void;
  setFocus(hops: number): void;
  showCritical(show: boolean): void;
  /** The order of the primes' resilience table, kept in the link. */
  sortResilience(order: Route['resilienceSort']): void;
  moveMap(camera: MapCamera): void;
  moveNetwork(camera: NetworkCamera): void;
  /** Takes organizations out for the what-if (added to those already out). */
  remove(ids: readonly string[]): void;
  /** Takes one organization out, or puts it back. */
  toggleRemoved(id: string): void;
  resetRemoved(): void;
}

export function useRouteActions(setRoute: SetRoute, bundle: Bundle | undefined): RouteActions {
  const home = bundle?.meta.homeRegion;
  return useMemo(() => {
    const push = (update: (route: Route) => Route) => setRoute(update, { push: true });
    const replace = (update: (route: Route) => Route) => setRoute(update);
    return {
      select: (id) => push((r) => selectOrganization(r, id)),
      selectGap: (capability) => push((r) => highlightGap(r, capability)),
      selectCell: (prime, capability) => push((r) => setView(highlightCell(r, prime, capability), 'split')),
      chooseRegion: (id) => push((r) => chooseRegion(r, id, home)),
      setView: (view) => push((r) => setView(r, view)),
      setFilters: (filters) => replace((r) => setFilters(r, filters)),
      setShading: (shading) => replace((r) => setShading(r, shading)),
      setLayout: (layout) => push((r) => setLayout(r, layout)),
      setFocus: (hops) => push((r) => setFocus(r, hops)),
      showCritical: (show) => replace((r) => showCritical(r, show)),
      sortResilience: (order) => replace((r) => sortResilience(r, order)),
      moveMap: (camera) => replace((r) => moveMap(r, camera)),
      moveNetwork: (camera) => replace((r) => moveNetwork(r, camera)),
      remove: (ids) => push((r) => setRemoved(r, [...r.removed, ...ids])),
      toggleRemoved: (id) =>
        push((r) =>
          setRemoved(
            r,
            r.removed.includes(id) ? r.removed.filter((other) => other !== id) : [...r.removed, id],
          ),
        ),
      resetRemoved: () => push((r) => setRemoved(r, [])),
    };
  }, [setRoute, home]);
}
