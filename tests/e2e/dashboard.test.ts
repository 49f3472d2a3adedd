// The gap dashboard in headless Chromium: a click on a dependency-matrix cell shows exactly that prime's
// suppliers of that capability on the map (computed here from the sample file), a what-if made in the app
// travels in its link to a fresh context, and axe-core finds no serious or critical accessibility
// violation in any view.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeRoute } from '../../src/state/route.ts';
import { useAppSessions } from './harness.ts';

interface Sample {
  organizations: { id: string; kind: string; naics: string[] }[];
  links: { source: string; target: string; kind: string; capability?: string }[];
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8')) as Sample;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SUPPLY = new Set(['supplies', 'subcontract']);
const orgById = new Map(sample.organizations.map((o) => [o.id, o]));

/** Distinct suppliers of `capability` to `prime` (a link's capability, else the supplier's primary NAICS). */
function cellSuppliers(prime: string, capability: string): string[] {
  const out = new Set<string>();
  for (const l of sample.links) {
    if (!SUPPLY.has(l.kind) || l.target !== prime || l.source === l.target) continue;
    const c = l.capability ?? orgById.get(l.source)?.naics[0];
    if (c === capability) out.add(l.source);
  }
  return [...out].sort();
}

const open = useAppSessions();

const dashboardReady = (page: Page) =>
  page
    .locator('[data-testid="dependency-matrix"] [data-testid="matrix-cell"]')
    .first()
    .waitFor({ timeout: 60_000 });

describe('gap dashboard', () => {
  it('shows the suppliers of a clicked matrix cell on the map and in the network', async () => {
    const { page } = await open('#/s:chicago/gaps');
    await dashboardReady(page);
    const cell = page.locator('[data-testid="matrix-cell"][data-state="multi"]').first();
    const prime = (await cell.getAttribute('data-prime'))!;
    const capability = (await cell.getAttribute('data-capability'))!;
    const expected = cellSuppliers(prime, capability);
    expect(expected.length).toBeGreaterThan(1);
    await cell.click();
    await expect
      .poll(() => decodeRoute(new URL(page.url()).hash).route)
      .toMatchObject({
        view: 'split',
        gap: capability,
        gapBuyer: prime,
      });
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    const roles = async () =>
      page.evaluate(async () => {
        const data = (await window
          .__forgemapMap!.getSource<GeoJSONSource>('gap-orgs')!
          .getData()) as unknown as {
          features: { properties: { i: number; role: string } }[];
        };
        return data.features.map((f) => [f.properties.i, f.properties.role] as const);
      });
    await expect.poll(async () => (await roles()).length).toBeGreaterThan(0);
    const ids = (await roles()).map(([i, role]) => [sample.organizations[i]!.id, role] as const);
    expect(ids.filter(([, role]) => role !== 'supplier').map(([id]) => id)).toEqual([prime]);
    expect(
      ids
        .filter(([, role]) => role !== 'buyer')
        .map(([id]) => id)
        .sort(),
    ).toEqual(expected);
    // The network lights the same organizations.
    await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 60_000 });
    const lit = await page.evaluate(() => {
      const sigma = window.__forgemapSigma!;
      const out: string[] = [];
      sigma.getGraph().forEachNode((node) => {
        const d = sigma.getNodeDisplayData(node) as unknown as { gapRole?: string } | undefined;
        if (d?.gapRole !== undefined) out.push(node);
      });
      return out.sort();
    });
    expect(lit).toEqual([...new Set([prime, ...expected])].sort());
  });

  it('shares a what-if: the receiver sees the same removals and the same consequences', async () => {
    const { page } = await open('#/s:chicago/gaps');
    await dashboardReady(page);
    const single = page.locator('[data-testid="matrix-cell"][data-state="single"]').first();
    await single.click();
    // The cell click moves to the split view; come back to remove its only supplier there.
    await page.goBack();
    await dashboardReady(page);
    const cellPrime = (await single.getAttribute('data-prime'))!;
    const cellCapability = (await single.getAttribute('data-capability'))!;
    const [only] = cellSuppliers(cellPrime, cellCapability);
    expect(only).toBeDefined();
    const hash = `#/s:chicago/gaps?rm=${only}&v=1`;
    await page.evaluate((h) => (window.location.hash = h), hash);
    const lost = page.locator('[data-testid="whatif-lost-item"]');
    await expect.poll(() => lost.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const lostText = await lost.allInnerTexts();
    const delta = await page.locator('[data-testid="whatif-delta"]').innerText();
    // What the prime bought from its only supplier is still needed: bought outside now, imports rise.
    expect(delta).toMatch(/changes by \+\$/);
    // The single-source dependency that went with its supplier reads as a loss, never as one fewer.
    const figure = (id: string) =>
      page.locator(`[data-testid="whatif-figures"] tbody tr[data-testid="whatif-figures-row"]`).filter({
        has: page.locator('th', { hasText: id }),
      });
    const singleRow = await figure('Single-source prime dependencies').locator('td').last().innerText();
    expect(singleRow).toContain('lost entirely');
    expect(singleRow.startsWith('−')).toBe(false);
    expect(await figure('Prime dependencies lost entirely').locator('td').last().innerText()).toMatch(
      /lost$/,
    );

    await page.locator('[data-testid="share-button"]').click();
    const href = await page.locator('[data-testid="share-link"]').inputValue();
    expect(decodeRoute(new URL(href).hash).route.removed).toEqual([only]);
    const receiver = await open(new URL(href).hash);
    const theirs = receiver.page.locator('[data-testid="whatif-lost-item"]');
    await expect.poll(() => theirs.count(), { timeout: 60_000 }).toBe(lostText.length);
    expect(await theirs.allInnerTexts()).toEqual(lostText);
    expect(await receiver.page.locator('[data-testid="whatif-delta"]').innerText()).toBe(delta);
  });

  it('removes and puts back an organization from the inspector', async () => {
    const { page } = await open('#/s:chicago/map?sel=chicago-mfr-0005');
    await page.locator('[data-testid="inspector-whatif"]').click();
    await expect
      .poll(() => decodeRoute(new URL(page.url()).hash).route.removed)
      .toEqual(['chicago-mfr-0005']);
    expect(await page.locator('[data-testid="inspector-whatif"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-testid="inspector-whatif"]').click();
    await expect.poll(() => decodeRoute(new URL(page.url()).hash).route.removed).toEqual([]);
  });
});

describe('region comparison', () => {
  it("compares a picked region through the analysis worker, counting its organizations by the sample's counties", async () => {
    const regions = JSON.parse(readFileSync(`${root}data/reference/regions.json`, 'utf8')) as {
      rows: { id: string; name: string; counties: string[] }[];
    };
    const milwaukee = regions.rows.find((r) => r.id === 'imcp-milwaukee-7')!;
    const counties = new Set(milwaukee.counties);
    const expected = (sample.organizations as { county?: string }[]).filter(
      (o) => o.county !== undefined && counties.has(o.county),
    ).length;
    expect(expected).toBeGreaterThan(0);

    const { page, pageErrors } = await open('#/s:chicago/gaps');
    await dashboardReady(page);
    await page.locator('[data-testid="compare-region-option"][data-region="imcp-milwaukee-7"]').check();
    const table = page.locator('[data-testid="compare-table"]');
    await table.waitFor({ timeout: 60_000 });
    const row = table.locator('tr', { has: page.locator('th', { hasText: /^Organizations$/ }) });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toHaveLength(2);
    expect(cells[1]).toBe(String(expected));
    expect(await table.locator('thead').innerText()).toContain(milwaukee.name);
    expect(pageErrors).toEqual([]);
  });
});

describe('table view of the map and network', () => {
  it('lists the organizations the filters show, follows the filters, and downloads all of them', async () => {
    const { page } = await open('#/s:chicago/map');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="table-toggle"]').click();
    const rows = page.locator('[data-testid="visible-table-data-row"]');
    const title = page.locator('#visible-table-title');
    // 1,610 organizations: the 1,000 largest suppliers are drawn.
    expect(await title.innerText()).toMatch(/^1,610 organizations shown/);
    expect(await rows.count()).toBe(1000);
    await page
      .locator('[data-testid="kind-filter"]')
      .getByLabel(/Primes/)
      .uncheck();
    await page
      .locator('[data-testid="kind-filter"]')
      .getByLabel(/Manufacturers/)
      .uncheck();
    const expected = sample.organizations.filter((o) => o.kind === 'training' || o.kind === 'support').length;
    await expect.poll(() => title.innerText()).toMatch(new RegExp(`^${expected} organizations shown`));
    expect(await rows.count()).toBe(expected);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="visible-table-csv"]').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\n/);
    expect(csv[0]).toMatch(/^Organization,Kind,/);
    expect(csv.length - 1).toBe(expected);
    // Clicking a name selects it.
    await rows.first().getByRole('button').click();
    await page.locator('[data-testid="inspector"]').waitFor();
  });
});

describe('accessibility (axe-core)', () => {
  it.each([
    ['map', '#/s:chicago/map?sel=chicago-prime-01', '[data-map-ready="true"]'],
    ['network', '#/s:chicago/network?layout=tier', '[data-testid="network"][data-network-ready="true"]'],
    ['split', '#/s:chicago/split', '[data-map-ready="true"]'],
    ['gaps', '#/s:chicago/gaps?gap=332710', '[data-testid="matrix-cell"]'],
    ['missing dataset', '#/h:0123456789abcdef/map?name=Firms&bytes=1000', '[data-testid="missing-dataset"]'],
    ['table', '#/s:chicago/map?kind=training,support', '[data-map-ready="true"]'],
    // As a user without a GPU sees it: reduced resolution, its note and the legend's Drawing choice.
    ['software-GL map', '#/s:chicago/map', '[data-testid="map-render-note"]'],
  ])('finds no serious or critical violation in the %s view', async (_name, hash, ready) => {
    const { page } = await open(hash, { mapResolution: _name === 'software-GL map' ? 'as-user' : 'sharp' });
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    if (_name === 'table') await page.locator('[data-testid="table-toggle"]').click();
    await page.waitForTimeout(500);
    // Evaluated through the DevTools protocol: the app's CSP (rightly) forbids inline scripts.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (context: Document) => Promise<{
              violations: {
                id: string;
                impact: string | null;
                help: string;
                nodes: { target: string[] }[];
              }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
    });
    expect(violations).toEqual([]);
  });
});
