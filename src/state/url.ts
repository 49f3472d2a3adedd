// The one module that reads and writes the URL hash. Major steps push a history entry so Back works;
// everything else (camera moves, filter edits) replaces the current one, throttled: the app sees the new
// route at once, the address bar catches up at most every REPLACE_THROTTLE_MS.
import { useCallback, useSyncExternalStore } from 'react';
import { decodeRoute, encodeRoute } from './route.ts';
import type { Route } from './route.ts';

export const REPLACE_THROTTLE_MS = 200;
const ROUTE_EVENT = 'forgemap:route';

/** A replace not yet written to history: what the app shows, ahead of the address bar. */
let pending: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  if (pending !== null && pending !== window.location.hash) window.history.replaceState(null, '', pending);
  pending = null;
}

function onNavigate(): void {
  // Back, forward or an edited address: what the browser shows now wins over a replace still queued.
  clearTimeout(timer);
  timer = undefined;
  pending = null;
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
  window.addEventListener('pagehide', flush);
}

function subscribe(onChange: () => void): () => void {
  listen();
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  window.addEventListener(ROUTE_EVENT, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(ROUTE_EVENT, onChange);
  };
}

const readHash = () => pending ?? window.location.hash;

/** The page's address with every queued change written: what "Copy link" copies. */
export function currentHref(): string {
  flush();
  return window.location.href;
}

/** The current route and a setter; `push` adds a history entry (dataset or view changes). */
export function useRoute(): {
  route: Route;
  notices: string[];
  /** Takes the next route, or an update applied to the route shown right now (never a stale copy). */
  setRoute: (next: Route | ((current: Route) => Route), options?: { push?: boolean }) => void;
} {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const { route, notices } = decodeRoute(hash);
  const setRoute = useCallback(
    (next: Route | ((current: Route) => Route), options: { push?: boolean } = {}) => {
      const route = typeof next === 'function' ? next(decodeRoute(readHash()).route) : next;
      const encoded = encodeRoute(route);
      if (encoded === readHash()) return;
      if (options.push === true) {
        // The entry left behind keeps its queued changes (e.g. the last camera), so Back returns there.
        flush();
        window.history.pushState(null, '', encoded);
      } else {
        pending = encoded;
        timer ??= setTimeout(flush, REPLACE_THROTTLE_MS);
      }
      // pushState and replaceState fire no event of their own: tell the subscribers.
      window.dispatchEvent(new Event(ROUTE_EVENT));
    },
    [],
  );
  return { route, notices, setRoute };
}
