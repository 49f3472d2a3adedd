// Permalinks in headless Chromium: a view set up by hand (region, filter, selection, split view, tier
// layout, gap) is copied with "Copy link" and opened in a fresh browser context, which shows the same state
// and the same picture; an `h:` link on a device without the data names the file and restores the view once
// it is opened; a reload keeps an imported dataset; small datasets travel inside `z:` links; hostile links
// open the closest valid view with a notice; Back undoes a view switch.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundleHash, exportBundleJson } from '../../src/io/export/bundle-json.ts';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { decodeRoute } from '../../src/state/route.ts';
import { useAppSessions } from './harness.ts';
import { compareImages } from './image-compare.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const peoriaRaw: unknown = JSON.parse(readFileSync(`${root}data/samples/peoria.json`, 'utf8'));
const peoria = loadBundle(peoriaRaw).value!;

/** A small real-looking bundle: the first Peoria organizations and the links among them. */
function smallBundle() {
  const organizations = peoria.organizations.slice(0, 40);
  const ids = new Set(organizations.map((o) => o.id));
  return {
    ...peoria,
    meta: { ...peoria.meta, id: 'small-peoria', title: 'Small Peoria extract' },
    organizations,
    links: peoria.links.filter((l) => ids.has(l.source) && ids.has(l.target)),
  };
}

const open = useAppSessions();

const byTestId = (id: string) => `[data-testid="${id}"]`;

async function settled(page: Page, views: { map?: boolean; network?: boolean }): Promise<void> {
  if (views.map === true) {
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__forgemapMap!;
          map.once('idle', () => resolve());
          map.triggerRepaint();
        }),
    );
  }
  if (views.network === true)
    await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 60_000 });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

async function copyLink(page: Page, embed = false): Promise<string> {
  await page.locator(byTestId('share-button')).click();
  if (embed) await page.locator(byTestId('share-embed')).check();
  const field = page.locator(byTestId('share-link'));
  await expect.poll(() => field.inputValue()).toMatch(embed ? /#\/z:/ : /^http/);
  const href = await field.inputValue();
  await page.keyboard.press('Escape');
  return href;
}

/** What the tests compare between sender and receiver: the decoded route and what the panels say. */
async function viewState(page: Page) {
  const route = decodeRoute(new URL(page.url()).hash).route;
  return {
    route,
    title: await page.locator(byTestId('dataset-title')).innerText(),
    inspector: await page.locator('#inspector-title').innerText(),
    filterCount: await page.locator(byTestId('filter-count')).innerText(),
    region: await page.locator(byTestId('region-picker')).inputValue(),
    layout: await page.locator('[data-testid="network"]').getAttribute('data-layout'),
  };
}

describe('sharing a view', () => {
  it('opens a copied link in a fresh context with the same state and picture', async () => {
    const sender = await open('#/s:chicago/map');
    const { page } = sender;
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    // Region: another community, then back to Chicago's through the picker (both are real options).
    const picker = page.locator(byTestId('region-picker'));
    await picker.selectOption('imcp-chicago-metro-metal');
    // Filter: hide support organizations.
    await page
      .locator(byTestId('kind-filter'))
      .getByLabel(/Support/)
      .uncheck();
    // Selection: through the search box.
    await page.locator(byTestId('org-search')).fill('Lakefront Armored');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('#inspector-title').waitFor();
    // Split view, tier layout, then a gap from the gap view.
    await page.getByRole('button', { name: 'Gaps', exact: true }).click();
    await page.locator(byTestId('imported-bar')).first().click();
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.locator(byTestId('network-layout-tier')).click();
    await settled(page, { map: true, network: true });
    const sent = await viewState(page);
    expect(sent.route).toMatchObject({
      view: 'split',
      layout: 'tier',
      filters: { kinds: ['prime', 'manufacturer', 'training'] },
    });
    expect(sent.route.selected).toBeDefined();
    expect(sent.route.gap).toBeDefined();

    const href = await copyLink(page);
    expect(href).toBe(page.url());
    const receiver = await open(new URL(href).hash);
    await settled(receiver.page, { map: true, network: true });
    expect(await viewState(receiver.page)).toEqual(sent);

    const [a, b] = [await page.screenshot(), await receiver.page.screenshot()];
    const diff = await compareImages(page, a, b, 32);
    console.info(
      `[e2e] sender vs receiver: ${(diff.share * 100).toFixed(3)}% of pixels differ; link ${href.length} chars`,
    );
    expect(diff.share).toBeLessThanOrEqual(0.02);
    expect([...sender.foreignRequests(), ...receiver.foreignRequests()]).toEqual([]);
    expect([...sender.pageErrors, ...receiver.pageErrors]).toEqual([]);
  });

  it('goes back to the previous view with the Back button', async () => {
    const { page } = await open('#/s:chicago/map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await expect.poll(() => decodeRoute(new URL(page.url()).hash).route.view).toBe('network');
    await page.goBack();
    await expect.poll(() => decodeRoute(new URL(page.url()).hash).route.view).toBe('map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
  });

  it('opens the closest valid view of a tampered link and lists what it ignored', async () => {
    const { page, pageErrors } = await open(
      '#/s:chicago/network?map=NaN,1,2&sel=__proto__&minv=Infinity&%3Cimg%20src%3Dx%3E=1&layout=tier&v=1',
    );
    await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 60_000 });
    const notices = await page.locator(byTestId('notices')).innerText();
    expect(notices).toContain('map position');
    expect(notices).toContain('minimum value');
    expect(notices).toContain('"__proto__" is not in this dataset');
    expect(notices).toContain('<img src=x>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('datasets kept on the device', () => {
  it('names the file an h: link needs, then restores the view once it is opened, and keeps it on reload', async () => {
    const text = exportBundleJson(peoria);
    const hash = await bundleHash(peoria);
    const prime = peoria.organizations.find((o) => o.kind === 'prime')!;
    const link = `#/h:${hash}/network?name=${encodeURIComponent(peoria.meta.title)}&bytes=${Buffer.byteLength(text)}&sel=${prime.id}&layout=tier&v=1`;
    const { page, pageErrors } = await open(link);
    const missing = page.locator(byTestId('missing-dataset'));
    await missing.waitFor({ timeout: 30_000 });
    expect(await page.locator(byTestId('missing-name')).innerText()).toBe(peoria.meta.title);
    expect(await page.locator(byTestId('missing-hash')).innerText()).toBe(hash);
    expect(await page.locator(byTestId('missing-size')).innerText()).toMatch(/\d+(\.\d)? (KB|MB)/);

    await page.locator(byTestId('missing-open')).setInputFiles({
      name: 'peoria.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    // The import report comes first; nothing changes until Import.
    await page.locator(byTestId('import-report')).waitFor({ timeout: 30_000 });
    await page.locator(byTestId('import-confirm')).click();
    await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#inspector-title').innerText()).toBe(prime.name);
    expect(await page.locator(byTestId('dataset-title')).innerText()).toBe(peoria.meta.title);
    const restored = decodeRoute(new URL(page.url()).hash).route;
    expect(restored).toMatchObject({
      dataset: { kind: 'hash', id: hash },
      view: 'network',
      layout: 'tier',
      selected: prime.id,
    });
    expect(await page.locator(byTestId('notices')).count()).toBe(0);

    await page.reload();
    await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toBe(peoria.meta.title);
    expect(await page.locator('#inspector-title').innerText()).toBe(prime.name);
    expect(await page.locator(byTestId('dataset-picker')).locator('option:checked').innerText()).toContain(
      peoria.meta.title,
    );
    expect(pageErrors).toEqual([]);
  });

  it('opens a dropped bundle file and carries a small one inside a z: link', async () => {
    const bundle = smallBundle();
    const { page } = await open('#/s:chicago/map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    // A drop anywhere on the page, as a user would drag the file in.
    const transfer = await page.evaluateHandle((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'small.json', { type: 'application/json' }));
      return dt;
    }, JSON.stringify(bundle));
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.locator(byTestId('import-confirm')).click();
    await expect.poll(() => page.locator(byTestId('dataset-title')).innerText()).toBe('Small Peoria extract');
    expect(new URL(page.url()).hash).toMatch(
      /^#\/h:[0-9a-f]{16}\/map\?name=Small%20Peoria%20extract&bytes=\d+/,
    );

    const href = await copyLink(page, true);
    const receiver = await open(new URL(href).hash);
    await expect
      .poll(() => receiver.page.locator(byTestId('dataset-title')).innerText())
      .toBe('Small Peoria extract');
    await receiver.page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(receiver.pageErrors).toEqual([]);
  });

  it('keeps the current data when a broken file is opened, and says what is wrong', async () => {
    const { page } = await open('#/s:chicago/map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator(byTestId('open-data-input')).setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "forgemap.bundle", "version": 1, "meta": '),
    });
    const dialog = page.locator(byTestId('import-dialog'));
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toMatch(/broken\.json/);
    expect(await page.locator(byTestId('import-confirm')).isDisabled()).toBe(true);
    await page.locator(byTestId('import-cancel')).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.locator(byTestId('dataset-title')).innerText()).toContain('Chicago');
    expect(new URL(page.url()).hash).toMatch(/^#\/s:chicago\//);
  });
});
