// Makes the README's pictures (`npm run readme:images`): builds the app, serves it on 127.0.0.1, opens the
// Chicago sample's map and network views and the build-from-public-records dialog on the golden downloads in
// headless Chromium, and writes tests/screenshots/{map,network,records}.png.
// The e2e tests write nothing into the tree; these pictures change only when someone runs this on purpose.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { startStaticServer } from '../tests/e2e/static-server.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'tests', 'screenshots');

interface SampleOrg {
  readonly id: string;
  readonly kind: string;
}
const sample = JSON.parse(readFileSync(join(root, 'data/samples/chicago.json'), 'utf8')) as {
  organizations: SampleOrg[];
};
const prime = sample.organizations.find((o) => o.kind === 'prime');
if (prime === undefined)
  throw new Error('data/samples/chicago.json has no prime to show in the network view.');

async function shoot(page: Page, url: string, ready: string, file: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(ready).waitFor({ timeout: 90_000 });
  await page.mouse.move(0, 0);
  // Labels and the last tiles settle in a few frames after the ready marker.
  await page.waitForTimeout(800);
  writeFileSync(join(out, file), await page.screenshot());
  console.log(`wrote tests/screenshots/${file}`);
}

async function main(): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), 'forgemap-readme-'));
  process.env['NODE_ENV'] = 'production';
  await build({ root, mode: 'production', logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const server = await startStaticServer(dist);
  const browser = await launchBrowser();
  try {
    mkdirSync(out, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
    await context.addInitScript(() => {
      localStorage.setItem('forgemap:mapResolution', 'sharp');
      localStorage.setItem('forgemap:firstHint', 'dismissed');
    });
    const page = await context.newPage();
    await shoot(
      page,
      `${server.url}#/s:chicago/map?map=41.85,-87.85,8.5&sel=${prime!.id}`,
      '[data-map-ready="true"]',
      'map.png',
    );
    await shoot(
      page,
      `${server.url}#/s:chicago/network?layout=tier&sel=${prime!.id}&focus=2`,
      '[data-testid="network"][data-layout="tier"]',
      'network.png',
    );
    // Build from public records: the golden USAspending downloads (fictional firms, real schemas).
    await page.goto(`${server.url}#/s:chicago/map`, { waitUntil: 'load' });
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="records-open"]').click();
    await page.locator('[data-testid="records-region"]').selectOption('imcp-chicago-metro-metal');
    const golden = join(root, 'tests/golden/records/chicago');
    await page.locator('[data-testid="records-files"]').setInputFiles(
      readdirSync(golden)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(golden, f)),
    );
    await page.locator('[data-testid="records-build"]').click();
    await page.locator('[data-testid="records-headline"]').waitFor({ timeout: 120_000 });
    writeFileSync(join(out, 'records.png'), await page.screenshot());
    console.log('wrote tests/screenshots/records.png');
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
