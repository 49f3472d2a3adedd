// Offline after one visit: the service worker (vite.config.ts, src/app/offline.ts) precaches the app, and a
// reload with the network off still draws the map, opens a sample not seen before, and a kept dataset.
import { describe, expect, it } from 'vitest';
import { secretive } from '../../src/io/export/test-bundles.ts';
import { generateLargeBundle } from '../../scripts/bench/large-bundle.ts';
import { openBundleFile, useAppSessions } from './harness.ts';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const open = useAppSessions();

describe('offline', () => {
  it('opens and works with the network off after one visit: the app, another sample, a kept dataset', async () => {
    const { page, context, pageErrors } = await open('#/s:chicago/map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    // A dataset kept on this device, to reopen offline.
    await openBundleFile(page, secretive(), 'secretive.json');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/h:[0-9a-f]{16}\//);
    const kept = new URL(page.url()).hash;
    // Everything cached: the service worker says it is ready.
    await page.locator('html[data-offline-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('./favicon.svg', { cache: 'no-store' }).then(
          () => 'reached',
          () => 'offline',
        ),
      ),
    ).toBe(
      'reached', // answered by the service worker's cache: not the network, nor the HTTP cache
    );
    // Each step reloads the whole page (a change of the hash alone would not fetch anything).
    const reloadAt = async (hash: string) => {
      await page.evaluate((next) => (location.hash = next), hash);
      await page.reload();
    };
    await reloadAt('#/s:chicago/map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toMatch(/Chicago/);

    // A sample this session never opened comes from the cache too.
    await reloadAt('#/s:peoria/network');
    await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toMatch(/Peoria/);

    // And the dataset kept on the device.
    await reloadAt(kept);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toBe('Secretive sample');

    // The control: with the network off, a file that was never cached cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch('./never-cached.json', { cache: 'no-store' }).then(
          () => 'reached',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    expect(pageErrors).toEqual([]);
  });

  it('registers the service worker only once the file is kept and analysed (the precache would compete)', async () => {
    const { page, pageErrors } = await open('', {
      initScript: () => {
        const seen: { lead?: number; register?: number } = {};
        (window as unknown as { __seen: typeof seen }).__seen = seen;
        const container = navigator.serviceWorker;
        const register = container.register.bind(container);
        container.register = (...args: Parameters<typeof register>) => {
          seen.register = performance.now();
          return register(...args);
        };
        new MutationObserver(() => {
          if (seen.lead === undefined && document.querySelector('[data-testid="gap-lead"]') !== null)
            seen.lead = performance.now();
        }).observe(document, { childList: true, subtree: true });
      },
    });
    // A file big enough that its analysis waits for the first picture (over 20,000 records).
    const text = generateLargeBundle({ orgs: 3_000, links: 30_000, seed: 5 });
    await page.route('**/dense.json', (route) =>
      route.fulfill({ body: text, contentType: 'application/json' }),
    );
    await page.goto(`${new URL(page.url()).origin}/?data=dense.json`);
    await page.locator(`${byTestId('import-confirm')}:enabled`).click({ timeout: 60_000 });
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('html[data-offline-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: { lead?: number; register?: number } }).__seen,
    );
    // The gap list's lead (the single points of failure, the analysis's last answer) came first.
    expect(seen.lead).toBeGreaterThan(0);
    expect(seen.register).toBeGreaterThan(seen.lead!);
    expect(pageErrors).toEqual([]);
  });
});
