// `npm run bench:browser`: the in-browser figures of DESIGN.md §7 and the map and network issues, measured in
// headless Chromium (software GL) on the production build: time to a drawn map on the Chicago sample; a
// national bundle (100k organizations, 1M links) opened through `?data=` — import, first map, and the
// longest main-thread tasks while loading, panning and filtering (long-task observer); the network view on
// 10k organizations / 100k links — first frame and frame times while the camera moves; and the network on
// 100k organizations, which aggregates. Prints a table; `--out <file>` writes the figures as JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type Sigma from 'sigma';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/harness.ts';
import { startStaticServer } from '../tests/e2e/static-server.ts';
import { generateLargeBundle } from './bench/large-bundle.ts';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    big: { type: 'string', default: '100000:1000000' },
    network: { type: 'string', default: '10000:100000' },
    parts: { type: 'string', default: 'chicago,big,network' },
  },
});
const size = (spec: string) => {
  const [orgs = 0, links = 0] = spec.split(':').map(Number);
  return { orgs, links };
};

const root = fileURLToPath(new URL('../', import.meta.url));
const LONG_TASK_BUDGET_MS = 100;

/** Collects every long task (≥ 50 ms) the page runs, from its first script on. */
const OBSERVE_LONG_TASKS = `
  // tsx keeps function names with an __name helper that functions sent to the page would miss.
  window.__name = (f) => f;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

interface LongTasks {
  count: number;
  over100: number;
  maxMs: number;
}

async function takeLongTasks(page: Page): Promise<LongTasks> {
  const tasks = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { ms: number }[] };
    const all = w.__longTasks;
    w.__longTasks = [];
    return all.map((t) => t.ms);
  });
  return {
    count: tasks.length,
    over100: tasks.filter((ms) => ms > LONG_TASK_BUDGET_MS).length,
    maxMs: Math.round(Math.max(0, ...tasks)),
  };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(OBSERVE_LONG_TASKS);
  return context.newPage();
}

const sinceNavigation = (page: Page) => page.evaluate(() => Math.round(performance.now()));

async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __forgemapMap: MaplibreMap }).__forgemapMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * Opens `?data=<file>`: the app starts on its default sample (drawn while the worker reads the file), then
 * shows the import report; presses Import. Returns when the report came and the long tasks of the start
 * (up to the sample's drawn map) apart from those of the rest of the import.
 */
async function importThroughAddress(page: Page, base: string, file: string) {
  await page.goto(`${base}?data=${file}`);
  const confirm = page.locator('[data-testid="import-confirm"]:enabled');
  const sampleDrawn = page.locator('[data-map-ready="true"]');
  await Promise.race([sampleDrawn.waitFor({ timeout: 600_000 }), confirm.waitFor({ timeout: 600_000 })]);
  const startTasks = await takeLongTasks(page);
  await confirm.waitFor({ timeout: 600_000 });
  const reportMs = await sinceNavigation(page);
  const readTasks = await takeLongTasks(page);
  await page.locator('[data-testid="import-confirm"]').click();
  // Kept on the device (once its canonical form has come from the worker), the dataset opens as `h:…`.
  await page.waitForFunction(() => location.hash.includes('/h:'), undefined, { timeout: 600_000 });
  return { reportMs, startTasks, readTasks };
}

/** rAF intervals while the network camera zooms in and out for `ms`. */
async function networkFrameTimes(page: Page, ms: number) {
  return page.evaluate(async (duration) => {
    const sigma = (window as unknown as { __forgemapSigma: Sigma }).__forgemapSigma;
    const camera = sigma.getCamera();
    const deltas: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = (now: number) => {
      deltas.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    await camera.animate({ ratio: 0.3, x: 0.4, y: 0.45 }, { duration: duration / 2 });
    await camera.animate({ ratio: 1, x: 0.5, y: 0.5 }, { duration: duration / 2 });
    running = false;
    deltas.sort((a, b) => a - b);
    const at = (q: number) => Math.round(deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))]!);
    return { frames: deltas.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: Math.round(deltas.at(-1)!) };
  }, ms);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'forgemap-bench-browser-'));
  const results: Record<string, unknown> = {};
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  console.log('building the app…');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir } });
  if (nodeEnv === undefined) delete process.env['NODE_ENV'];
  else process.env['NODE_ENV'] = nodeEnv;
  const big = size(args.big);
  const net = size(args.network);
  console.log(`generating ${big.orgs} / ${big.links} and ${net.orgs} / ${net.links} bundles…`);
  writeFileSync(join(dir, 'bench-big.json'), generateLargeBundle({ ...big, seed: 20240101 }));
  writeFileSync(join(dir, 'bench-net.json'), generateLargeBundle({ ...net, seed: 20240102 }));
  const server = await startStaticServer(dir);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const base = server.url;
  try {
    const parts = new Set(args.parts.split(','));
    // 1. Chicago sample to a drawn map.
    if (parts.has('chicago')) {
      const page = await newPage(browser);
      await page.goto(`${base}#/s:chicago/map`);
      await page.locator('[data-map-ready="true"]').waitFor({ timeout: 120_000 });
      const readyMs = await sinceNavigation(page);
      results['chicago'] = { mapReadyMs: readyMs, longTasks: await takeLongTasks(page) };
      console.log(`chicago: map drawn ${readyMs} ms after navigation`);
      await page.context().close();
    }
    // 2. The national bundle on the map: load, pan, filter.
    if (parts.has('big')) {
      const page = await newPage(browser);
      const { reportMs, startTasks, readTasks } = await importThroughAddress(page, base, 'bench-big.json');
      await page.locator('[data-map-ready="true"]').waitFor({ timeout: 600_000 });
      await mapIdle(page);
      const mapMs = await sinceNavigation(page);
      await page.locator('[data-testid="gap-summary"]').waitFor({ timeout: 600_000 });
      // From pressing Import to the drawn map and the finished analysis.
      const drawTasks = await takeLongTasks(page);
      for (let i = 0; i < 8; i++) {
        await page.evaluate(
          (dx) =>
            new Promise<void>((resolve) => {
              const map = (window as unknown as { __forgemapMap: MaplibreMap }).__forgemapMap;
              map.once('moveend', () => resolve());
              map.panBy([dx, dx / 2], { duration: 400 });
            }),
          i % 2 === 0 ? 300 : -300,
        );
      }
      await mapIdle(page);
      const panTasks = await takeLongTasks(page);
      const support = page.locator('[data-testid="kind-filter"] input[type="checkbox"]').last();
      await support.uncheck();
      await mapIdle(page);
      await support.check();
      await mapIdle(page);
      const filterTasks = await takeLongTasks(page);
      results['big'] = { ...big, reportMs, mapMs, startTasks, readTasks, drawTasks, panTasks, filterTasks };
      console.log(
        `big ${big.orgs}/${big.links}: import report ${reportMs} ms, map drawn ${mapMs} ms; long tasks while the app starts (sample map): ${JSON.stringify(startTasks)}, the worker reads the file: ${JSON.stringify(readTasks)}, drawing/analysing: ${JSON.stringify(drawTasks)}, panning: ${JSON.stringify(panTasks)}, filtering: ${JSON.stringify(filterTasks)}`,
      );
      // 2b. The same bundle in the network view: aggregated.
      await page.getByRole('button', { name: 'Network', exact: true }).click();
      await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 600_000 });
      const aggregated = await page
        .locator('[data-testid="network"]')
        .evaluate((e) => ({ ...(e as HTMLElement).dataset }));
      const frames = await networkFrameTimes(page, 2000);
      results['bigNetwork'] = { ...aggregated, frames, longTasks: await takeLongTasks(page) };
      console.log(`big network: ${JSON.stringify(aggregated)} frames ${JSON.stringify(frames)}`);
      await page.context().close();
    }
    // 3. The network view at sigma's comfortable size.
    if (parts.has('network')) {
      const page = await newPage(browser);
      await importThroughAddress(page, base, 'bench-net.json');
      await page.locator('[data-testid="dataset-title"]').filter({ hasText: /./ }).waitFor();
      await page.getByRole('button', { name: 'Network', exact: true }).click();
      await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 600_000 });
      const canvas = await page
        .locator('[data-testid="network"]')
        .evaluate((e) => ({ ...(e as HTMLElement).dataset }));
      await takeLongTasks(page);
      const frames = await networkFrameTimes(page, 3000);
      const moveTasks = await takeLongTasks(page);
      await page.locator('[data-testid="network-layout-tier"]').click();
      await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 120_000 });
      const layoutTasks = await takeLongTasks(page);
      results['network'] = { ...net, canvas, frames, moveTasks, layoutTasks };
      console.log(
        `network ${net.orgs}/${net.links}: ${canvas['nodeCount']} nodes, ${canvas['edgeCount']} edges, first frame ${canvas['firstFrameMs']} ms; camera frames ${JSON.stringify(frames)}; long tasks moving ${JSON.stringify(moveTasks)}, switching to tiers ${JSON.stringify(layoutTasks)}`,
      );
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (args.out !== undefined) writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
