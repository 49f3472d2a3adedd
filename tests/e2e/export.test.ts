// Exports in headless Chromium: the Export menu downloads the bundle (identical to the canonical export of the
// sample computed here), the gap list as CSV, the network as GEXF, and PNGs of the map and network views
// with legend and caption below the picture.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { useSharedApp } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chicago = loadBundle(JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8'))).value!;

async function exportFile(page: Page, id: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.locator('[data-testid="export-button"]').click();
  const item = page.locator(`[data-testid="export-item-${id}"]`);
  await expect.poll(() => item.getAttribute('aria-disabled')).not.toBe('true');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), item.click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exports', () => {
  const app = useSharedApp({
    hash: '#/s:chicago/split?layout=tier',
    ready: async ({ page }) => {
      await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="gap-table"]').waitFor({ timeout: 60_000 });
    },
  });

  it('downloads the bundle exactly as the canonical export', async () => {
    const { page } = await app();
    const { download, bytes } = await exportFile(page, 'bundle-json');
    expect(download.suggestedFilename()).toMatch(/^sample-chicago-2026-01-01-synthetic-.*\.json$/);
    expect(bytes.toString('utf8')).toBe(exportBundleJson(chicago));
  });

  it('downloads the gap list as CSV, one row per capability in demand', async () => {
    const { page } = await app();
    const { bytes } = await exportFile(page, 'gaps-csv');
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/capability/);
    const summary = await page.locator('[data-testid="gap-summary"]').innerText();
    const inDemand = Number(/([\d,]+) capabilities in demand/.exec(summary)![1]!.replace(/,/g, ''));
    expect(lines.length - 1).toBe(inDemand);
  });

  it('downloads the network as GEXF with every organization', async () => {
    const { page } = await app();
    const { bytes } = await exportFile(page, 'network-gexf');
    const text = bytes.toString('utf8');
    expect(text).toContain('<gexf');
    expect(text.match(/<node /g)?.length).toBe(chicago.organizations.length);
  });

  it.each([
    ['map-png', '.map-view canvas'],
    ['network-png', '[data-testid="network"]'],
  ])('downloads %s: the view with a legend and caption strip below it', async (id, selector) => {
    const { page } = await app();
    const { download, bytes } = await exportFile(page, id);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const size = pngSize(bytes);
    const box = (await page.locator(selector).first().boundingBox())!;
    const scale = await page.evaluate(() => window.devicePixelRatio);
    expect(size.width).toBeGreaterThanOrEqual(Math.floor(box.width * scale) - 2);
    expect(size.height).toBeGreaterThan(box.height * scale);
  });

  it('made no request outside the origin and logged no errors', async () => {
    const { foreignRequests, pageErrors, consoleErrors } = await app();
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('makes the briefing: a vector PDF with selectable text, and an SVG of the poster and of each figure', async () => {
    const { page } = await app();
    const { download, bytes } = await exportFile(page, 'briefing-pdf');
    expect(download.suggestedFilename()).toMatch(/briefing\.pdf$/);
    const pdf = bytes.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // Text in the content streams (Flate): the title, the date, the link; and no picture anywhere.
    const streams = [...pdf.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map((m) => {
      try {
        return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
      } catch {
        return m[1]!;
      }
    });
    const content = streams.join('\n');
    expect(content).toMatch(/\(Chicago metal & defense/);
    expect(content).toContain('data as of 2026-01-01');
    expect(content).toContain('s:chicago/split');
    expect(pdf).not.toMatch(/\/Subtype\s*\/Image/);
    // The map and network figures are drawn as paths: many path operators, not one image.
    expect(content.match(/ re\b| l\n| c\n/g)?.length ?? 0).toBeGreaterThan(1000);

    const zip = await exportFile(page, 'briefing-svg');
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(
      ['briefing.svg', 'gaps.svg', 'legend.svg', 'map.svg', 'matrix.svg', 'network.svg'].sort(),
    );
    const network = strFromU8(files['network.svg']!);
    expect(network.match(/<circle /g)?.length).toBeGreaterThan(100);
    const poster = strFromU8(files['briefing.svg']!);
    expect(poster).toContain('Scan for this view');
  });
});
