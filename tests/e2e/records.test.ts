// Building a region from public records in the real app (headless Chromium): the golden USAspending downloads
// (tests/golden/records/chicago, fictional firms in the real schemas) go through "Build from public records…",
// run on DuckDB-Wasm in the records worker, show the region's DoD headline (figures worked out by hand in
// tests/records-golden.test.ts), and land like any import: kept on this device under an h: link, drawn on the
// map. The engine and its WebAssembly module come from the app's own origin; nothing leaves it.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../scripts/records/generate.ts';
import { useSharedApp } from './harness.ts';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const GOLDEN = fileURLToPath(new URL('../golden/records/chicago/', import.meta.url));
const files = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.csv'))
  .map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(`${GOLDEN}${name}`) }));
const SAM = 'SAM_PUBLIC_MONTHLY_V2_20261101.dat';
const sam = {
  name: SAM,
  mimeType: 'application/octet-stream',
  buffer: readFileSync(fileURLToPath(new URL(`../golden/records/sam/${SAM}`, import.meta.url))),
};

describe('building a region from public records', () => {
  const app = useSharedApp({
    hash: '#/s:chicago/map',
    ready: ({ page }) => page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 }),
  });

  it('names a wrong download and keeps the data on screen', async () => {
    const { page } = await app();
    await page.locator(byTestId('records-open')).click();
    await page.locator(byTestId('records-files')).setInputFiles([
      {
        name: 'grants.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('assistance_transaction_unique_key,x\n1,2\n'),
      },
    ]);
    await page.locator(byTestId('records-build')).click();
    await expect
      .poll(() => page.locator(byTestId('records-error')).allInnerTexts(), { timeout: 60_000 })
      .toEqual([
        'grants.csv: this is a financial assistance download (grants, loans), not contracts; download "Contracts" prime transactions instead',
      ]);
    expect(await page.locator(byTestId('records-confirm')).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(byTestId('records-dialog')).count()).toBe(0);
    expect(await page.locator(byTestId('dataset-title')).innerText()).toContain('Chicago');
  });

  it('cancels a build that is running, and builds again', async () => {
    const { page } = await app();
    // Big enough to take some seconds (about 80 MB of generated, synthetic prime transactions).
    const generated = generateRecords({
      transactions: 200_000,
      subawards: 1_000,
      out: mkdtempSync(join(tmpdir(), 'forgemap-e2e-records-')),
    });
    await page.locator(byTestId('records-open')).click();
    await page.locator(byTestId('records-files')).setInputFiles([generated.prime, generated.subawards]);
    await page.locator(byTestId('records-build')).click();
    await page.locator(byTestId('records-progress')).waitFor({ timeout: 30_000 });
    await page.locator(byTestId('records-stop')).click();
    await expect.poll(() => page.locator(byTestId('records-progress')).count()).toBe(0);
    expect(await page.locator(byTestId('records-error')).count()).toBe(0);
    expect(await page.locator(byTestId('records-headline')).count()).toBe(0);
    // A fresh worker takes the next build.
    await page.locator(byTestId('records-files')).setInputFiles(files);
    await page.locator(byTestId('records-build')).click();
    await page.locator(byTestId('records-headline')).waitFor({ timeout: 120_000 });
    expect(await page.locator(byTestId('records-headline')).innerText()).toMatch(/4 DoD-performing firms/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(byTestId('records-dialog')).count()).toBe(0);
  }, 240_000);

  it('builds the Chicago region from the downloads, shows its headline, and opens it as a kept dataset', async () => {
    const { page, pageErrors, foreignRequests, requests } = await app();
    await page.locator(byTestId('records-open')).click();
    const dialog = page.locator(byTestId('records-dialog'));
    await page.locator(byTestId('records-region')).selectOption('imcp-chicago-metro-metal');
    await page.locator(byTestId('records-files')).setInputFiles([...files, sam]);
    expect(await page.locator(byTestId('records-file')).count()).toBe(3);
    await page.locator(byTestId('records-build')).click();
    const headline = page.locator(byTestId('records-headline'));
    await headline.waitFor({ timeout: 120_000 });
    expect(await headline.innerText()).toMatch(/4 DoD-performing firms in Chicago Metro Metal Consortium/);
    expect(await headline.innerText()).toMatch(
      /9 organizations and 6 subaward links, one per pair and fiscal year/,
    );
    // Each file says which download it was recognised as.
    expect(await page.locator(byTestId('records-file')).allInnerTexts()).toEqual([
      expect.stringMatching(/^Contracts_PrimeTransactions_.*: contract prime transactions, 15 KB$/),
      expect.stringMatching(/^Contracts_Subawards_.*: contract subawards, 6 KB$/),
      expect.stringMatching(/^SAM_PUBLIC_MONTHLY_V2_20261101\.dat: SAM\.gov entity extract, 1 KB$/),
    ]);
    // The extract gave three of the four DoD subawardees their NAICS codes (tests/records-golden.test.ts).
    expect(await page.locator(byTestId('records-sam')).innerText()).toMatch(
      /^SAM\.gov entity extract: 5 entities; 3 of 4 DoD subawardees found there/,
    );
    expect(await page.locator(byTestId('records-year')).allInnerTexts()).toEqual([
      'FY2023\t$5M\t2\t63% of $8M',
      'FY2024\t$3.65M\t4\t73% of $5M',
    ]);
    // The engine ran from this origin: its WebAssembly module was fetched from the app's assets.
    expect(requests.some((url) => /\/assets\/duckdb-eh-[\w-]+\.wasm$/.test(url))).toBe(true);
    await page.locator(byTestId('records-confirm')).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.locator(byTestId('dataset-title')).innerText(), { timeout: 30_000 })
      .toMatch(/Chicago Metro Metal Consortium \(CMMC\): DoD performers from USAspending/);
    expect(await page.locator(byTestId('synthetic-badge')).count()).toBe(0);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/h:[0-9a-f]{16}\//);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    // All nine organizations are in the dataset (Oscar GmbH, in Berlin, is kept without a place on the map).
    expect(await page.locator(byTestId('filter-count')).innerText()).toMatch(/^9 of 9 organizations/);
    // The gap dashboard leads with the region's DoD dollars by fiscal year.
    await page.locator('.view-tabs button', { hasText: 'Gaps' }).click();
    const dod = page.locator(byTestId('chart-dod-years'));
    await dod.waitFor({ timeout: 30_000 });
    expect(await dod.locator(byTestId('dod-bar')).count()).toBe(2);
    expect(await dod.innerText()).toContain('4 DoD-performing firms');
    // Heat treating bought outside: Lima $100k (FY2023) + $300k (FY2024), Oscar $60k (FY2024); a year's
    // average over both years is $230K, FY2024 alone $360K.
    const heatTreating = page.locator(`${byTestId('gap-table')} tr[data-capability="332811"]`);
    await expect.poll(() => heatTreating.innerText(), { timeout: 30_000 }).toContain('$230k');
    await page.locator(byTestId('year-from')).first().selectOption('2024');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/[?&]fy=2024(&|$)/);
    await expect.poll(() => heatTreating.innerText(), { timeout: 30_000 }).toContain('$360k');
    expect(await page.locator(byTestId('gaps-dashboard-summary')).innerText()).toContain('(FY2024)');
    await page.locator('.view-tabs button', { hasText: 'Map' }).click();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(`${byTestId('filter-panel')} ${byTestId('year-help')}`).innerText()).toBe(
      "Links of FY2024 only, with that year's dollars.",
    );
    // Kept on this device: the same dataset, and the same fiscal year, after a reload.
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator(byTestId('dataset-title')).innerText()).toMatch(
      /DoD performers from USAspending/,
    );
    expect(await page.locator(byTestId('year-from')).inputValue()).toBe('2024');
    await page.locator(byTestId('all-years')).click();
    await expect.poll(() => new URL(page.url()).hash).not.toMatch(/fy=/);
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
