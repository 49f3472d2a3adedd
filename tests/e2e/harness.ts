// Helpers for the e2e tests: find a Chromium, launch it headless with working software WebGL, and open the
// built app in a fresh context that records every request and error and blocks anything leaving the origin.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** Flags that give working WebGL/WebGL2 through SwiftShader in headless Chromium, also as root. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  // The flags above already fall back to SwiftShader here; naming it keeps pixels alike across machines.
  '--use-angle=swiftshader',
  // Containers often mount a 64 MB /dev/shm, which crashes the GPU process on large canvases.
  '--disable-dev-shm-usage',
];

/**
 * The same browser as on a machine with a GPU, SwiftShader standing in for it: without `--disable-gpu`
 * Chromium composites on the "GPU" and a WebGL frame reaches the screen as a texture. With it (the flags
 * above) the compositor runs in software and reads every WebGL frame back on the page's main thread, which
 * then waits for the whole frame to be drawn on the CPU: a cost no machine with a GPU pays. `npm run
 * bench:browser` measures the app both ways.
 */
export const GPU_COMPOSITING_ARGS: readonly string[] = CHROMIUM_ARGS.filter(
  (flag) => flag !== '--disable-gpu',
);

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_INSTALL_HINT =
  'No Chromium found for the e2e tests. Install one with `apt-get install -y chromium` (Debian/Ubuntu), ' +
  'or set FORGEMAP_CHROMIUM=/path/to/chrome.';

/**
 * The Chromium executable to drive: $FORGEMAP_CHROMIUM or $CHROME_PATH, then the usual system paths, then
 * playwright-core's own download if one exists. Throws with install instructions when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ['FORGEMAP_CHROMIUM', 'CHROME_PATH'] as const) {
    const path = env[name];
    if (path) {
      if (!existsSync(path)) throw new Error(`${name}=${path} does not exist. ${CHROMIUM_INSTALL_HINT}`);
      return path;
    }
  }
  for (const path of SYSTEM_CHROMIUMS) if (existsSync(path)) return path;
  const bundled = playwrightChromium();
  if (bundled != null) return bundled;
  throw new Error(CHROMIUM_INSTALL_HINT);
}

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Launches headless Chromium with the flags above. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
}

export interface AppSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every URL the page, its workers and service workers asked for, in order, including blocked ones. */
  readonly requests: string[];
  /** Requests that failed at the network level (blocked, refused) as `url (reason)`; a 404 is not one. */
  readonly failedRequests: string[];
  /** The recorded requests that leave the app's origin (data: and blob: URLs count as same-origin). */
  foreignRequests(): string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** True if `url` stays on `origin` (scheme, host and port), or is a data: or blob: URL. */
export function isSameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return url === origin || url.startsWith(`${origin}/`);
}

export interface OpenOptions {
  /** 'sharp' (default) stores the full-resolution map setting first; 'as-user' leaves storage alone. */
  mapResolution?: 'sharp' | 'as-user';
}

/**
 * Opens the app at `baseUrl` (plus `#hash`, with or without the leading '#') in a new browser context and
 * waits for the load event. Foreign requests are recorded and then aborted, so an escape fails fast
 * instead of hanging a test. Throws the global setup's error if the app could not be built or served.
 */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  hash = '',
  options: OpenOptions = {},
): Promise<AppSession> {
  const setupError = inject('e2eSetupError');
  if (setupError != null) throw new Error(setupError);
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext();
  if ((options.mapResolution ?? 'sharp') === 'sharp') {
    // Headless Chromium draws WebGL without a GPU, where the map would pick its reduced resolution:
    // pictures and pixel checks are made at full resolution unless a test asks for the user's default.
    await context.addInitScript(() => localStorage.setItem('forgemap:mapResolution', 'sharp'));
  }
  const requests: string[] = [];
  const failedRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  await context.route('**/*', (route) =>
    isSameOrigin(route.request().url(), origin) ? route.fallback() : route.abort('blockedbyclient'),
  );
  // Context-level events also see worker and service-worker traffic.
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) =>
    failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`),
  );

  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));

  const fragment = hash === '' || hash.startsWith('#') ? hash : `#${hash}`;
  await page.goto(`${baseUrl}${fragment}`, { waitUntil: 'load' });

  return {
    page,
    context,
    requests,
    failedRequests,
    foreignRequests: () => requests.filter((url) => !isSameOrigin(url, origin)),
    consoleErrors,
    pageErrors,
    close: () => context.close(),
  };
}

export interface SharedAppOptions extends OpenOptions {
  /** Permalink fragment to open, with or without the leading '#'. */
  hash?: string;
  /** Waits until the app is ready for the file's tests, e.g. for a test id to appear. */
  ready?: (app: AppSession) => Promise<void>;
}

/**
 * Launches one browser and opens the app once for the enclosing describe block; call it there and await the
 * returned getter in each test. Tests await the session instead of relying on beforeAll because a failing
 * beforeAll only marks its tests as skipped, and CI counts failures: a broken build must fail every test.
 */
export function useSharedApp(options: SharedAppOptions = {}): () => Promise<AppSession> {
  let browser: Browser | undefined;
  let opened: Promise<AppSession> | undefined;
  beforeAll(() => {
    opened = (async () => {
      browser = await launchBrowser();
      const app = await openApp(browser, inject('baseUrl'), options.hash, options);
      await options.ready?.(app);
      return app;
    })();
    // Each test that awaits the session reports the error; this only keeps it from being "unhandled".
    opened.catch(() => {});
  });
  afterAll(async () => {
    await opened?.then(
      (app) => app.close(),
      () => {},
    );
    await browser?.close();
  });
  return () => opened ?? Promise.reject(new Error('useSharedApp() must be called inside a describe block.'));
}
