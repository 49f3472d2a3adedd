// The map on software GL (headless Chromium has no GPU): it draws at the reduced resolution that keeps each
// frame under the main-thread budget, says so, lets the user switch to sharp drawing (kept on this device),
// and exports its PNG at full resolution either way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSharedApp } from './harness.ts';
import type { AppSession } from './harness.ts';

const ready = async ({ page }: AppSession) => {
  await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
};

/** The map's drawing ratio, its canvas size in drawn and CSS pixels, and the device ratio. */
async function canvasState(page: Page) {
  return page.evaluate(() => {
    const map = window.__forgemapMap!;
    const canvas = map.getCanvas();
    return {
      ratio: map.getPixelRatio(),
      attribute: document.querySelector<HTMLElement>('[data-testid="map"]')!.dataset['pixelRatio'],
      width: canvas.width,
      cssWidth: map.getContainer().clientWidth,
      device: window.devicePixelRatio,
      software: document.querySelector('[data-testid="map-resolution"]') !== null,
    };
  });
}

describe('map drawing resolution without a GPU', () => {
  const app = useSharedApp({ hash: '#/s:chicago/map', ready, mapResolution: 'as-user' });

  it('draws at reduced resolution by default and says so', async () => {
    const { page } = await app();
    const state = await canvasState(page);
    // The e2e browser runs WebGL in SwiftShader: the legend offers the drawing choice only there.
    expect(state.software).toBe(true);
    expect(state.ratio).toBeLessThan(state.device);
    expect(state.ratio).toBeGreaterThanOrEqual(0.5);
    expect(Number(state.attribute)).toBe(state.ratio);
    // The canvas really is drawn smaller than it shows.
    expect(Math.abs(state.width - state.cssWidth * state.ratio)).toBeLessThanOrEqual(1);
    const note = page.getByTestId('map-render-note');
    await expect
      .poll(() => note.textContent())
      .toContain(`${Math.round((state.ratio / state.device) * 100)}% resolution`);
    await expect
      .poll(() =>
        page.getByTestId('map-resolution').getByRole('button', { name: 'Fast' }).getAttribute('aria-pressed'),
      )
      .toBe('true');
  });

  it('exports the map PNG at full resolution and goes back to the reduced one', async () => {
    const { page } = await app();
    const before = await canvasState(page);
    await page.locator('[data-testid="export-button"]').click();
    const item = page.locator('[data-testid="export-item-map-png"]');
    await expect.poll(() => item.getAttribute('aria-disabled')).not.toBe('true');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), item.click()]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR width: the canvas drawn at the device ratio, not the reduced one it shows on screen.
    const width = bytes.readUInt32BE(16);
    expect(width).toBeGreaterThanOrEqual(Math.floor(before.cssWidth * before.device) - 2);
    expect(width).toBeGreaterThan(before.width + 10);
    // Back to a reduced ratio (the one for the map's size now: the export notice may have moved the layout).
    await expect.poll(async () => (await canvasState(page)).ratio).toBeLessThan(before.device);
    const after = await canvasState(page);
    expect(Math.abs(after.width - after.cssWidth * after.ratio)).toBeLessThanOrEqual(1);
  });

  it('switches to sharp drawing from the note, keeps the choice after a reload, and back to fast from the legend', async () => {
    const { page } = await app();
    await page.getByTestId('map-render-note').getByRole('button', { name: 'Draw sharp' }).click();
    await expect.poll(async () => (await canvasState(page)).ratio).toBe(1);
    let state = await canvasState(page);
    expect(Math.abs(state.width - state.cssWidth * state.device)).toBeLessThanOrEqual(1);
    await expect.poll(() => page.getByTestId('map-render-note').count()).toBe(0);

    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    state = await canvasState(page);
    expect(state.ratio).toBe(state.device);
    const fast = page.getByTestId('map-resolution').getByRole('button', { name: 'Fast' });
    expect(await fast.getAttribute('aria-pressed')).toBe('false');
    await fast.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await canvasState(page)).ratio).toBeLessThan(1);
    await expect.poll(() => page.getByTestId('map-render-note').count()).toBe(1);
  });

  it('hides the note for good when asked, and keeps drawing fast', async () => {
    const { page } = await app();
    await page.getByTestId('map-render-note').getByRole('button', { name: 'Hide note' }).click();
    await expect.poll(() => page.getByTestId('map-render-note').count()).toBe(0);
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect((await canvasState(page)).ratio).toBeLessThan(1);
    expect(await page.getByTestId('map-render-note').count()).toBe(0);
    const fast = page.getByTestId('map-resolution').getByRole('button', { name: 'Fast' });
    expect(await fast.getAttribute('aria-pressed')).toBe('true');
  });

  it('made no request outside the origin and logged no errors', async () => {
    const { foreignRequests, pageErrors, consoleErrors } = await app();
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
