// The one module that reads and writes the URL hash. Major steps push a history entry so Back works;
// everything else replaces the current one.
import { useCallback, useSyncExternalStore } from 'react';
import { decodeRoute, encodeRoute } from './route.ts';
import type { Route } from './route.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const readHash = () => window.location.hash;

/** The current route and a setter; `push` adds a history entry (dataset or view changes). */
export function useRoute(): {
  route: Route;
  notices: string[];
  /** Takes the next route, or an update applied to the route in the URL right now (never a stale copy). */
  setRoute: (next: Route | ((current: Route) => Route), options?: { push?: boolean }) => void;
} {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const { route, notices } = decodeRoute(hash);
  const setRoute = useCallback(
    (next: Route | ((current: Route) => Route), options: { push?: boolean } = {}) => {
      const route = typeof next === 'function' ? next(decodeRoute(window.location.hash).route) : next;
      const encoded = encodeRoute(route);
      if (encoded === window.location.hash) return;
      if (options.push === true) window.history.pushState(null, '', encoded);
      else window.history.replaceState(null, '', encoded);
      // pushState and replaceState fire no event of their own: tell the subscribers.
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    [],
  );
  return { route, notices, setRoute };
}
