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
 * True when the page was opened with `?data=` and no dataset in the hash: the file is what the user asked
 * for, so nothing else is loaded (no sample first) while it comes.
 */
export function addressOpensFile(): boolean {
  return dataParam() !== null && window.location.hash.replace(/^#\/?/, '') === '';
}

/**
 * Starts fetching the `?data=` file from the page's first script, before the app's own script has run,
 * when the address asks for it (same origin only):
 * - the address opens the file (no dataset in the hash): the whole file is read now, on the network
 *   thread while the app starts (a 136 MB file took 0.6–1 s on a 2-core machine);
 * - the hash names a dataset: whether this device keeps it is known only once IndexedDB answers, and the
 *   file is then needed at once. Only the response is asked for (its body is read when needed, and not at
 *   all when the device has the dataset).
 */
export function prefetchDataParam(): void {
  const param = dataParam();
  if (param === null) return;
  const whole = addressOpensFile();
  if (!whole && decodeRoute(window.location.hash).route.dataset.kind !== 'hash') return;
  try {
    const url = new URL(param, window.location.href);
    if (url.origin === window.location.origin) {
      const response = fetch(url);
      dataFetch = { href: url.href, response: whole ? response.then(readBody) : response };
      // Unread when the device has the dataset: no unhandled rejection for a file never needed.
      dataFetch.response.catch(() => undefined);
    }
  } catch {
    // useDataParam says what is wrong with the address when the file is needed.
  }
}

/** The same response with its body read (an error page is left as it came: only its status is used). */
async function readBody(response: Response): Promise<Response> {
  if (!response.ok) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}
