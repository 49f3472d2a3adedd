// Importing in headless Chromium: a dropped pair of CSV files (organizations and links) goes through the
// column-mapping step (one column fixed by hand), the report, then Import; the firms appear on the map and
// the gaps are recomputed for the chosen region (expected figures worked out by hand below). A broken file
// shows its report and leaves the data on screen alone. `?data=` opens a same-origin file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import { ANIMATED_ITEMS_MAX } from '../../src/views/network/controllers/useLayout.ts';
import { bigBundle } from '../../src/io/export/test-bundles.ts';
import { generateLargeBundle } from '../../scripts/bench/large-bundle.ts';
import { useAppSessions, useSharedApp } from './harness.ts';

const byTestId = (id: string) => `[data-testid="${id}"]`;

/**
 * The row the page's dataset store keeps under `key` in `store` ('datasets' or 'info'), described by its keys
 * and how its columns are held (a Blob, or the value's type); 'none' without one.
 */
const storedRow = (page: Page, store: 'datasets' | 'info', key: string) =>
  page.evaluate(
    ([name, wanted]) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('forgemap');
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).get(wanted);
          get.onsuccess = () => {
            const row = get.result as Record<string, unknown> | undefined;
            open.result.close();
            resolve(
              row === undefined
                ? 'none'
                : `${Object.keys(row).sort().join(',')} ${row['columns'] instanceof Blob ? 'blob' : typeof row['columns']}`,
            );
          };
        };
      }),
    [store, key] as const,
  );

/** The map's organization source, as the points worker last filled it: its clusters, features and firms counted. */
const orgSourceHeld = (page: Page) =>
  page.evaluate(async () => {
    const map = (window as unknown as { __forgemapMap: MaplibreMap }).__forgemapMap;
    const data = (await map.getSource<GeoJSONSource>('orgs')!.getData()) as {
      features: { properties: Record<string, unknown> }[];
    };
    const counts = data.features.map((f) => f.properties['point_count']);
    return {
      clusters: counts.filter((n) => typeof n === 'number').length,
      features: data.features.length,
      firms: counts.reduce<number>((n, count) => n + (typeof count === 'number' ? count : 1), 0),
    };
  });
const root = fileURLToPath(new URL('../../', import.meta.url));

// "Firm type" is not a header the importer recognises: the user maps it to the kind by hand.
const ORGS_CSV = [
  'Company Name,Firm type,Address,City,ST,Zip Code,NAICS,UEI',
  '"Acme Prime Systems, Inc.",prime,1 Main St,Chicago,IL,60601,336992,AAAAAAAAAAA1',
  'Beta Forge,manufacturer,2 Main St,Chicago,IL,60602,332111,BBBBBBBBBBB2',
  'Gamma Heat Treat,manufacturer,3 Main St,Peoria,IL,61602,332811,CCCCCCCCCCC3',
  'Delta Machining <b>Co</b>,manufacturer,4 Main St,Cicero,IL,60804,332710,DDDDDDDDDDD4',
].join('\r\n');
const LINKS_CSV = [
  'supplier,buyer,naics,amount',
  'Beta Forge,"Acme Prime Systems, Inc.",332111,1000000',
  'Gamma Heat Treat,"Acme Prime Systems, Inc.",332811,500000',
  'Delta Machining <b>Co</b>,Beta Forge,332710,200000',
].join('\r\n');
// By hand, for the Chicago Metro Metal region (the seven CMAP counties; 60601, 60602 and 60804 are in Cook,
// 61602 is Peoria): demand is 332111 ($1M, from Beta inside), 332811 ($0.5M, from Gamma outside: missing)
// and 332710 ($0.2M, from Delta inside): 3 capabilities in demand, all 3 flagged (missing, single-source
// twice, and workforce on all: no training organization), $500,000 a year bought outside.

async function drop(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    return dt;
  }, files);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

/** A page shared by the tests of one describe block: the Chicago sample's drawn map, where files are dropped. */
const onChicagoMap = () =>
  useSharedApp({
    hash: '#/s:chicago/map',
    ready: ({ page }) => page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 }),
  });

describe('importing CSV files', () => {
  const app = onChicagoMap();

  it('keeps the data on screen when a broken file is dropped, and shows its report', async () => {
    const { page } = await app();
    await drop(page, [{ name: 'garbage.csv', text: '\u0000\u0001\u0002 not a table' }]);
    const dialog = page.locator(byTestId('import-dialog'));
    await expect.poll(() => dialog.innerText(), { timeout: 30_000 }).toMatch(/garbage\.csv/);
    await page.locator(byTestId('import-report')).waitFor({ timeout: 30_000 });
    expect(await page.locator(byTestId('import-counts')).innerText()).toMatch(/Nothing can be imported/);
    expect(await page.locator(byTestId('import-confirm')).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.locator(byTestId('dataset-title')).innerText()).toContain('Chicago');
  });

  it('maps a column by hand, reports, imports, and recomputes the gaps', async () => {
    const { page, pageErrors } = await app();
    await drop(page, [
      { name: 'firms.csv', text: ORGS_CSV },
      { name: 'links.csv', text: LINKS_CSV },
    ]);
    await page.locator(byTestId('import-report')).waitFor({ timeout: 30_000 });
    const kind = page.locator(byTestId('import-mapping-0-kind'));
    await kind.waitFor();
    expect(await kind.inputValue()).toBe('');
    await kind.selectOption('Firm type');
    // The import re-runs with the fixed mapping.
    await expect
      .poll(() => page.locator(byTestId('import-counts')).innerText(), { timeout: 30_000 })
      .toMatch(/^4 organizations and 3 links ready to import/);
    await page.locator(byTestId('import-confirm')).click();
    await expect.poll(() => page.locator(byTestId('dataset-title')).innerText()).toMatch(/firms/i);
    expect(await page.locator(byTestId('synthetic-badge')).count()).toBe(0);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^4 of 4 organizations/);

    // No home region yet: the regions its organizations fall in are offered, largest first (3 of the 4
    // firms are in Cook County, one of the Chicago region's seven).
    const offered = page.locator(`${byTestId('region-suggestions')} li`);
    await expect.poll(() => offered.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await offered.first().innerText();
    expect(first).toContain('3 organizations');
    await page
      .locator(`${byTestId('region-suggestions')} button[data-region="imcp-chicago-metro-metal"]`)
      .click();
    expect(await page.locator(byTestId('region-picker')).inputValue()).toBe('imcp-chicago-metro-metal');
    expect(await page.locator(byTestId('region-suggestions')).count()).toBe(0);
    const summary = page.locator(byTestId('gap-summary'));
    await expect.poll(() => summary.innerText(), { timeout: 30_000 }).toMatch(/3 capabilities in demand/);
    expect(await summary.innerText()).toMatch(/3 organizations in the region/);
    // Names are text, never markup.
    await page.locator(byTestId('org-search')).fill('Delta');
    await expect
      .poll(() => page.locator(byTestId('org-search-results')).getByRole('option').first().innerText())
      .toContain('Delta Machining <b>Co</b>');
    expect(await page.locator('b', { hasText: 'Co' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('importing a big bundle', () => {
  const app = onChicagoMap();

  it('parses part of its links in a helper worker, reports the bad link, and imports the rest', async () => {
    const { page, pageErrors } = await app();
    // 2,000 firms and 220,000 links: just over the size at which the import worker starts its helper.
    await drop(page, [{ name: 'big.json', text: exportBundleJson(bigBundle()) }]);
    const counts = page.locator(byTestId('import-counts'));
    await expect
      .poll(() => counts.innerText().catch(() => ''), { timeout: 60_000 })
      .toMatch(/^2,000 organizations and 219,999 links ready to import/);
    // The helper is a worker started by the import worker, which the page does not see; the dialog says.
    expect(await page.locator(byTestId('import-dialog')).getAttribute('data-two-core-files')).toBe('1');
    expect(await page.locator(byTestId('import-report')).innerText()).toContain('"nobody"');
    await page.locator(byTestId('import-confirm')).click();
    await expect.poll(() => page.locator(byTestId('dataset-title')).innerText()).toMatch(/Big test bundle/);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^2,000 of 2,000 organizations/);
    // Kept on this device in columns (a Blob made in the import worker, not the JSON text), read back on reload.
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/h:[0-9a-f]{16}\//);
    const hash = /h:([0-9a-f]{16})/.exec(page.url())![1]!;
    await expect
      .poll(() => storedRow(page, 'datasets', hash), { timeout: 30_000 })
      .toBe('columns,hash,positions blob');
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toMatch(/Big test bundle/);
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^2,000 of 2,000 organizations/);
    // The links came back too: the network draws them, with the supply tiers the analysis worker found.
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    const network = page.locator('[data-testid="network"][data-network-ready="true"]');
    await network.waitFor({ timeout: 60_000 });
    expect(Number(await network.getAttribute('data-edge-count'))).toBeGreaterThan(500);
    await page.locator(byTestId('network-layout-tier')).click();
    await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 60_000 });
    // The rest of a big dataset's filter index (capabilities, certifications) is built after its first
    // picture: the capability search lists them once it is.
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator(byTestId('capability-search')).fill('3327');
    await expect
      .poll(() => page.locator(byTestId('capability-options')).innerText(), { timeout: 30_000 })
      .toContain('332710');
    // A link that filters by capability waits for it instead: nothing is shown unfiltered on the way.
    await page.goto(`${new URL(page.url()).origin}/#/h:${hash}/map?cap=999999`);
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^0 of 2,000 organizations/);
    expect(pageErrors).toEqual([]);
  });
});

declare global {
  interface Window {
    /** Each worker the page made: its script and when (watchWorkers). */
    __workersMade?: { url: string; at: number }[];
  }
}

/** Notes each worker the page makes, with the time on the page's clock. */
function watchWorkers(): void {
  const made: { url: string; at: number }[] = [];
  window.__workersMade = made;
  const Made = window.Worker;
  window.Worker = class extends Made {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      made.push({ url: String(url), at: performance.now() });
    }
  };
}

describe('importing more organizations than the page clusters itself', () => {
  const app = useSharedApp({
    hash: '#/s:chicago/map',
    ready: ({ page }) => page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 }),
    initScript: watchWorkers,
  });

  it("draws the map's clusters from one points worker: the one made ahead is the one the map takes", async () => {
    const { page, pageErrors } = await app();
    const pointsWorkers: string[] = [];
    page.on('worker', (worker) => {
      if (/points\.worker/.test(worker.url())) pointsWorkers.push(worker.url());
    });
    // 12,000 firms: over the 10,000 the page clusters on its own thread.
    await drop(page, [
      { name: 'national.json', text: generateLargeBundle({ orgs: 12_000, links: 12_000, seed: 11 }) },
    ]);
    await page.locator(byTestId('import-confirm') + ':enabled').waitFor({ timeout: 60_000 });
    await page.locator(byTestId('import-confirm')).click();
    await expect.poll(() => page.locator(byTestId('filter-count')).innerText()).toMatch(/^12,000 of 12,000/);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    // The map's source holds the worker's clusters around the view, which together count every firm in it.
    const held = await orgSourceHeld(page);
    expect(held.clusters).toBeGreaterThan(0);
    expect(held.features).toBeLessThan(12_000);
    // One worker: the one made ahead is the one the map used (none made twice, none left waiting).
    expect(pointsWorkers).toHaveLength(1);
    // Kept, then reopened: the points go to a worker as the kept columns are opened (app/points-ahead.ts),
    // and the map takes that one; its clusters again count every firm.
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/h:[0-9a-f]{16}\//);
    const hash = /h:([0-9a-f]{16})/.exec(page.url())![1]!;
    await expect.poll(() => storedRow(page, 'info', hash), { timeout: 30_000 }).not.toBe('none');
    const before = (await orgSourceHeld(page)).firms;
    expect(before).toBeGreaterThan(0);
    // The code that loads a bundle's JSON came for the sample this page started on (bundle-code.ts)…
    const bundleCodeFetched = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => /\/load-bundle-[^/]*\.js$/.test(entry.name)),
      );
    expect(await bundleCodeFetched()).toBe(true);
    pointsWorkers.length = 0;
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^12,000 of 12,000/);
    // …and not for the kept dataset, read from its columns.
    expect(await bundleCodeFetched()).toBe(false);
    expect((await orgSourceHeld(page)).firms).toBe(before);
    expect(pointsWorkers).toHaveLength(1);
    // Its analysis waits for the picture (24,000 records), and so does its worker's start.
    await expect
      .poll(() => page.evaluate(() => window.__workersMade!.some((w) => /analysis\.worker/.test(w.url))))
      .toBe(true);
    const { analysis, drawn } = await page.evaluate(() => ({
      analysis: window.__workersMade!.filter((w) => /analysis\.worker/.test(w.url)).map((w) => w.at),
      drawn: performance.getEntriesByName('forgemap:map-ready')[0]!.startTime,
    }));
    expect(analysis).toHaveLength(1);
    expect(analysis[0]).toBeGreaterThanOrEqual(drawn);
    expect(pageErrors).toEqual([]);
  });
});

describe('a network too big to animate', () => {
  const app = onChicagoMap();

  it('jumps to the tier layout, and the frame drawn next has every node in its column', async () => {
    const { page, pageErrors } = await app();
    await drop(page, [
      { name: 'dense.json', text: generateLargeBundle({ orgs: 3_000, links: 30_000, seed: 12 }) },
    ]);
    await page.locator(byTestId('import-confirm') + ':enabled').waitFor({ timeout: 60_000 });
    await page.locator(byTestId('import-confirm')).click();
    await expect.poll(() => page.locator(byTestId('filter-count')).innerText()).toMatch(/^3,000 of 3,000/);
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 60_000 });
    const items = await page.evaluate(() => {
      const graph = window.__forgemapSigma!.getGraph();
      return graph.order + graph.size;
    });
    expect(items).toBeGreaterThan(ANIMATED_ITEMS_MAX);
    await page.locator(byTestId('network-layout-tier')).click();
    await page.locator('[data-testid="network"][data-layout="tier"]').waitFor({ timeout: 60_000 });
    // Distinct x of the nodes, as placed (graph) and as last drawn (sigma's display data): a few columns.
    const columns = () =>
      page.evaluate(() => {
        const sigma = window.__forgemapSigma!;
        const placed = new Set<number>();
        const drawn = new Set<number>();
        sigma.getGraph().forEachNode((node, attrs) => {
          placed.add(attrs.x);
          drawn.add(sigma.getNodeDisplayData(node)!.x);
        });
        return { placed: placed.size, drawn: drawn.size };
      });
    await expect.poll(async () => (await columns()).drawn, { timeout: 30_000 }).toBeLessThanOrEqual(12);
    const { placed, drawn } = await columns();
    expect(drawn).toBe(placed);
    expect(placed).toBeGreaterThan(1);
    expect(pageErrors).toEqual([]);
  });
});

describe('importing a USAspending Subawards download', () => {
  const app = onChicagoMap();

  it('reads a USAspending Subawards download on the records engine (DuckDB-Wasm), reports and imports it', async () => {
    const { page, pageErrors, foreignRequests } = await app();
    // The golden case of tests/golden/import/subawards: 5 firms, 4 links by fiscal year, 2 rows refused.
    const text = readFileSync(`${root}tests/golden/import/subawards/contracts.input.csv`, 'utf8');
    await drop(page, [{ name: 'Contracts_Subawards_golden.csv', text }]);
    const counts = page.locator(byTestId('import-counts'));
    await expect
      .poll(() => counts.innerText().catch(() => ''), { timeout: 60_000 })
      .toMatch(/^5 organizations and 4 links ready to import/);
    const report = await page.locator(byTestId('import-report')).innerText();
    expect(report).toContain('Subaward without a prime awardee');
    await page.locator(byTestId('import-confirm')).click();
    await expect
      .poll(() => page.locator(byTestId('dataset-title')).innerText())
      .toBe('Contracts Subawards golden');
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^5 of 5 organizations/);
    // The engine's script and module come from the app's own origin.
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('importing a GEXF file', () => {
  const app = useSharedApp({
    hash: '#/s:chicago/network',
    ready: ({ page }) =>
      page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 60_000 }),
  });

  it('keeps the positions the file gave its nodes, as the network\'s "From the file" layout, across a reload', async () => {
    const { page, pageErrors } = await app();
    expect(await page.locator(byTestId('network-layout-file')).count()).toBe(0);
    const text = readFileSync(`${root}tests/golden/import/gexf/network.input.gexf`, 'utf8');
    await drop(page, [{ name: 'network.gexf', text }]);
    await page.locator(byTestId('import-confirm')).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/h:/);
    // Opened in the file's own layout, without asking.
    await page.locator('[data-testid="network"][data-layout="file"]').waitFor({ timeout: 30_000 });
    expect(await page.locator(byTestId('network-layout-file')).getAttribute('aria-pressed')).toBe('true');
    const xy = () =>
      page.evaluate(() => {
        const out: Record<string, [number, number]> = {};
        window.__forgemapSigma!.getGraph().forEachNode((n, a) => (out[n] = [a.x, a.y]));
        return out;
      });
    // The file: p1 at (10.5, −20), s1 at (−5, 7.25); s2 has none and goes below both.
    const check = (p: Record<string, [number, number]>) => {
      expect(p['p1']![0]).toBeGreaterThan(p['s1']![0]);
      expect(p['p1']![1]).toBeLessThan(p['s1']![1]);
      // The ratio of the file's offsets survives the scaling: Δx / Δy = 15.5 / −27.25.
      expect((p['p1']![0] - p['s1']![0]) / (p['p1']![1] - p['s1']![1])).toBeCloseTo(15.5 / -27.25, 5);
      expect(p['s2']![1]).toBeLessThan(p['p1']![1]);
    };
    check(await xy());
    await page.reload();
    await page.locator('[data-testid="network"][data-layout="file"]').waitFor({ timeout: 60_000 });
    check(await xy());
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A network as Gephi saves one with no data of its own (the kind of file people try first): labelled
 * nodes at layout positions, weighted edges, and an attribute "site" holding a ZIP code that nothing
 * recognises by its name. Firm names are fictional.
 */
function bareNetwork(nodes: number): string {
  const attributes = '<attributes class="node"><attribute id="0" title="site" type="string"/></attributes>';
  const zips = ['60601', '60602', '60804'];
  const nodeText = Array.from(
    { length: nodes },
    (_, i) =>
      `<node id="n${i}" label="Lakeside Part ${String.fromCharCode(65 + i)}"><attvalues><attvalue for="0" value="${zips[i % 3]}"/></attvalues><viz:position x="${(i % 4) * 10}" y="${Math.floor(i / 4) * 10}"/></node>`,
  ).join('');
  const edges = Array.from(
    { length: nodes - 1 },
    (_, i) => `<edge id="e${i}" source="n${i + 1}" target="n${Math.floor(i / 3)}" weight="1"/>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">' +
    `<graph defaultedgetype="directed">${attributes}<nodes>${nodeText}</nodes><edges>${edges}</edges></graph></gexf>`
  );
}

describe('importing a network file without locations', () => {
  // A fresh session per test: each starts on the sample's map, with nothing kept from the other.
  const open = useAppSessions();
  const app = async () => {
    const session = await open('#/s:chicago/map');
    await session.page.locator('[data-testid="map"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
    return session;
  };
  const text = bareNetwork(12);

  it("says what the file lacks and what was assumed; the map says why it is empty; the network opens in the file's layout", async () => {
    const { page, pageErrors } = await app();
    await drop(page, [{ name: 'bare.gexf', text }]);
    const group = page.locator(byTestId('import-group-field-missing'));
    await group.waitFor({ timeout: 60_000 });
    // Open without a click: the assumptions are not hidden behind a disclosure.
    expect(await group.locator('details').getAttribute('open')).not.toBeNull();
    const said = await group.innerText();
    expect(said).toContain('all 12 organizations were imported as manufacturers');
    expect(said).toContain('the 12 organizations are not on the map');
    expect(said).toContain('the 11 links carry no dollars');
    // The nodes' attributes are offered for a mapping, like a CSV's columns.
    const mapping = page.locator(byTestId('import-mapping-0'));
    expect(await mapping.locator('legend').innerText()).toBe('Node attributes of bare.gexf');
    expect(await page.locator(byTestId('import-mapping-0-name')).inputValue()).toBe('label');
    expect(await page.locator(byTestId('import-mapping-target-0')).count()).toBe(0);

    await page.locator(byTestId('import-confirm')).click();
    const note = page.locator(byTestId('map-placement-note'));
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toContain('None of the 12 organizations has a location');
    expect(await note.innerText()).toContain('ZIP code or its county FIPS code');
    expect(await page.locator(byTestId('map')).getAttribute('data-visible-orgs')).toBe('0');
    // No home region: the side panel says to choose one, and draws no chart of empty axes beside it.
    expect(await page.locator(byTestId('side-imported-value')).count()).toBe(0);
    // The note is whole inside the map and clear of its legend, so its button can be pressed.
    const [noteBox, mapBox, legendBox] = await Promise.all(
      [note, page.locator(byTestId('map')), page.locator(byTestId('map-legend'))].map((l) => l.boundingBox()),
    );
    expect(noteBox!.x).toBeGreaterThanOrEqual(mapBox!.x);
    expect(noteBox!.y).toBeGreaterThanOrEqual(mapBox!.y);
    expect(noteBox!.x + noteBox!.width).toBeLessThanOrEqual(mapBox!.x + mapBox!.width);
    const apart =
      noteBox!.y + noteBox!.height <= legendBox!.y ||
      legendBox!.x + legendBox!.width <= noteBox!.x ||
      noteBox!.x + noteBox!.width <= legendBox!.x;
    expect(apart).toBe(true);
    await page.locator(byTestId('map-placement-network')).click();
    await page
      .locator('[data-testid="network"][data-layout="file"][data-network-ready="true"]')
      .waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).hash).toMatch(/\/network\b.*layout=file/);
    const xy = await page.evaluate(() => {
      const out: Record<string, [number, number]> = {};
      window.__forgemapSigma!.getGraph().forEachNode((n, a) => (out[n] = [a.x, a.y]));
      return out;
    });
    // The file's grid: n1 is 10 to the right of n0 on the same row; n4 starts the next row.
    expect(xy['n1']![0]).toBeGreaterThan(xy['n0']![0]);
    expect(xy['n1']![1]).toBeCloseTo(xy['n0']![1], 6);
    expect(xy['n4']![0]).toBeCloseTo(xy['n0']![0], 6);
    expect(xy['n4']![1]).not.toBeCloseTo(xy['n0']![1], 3);
    expect(pageErrors).toEqual([]);
  });

  it('places the firms once a ZIP attribute is chosen in the mapping, and the map then has no note', async () => {
    const { page, pageErrors } = await app();
    await drop(page, [{ name: 'bare.gexf', text }]);
    const group = page.locator(byTestId('import-group-field-missing'));
    await group.waitFor({ timeout: 60_000 });
    await page.locator(byTestId('import-mapping-0-zip')).selectOption('site');
    await expect
      .poll(async () => (await group.innerText().catch(() => '')).includes('not on the map'), {
        timeout: 30_000,
      })
      .toBe(false);
    await page.locator(byTestId('import-confirm')).click();
    await expect
      .poll(() => page.locator(byTestId('map')).getAttribute('data-visible-orgs'), { timeout: 60_000 })
      .toBe('12');
    expect(await page.locator(byTestId('map-placement-note')).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('?data= addresses', () => {
  const app = useSharedApp({ hash: '' });

  it('opens a same-origin file named in the address and keeps the parameter', async () => {
    const { page } = await app();
    await page.locator(byTestId('dataset-title')).filter({ hasText: 'Chicago' }).waitFor({ timeout: 30_000 });
    // The shipped Chicago sample's own address, relative to the app: a same-origin file.
    const sampleUrl = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((name) => /chicago[^/]*\.json$/.test(name))!,
    );
    const relative = new URL(sampleUrl).pathname.replace(/^\//, '');
    await page.goto(`${new URL(page.url()).origin}/?data=${relative}`);
    await page.locator(byTestId('import-report')).waitFor({ timeout: 30_000 });
    // Straight to the file: no sample was loaded, analysed or drawn behind the dialog.
    expect(await page.locator(byTestId('dataset-title')).innerText()).toBe('Opening the linked file…');
    expect(await page.locator(byTestId('waiting-for-file')).count()).toBe(1);
    expect(await page.locator(byTestId('map')).count()).toBe(0);
    expect(await page.locator(byTestId('gap-panel')).count()).toBe(0);
    // Nor after Import, while the bundle is being kept: the sample's file is not fetched again.
    const fetches = () =>
      page.evaluate(
        (name) =>
          performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === `/${name}`)
            .length,
        relative,
      );
    const before = await fetches();
    expect(before).toBe(1);
    await page.locator(byTestId('import-confirm')).click();
    // Shown as soon as it is imported, and the same map goes on under its h: link (not made again).
    await page.locator(byTestId('map')).waitFor({ timeout: 30_000 });
    await page.locator(byTestId('map')).evaluate((e) => e.setAttribute('data-seen-before', 'yes'));
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/h:[0-9a-f]{16}\//);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator(`${byTestId('map')}[data-seen-before="yes"]`).count()).toBe(1);
    expect(await fetches()).toBe(before);
    expect(await page.locator(byTestId('dataset-title')).innerText()).toMatch(/Chicago/);
    expect(new URL(page.url()).search).toBe(`?data=${relative}`);
    // Reloaded (the address keeps the file and names the kept dataset): read from the device, without an
    // import worker made on the way.
    const hash = /h:([0-9a-f]{16})/.exec(page.url())![1]!;
    await expect.poll(() => storedRow(page, 'info', hash), { timeout: 30_000 }).not.toBe('none');
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toMatch(/Chicago/);
    expect(workers.filter((url) => /import\.worker/.test(url))).toEqual([]);
  });

  it('fetches the file of a link that names a dataset this device lacks, and restores the linked view on it', async () => {
    const { page } = await app();
    // The shipped Chicago sample's address, as its own start fetches it.
    await page.goto(`${new URL(page.url()).origin}/#/s:chicago/gaps`);
    await page.locator(byTestId('dataset-title')).filter({ hasText: 'Chicago' }).waitFor({ timeout: 30_000 });
    const sampleUrl = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((name) => /chicago[^/]*\.json$/.test(name)),
    );
    expect(sampleUrl).toBeDefined();
    const relative = new URL(sampleUrl!).pathname.replace(/^\//, '');
    // A hash no device keeps: the file is fetched while IndexedDB is asked (data-param.ts, prefetchDataParam, from boot.ts).
    await page.goto(`${new URL(page.url()).origin}/?data=${relative}#/h:0123456789abcdef/gaps`);
    // From the last test's page (the same ?data=) that was a change of hash only: load the page itself.
    await page.reload();
    await page.locator(byTestId('import-confirm') + ':enabled').waitFor({ timeout: 30_000 });
    await page.locator(byTestId('import-confirm')).click();
    // The view is restored on the file's own hash.
    await expect.poll(() => new URL(page.url()).hash).not.toContain('0123456789abcdef');
    expect(new URL(page.url()).hash).toMatch(/^#\/h:[0-9a-f]{16}\/gaps/);
    await expect
      .poll(() => page.locator(byTestId('notices')).innerText(), { timeout: 30_000 })
      .toMatch(/is not the one the link names/);
  });

  it("shows the sample when the linked file's import is cancelled", async () => {
    const { page } = await app();
    await page.goto(`${new URL(page.url()).origin}/?data=${encodeURIComponent('index.html')}`);
    await page.locator(byTestId('import-dialog')).waitFor({ timeout: 30_000 });
    expect(await page.locator(byTestId('map')).count()).toBe(0);
    await page.locator(byTestId('import-cancel')).click();
    await page.locator(byTestId('dataset-title')).filter({ hasText: 'Chicago' }).waitFor({ timeout: 30_000 });
  });

  it('refuses a file from another origin and says why', async () => {
    const { page } = await app();
    await page.goto(`${new URL(page.url()).origin}/?data=${encodeURIComponent('http://example.com/x.json')}`);
    await expect
      .poll(() => page.locator(byTestId('notices')).innerText(), { timeout: 30_000 })
      .toMatch(/only loads data from its own origin/);
    // Nothing to wait for: the sample is shown under the notice.
    await page.locator(byTestId('dataset-title')).filter({ hasText: 'Chicago' }).waitFor({ timeout: 30_000 });
  });
});
