// The built app's shell in headless Chromium: title, synthetic-data badge, region picker listing the real
// communities, main area, WebGL2 for the map, and no errors or requests that leave the app's origin.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSharedApp } from './harness.ts';

const byTestId = (id: string): string => `[data-testid="${id}"]`;

/** Option labels of a native <select>, or of a combobox's listbox after opening it. */
async function optionLabels(picker: Locator): Promise<string[]> {
  const tag = await picker.evaluate((element) => element.tagName.toLowerCase());
  if (tag === 'select') {
    return picker.evaluate((element) =>
      Array.from((element as HTMLSelectElement).options, (option) => option.text.trim()),
    );
  }
  await picker.click();
  const page = picker.page();
  const listboxId = await picker.getAttribute('aria-controls');
  const listbox = (listboxId ? page.locator(`[id="${listboxId}"]`) : page.getByRole('listbox')).first();
  await listbox.waitFor();
  const labels = await listbox.getByRole('option').allInnerTexts();
  await page.keyboard.press('Escape');
  return labels.map((label) => label.trim());
}

describe('app shell', () => {
  const app = useSharedApp({
    ready: async ({ page }) => {
      await page.locator(byTestId('main-area')).waitFor({ state: 'attached', timeout: 30_000 });
      // Let the data the shell loads at start arrive before anything checks requests or errors.
      await page.waitForLoadState('networkidle');
    },
  });

  it('offers WebGL and WebGL2, which the map and network views need', async () => {
    const { page } = await app();
    const support = await page.evaluate(() => ({
      webgl: !!document.createElement('canvas').getContext('webgl'),
      webgl2: !!document.createElement('canvas').getContext('webgl2'),
    }));
    expect(support).toEqual({ webgl: true, webgl2: true });
  });

  it('shows the dataset title in the header', async () => {
    const title = (await app()).page.locator(byTestId('dataset-title'));
    await title.waitFor();
    expect(await title.innerText()).toContain('Chicago');
  });

  it('shows a visible badge saying the sample data are synthetic', async () => {
    const badge = (await app()).page.locator(byTestId('synthetic-badge'));
    await badge.waitFor({ state: 'visible' });
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.innerText()).toContain('Synthetic sample data');
  });

  it('lists the real IMCP and DMCSP communities in the region picker', async () => {
    const picker = (await app()).page.locator(byTestId('region-picker'));
    await picker.waitFor();
    const labels = await optionLabels(picker);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Chicago Metro Metal Consortium'),
        expect.stringContaining('Greater Peoria'),
      ]),
    );
    expect(labels.length).toBeGreaterThanOrEqual(40);
  });

  it('has a main area', async () => {
    expect(await (await app()).page.locator(byTestId('main-area')).count()).toBe(1);
  });

  // Runs last so that it also covers whatever the tests above made the page do.
  it("names the app's script and style sheets as preloads beside its small first script", async () => {
    const { page } = await app();
    const html = await page.evaluate(async () => (await fetch('./')).text());
    const links = (rel: string) =>
      [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]*href="([^"]+)"`, 'g'))].map((m) => m[1]);
    expect(links('modulepreload')).toContainEqual(expect.stringMatching(/^\.\/assets\/main-[\w-]+\.js$/));
    // The libraries evaluated in tasks of their own before the app (src/app/app-libraries.ts, app-renderer.ts).
    for (const name of ['app-libraries', 'app-renderer'])
      expect(links('modulepreload')).toContainEqual(
        expect.stringMatching(new RegExp(`^\\./assets/${name}-[\\w-]+\\.js$`)),
      );
    expect(links('preload')).toContainEqual(expect.stringMatching(/^\.\/assets\/main-[\w-]+\.css$/));
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([expect.stringMatching(/^\.\/assets\/index-[\w-]+\.js$/)]);
  });

  it('raises no page or console errors and makes no request outside its origin', async () => {
    const { pageErrors, consoleErrors, foreignRequests, requests } = await app();
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
