// Helpers for the e2e tests: open the built app in a fresh browser context that records every request and
// error and blocks anything leaving the origin (the browser itself comes from ./browser.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Bundle } from '../../src/domain/model.ts';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import { launchBrowser } from './browser.ts';

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
  /** True: a first visit, with the first-time hint; default: a returning user who dismissed it. */
  firstVisit?: boolean;
  /** The window's size (CSS px); Playwright's 1280 × 720 when not given. */
  viewport?: { width: number; height: number };
  /** Run in every page of the context before its own scripts (e.g. to watch the app's marks). */
  initScript?: () => void;
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
  const context = await browser.newContext(
    options.viewport === undefined ? {} : { viewport: options.viewport },
  );
  if ((options.mapResolution ?? 'sharp') === 'sharp') {
    // Headless Chromium draws WebGL without a GPU, where the map would pick its reduced resolution:
    // pictures and pixel checks are made at full resolution unless a test asks for the user's default.
    await context.addInitScript(() => localStorage.setItem('forgemap:mapResolution', 'sharp'));
  }
  if (options.firstVisit !== true)
    await context.addInitScript(() => localStorage.setItem('forgemap:firstHint', 'dismissed'));
  if (options.initScript !== undefined) await context.addInitScript(options.initScript);
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

/**
 * One browser for the file and a fresh context per `open`: for tests that each need their own session (a
 * permalink opened elsewhere, a first visit). Every session and the browser close after the file's tests.
 */
export function useAppSessions(
  defaults: OpenOptions = {},
): (hash?: string, options?: OpenOptions) => Promise<AppSession> {
  let browser: Browser | undefined;
  const sessions: AppSession[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => {});
    await browser?.close();
  });
  return async (hash = '', options = {}) => {
    if (browser === undefined) throw new Error('useAppSessions() must be called at the top of a test file.');
    const session = await openApp(browser, inject('baseUrl'), hash, { ...defaults, ...options });
    sessions.push(session);
    return session;
  };
}

/**
 * Opens `bundle` through *Open data…* as a user would (the file input, then Import) and waits until the app
 * shows it by its title.
 */
export async function openBundleFile(page: Page, bundle: Bundle, fileName: string): Promise<void> {
  await page.locator('[data-testid="open-data-input"]').setInputFiles({
    name: fileName,
    mimeType: 'application/json',
    buffer: Buffer.from(exportBundleJson(bundle)),
  });
  await page.locator('[data-testid="import-confirm"]').click();
  await expect.poll(() => page.locator('[data-testid="dataset-title"]').innerText()).toBe(bundle.meta.title);
}
