// The README's first command, as a newcomer runs it: `npm run dev` serves the app through Vite's dev server,
// where React's StrictMode mounts every effect twice. The Chicago map must be drawn inside the window, with
// one map host in its container, not pushed below the fold by an empty one left by the first mount.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run dev (Vite dev server, StrictMode)', () => {
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  let started: Promise<string> | undefined;

  beforeAll(() => {
    started = (async () => {
      server = await createServer({
        root,
        configFile: `${root}vite.config.ts`,
        logLevel: 'warn',
        server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
      });
      await server.listen();
      const url = server.resolvedUrls?.local[0];
      if (url === undefined) throw new Error('The Vite dev server did not report a local URL.');
      browser = await launchBrowser();
      return url;
    })();
    started.catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the Chicago map inside the viewport, in one map host', async () => {
    const url = await started!;
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('forgemap:mapResolution', 'sharp'));
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.locator('[data-map-ready="true"]').waitFor({ timeout: 120_000 });

      expect(await page.locator('[data-testid="map"] > .map-host').count()).toBe(1);
      const canvas = page.locator('[data-testid="map"] canvas.maplibregl-canvas');
      const box = await canvas.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(900 / 2);
      expect(box!.y + box!.height).toBeLessThanOrEqual(900);
      expect(box!.height).toBeGreaterThan(200);

      // Drawn: the canvas's pixels are not one flat colour (a blank map is all white).
      const colours = await page.evaluate(() => {
        const map = window.__forgemapMap!;
        return new Promise<number>((resolve) => {
          map.once('render', () => {
            const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl');
            if (gl === null) return resolve(0);
            const { drawingBufferWidth: w, drawingBufferHeight: h } = gl;
            const pixels = new Uint8Array(w * h * 4);
            gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
            const seen = new Set<number>();
            for (let i = 0; i < pixels.length && seen.size < 50; i += 4 * 97) {
              seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
            }
            resolve(seen.size);
          });
          map.triggerRepaint();
        });
      });
      expect(colours).toBeGreaterThan(5);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
    // A fresh clone's first dev-server load also pre-bundles the dependencies.
  }, 180_000);
});
