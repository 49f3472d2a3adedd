// The file an address asks to open, `?data=<same-origin URL>`: the parameter read in one place, and the
// file's response asked for once, early when the page's first script (boot.ts) knows it will be needed.
import { decodeRoute } from '../state/route.ts';

/** The address's `?data=` parameter, or null when it has none (or an empty one). */
export function dataParam(): string | null {
  const param = new URLSearchParams(window.location.search).get('data');
  return param === null || param === '' ? null : param;
}

/** The `?data=` file's response, asked for once: early by prefetchDataParam, or when the page needs it. */
let dataFetch: { href: string; response: Promise<Response> } | null = null;

export function fetchDataParam(url: URL): Promise<Response> {
  if (dataFetch?.href !== url.href) dataFetch = { href: url.href, response: fetch(url) };
  const { response } = dataFetch;
  // A response's body is read once: a later call (StrictMode's second mount) asks again.
  dataFetch = null;
  return response;
}

/**
 * Starts fetching the `?data=` file at once when the address also names a dataset by hash: whether this
 * device keeps that dataset is known only once IndexedDB answers, and the file is then needed at once.
 * A same-origin address only; the answer is dropped when the device has the dataset.
 */
export function prefetchDataParam(): void {
  const param = dataParam();
  if (param === null) return;
  if (decodeRoute(window.location.hash).route.dataset.kind !== 'hash') return;
  try {
    const url = new URL(param, window.location.href);
    if (url.origin === window.location.origin) {
      dataFetch = { href: url.href, response: fetch(url) };
      // Unread when the device has the dataset: no unhandled rejection for a file never needed.
      dataFetch.response.catch(() => undefined);
    }
  } catch {
    // useDataParam says what is wrong with the address when the file is needed.
  }
}
