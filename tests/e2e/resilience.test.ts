// Single points of failure in the built app (issue 18): the gap dashboard and the side panel lead with the
// suppliers some prime depends on alone, ranked as the pure core ranks them on the sample file (the core is
// checked against a brute force in src/analysis); selecting one says in the inspector what each prime
// would lose and lights its reach on the map and in the network; the primes' table sorts, downloads and
// keeps its order in the link.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chokepointsOf, primeResilience, supplierRisks } from '../../src/analysis/chokepoints.ts';
import { buildSupplyGraph } from '../../src/analysis/supply-graph.ts';
import { generateLargeBundle } from '../../scripts/bench/large-bundle.ts';
import { HELPER_MIN_LINKS } from '../../src/workers/analysis-engine.ts';
import { BLOCK } from '../../src/analysis/dominance.ts';
import type { Bundle } from '../../src/domain/model.ts';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { decodeRoute } from '../../src/state/route.ts';
import { formatUsd } from '../../src/views/derive/format.ts';
import { openBundleFile, useAppSessions } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8')) as Bundle;
const graph = buildSupplyGraph(sample, new Uint8Array(sample.organizations.length));
const ranked = supplierRisks(graph);
const primes = primeResilience(graph);
const nameOf = (id: string) => sample.organizations.find((o) => o.id === id)?.name ?? id;

const open = useAppSessions();
const rowsOf = (page: Page, table: string) =>
  page.locator(`[data-testid="${table}"] tbody tr th[scope="row"]`).allInnerTexts();

describe('single points of failure', () => {
  it('lead the dashboard and the side panel, ranked by the dollars at risk', async () => {
    expect(ranked.length).toBeGreaterThan(10);
    const { page, foreignRequests, pageErrors } = await open('#/s:chicago/gaps');
    await page.locator('[data-testid="resilience-suppliers"]').waitFor({ timeout: 60_000 });
    const atRisk = primes.reduce((sum, p) => sum + p.onChokepoints, 0);
    expect(await page.locator('[data-testid="gaps-dashboard-lead"]').innerText()).toBe(
      `${ranked.length.toLocaleString('en-US')} single points of failure · ${formatUsd(atRisk)} a year of the primes’ purchases at risk`,
    );
    expect(await page.locator('[data-testid="gap-lead"]').innerText()).toContain(
      `${ranked.length.toLocaleString('en-US')} single points of failure`,
    );
    // The first ten rows: the core's ranking, names and dollars.
    const names = (await rowsOf(page, 'resilience-suppliers')).slice(0, 10);
    expect(names).toEqual(ranked.slice(0, 10).map((r) => nameOf(r.supplier)));
    const first = page.locator('[data-testid="resilience-suppliers"] tbody tr').first();
    expect(await first.locator('td').first().innerText()).toBe(formatUsd(ranked[0]!.exposure));
    // Every prime has its row.
    expect((await rowsOf(page, 'resilience-primes')).sort()).toEqual(
      primes.map((p) => nameOf(p.prime)).sort(),
    );
    // The what-if from the ranking: the supplier is taken out, in the link, and the panel says its figures
    // are the baseline's.
    await page.locator(`[data-testid="resilience-remove"][data-org="${ranked[0]!.supplier}"]`).click();
    await expect
      .poll(() => decodeRoute(new URL(page.url()).hash).route.removed)
      .toEqual([ranked[0]!.supplier]);
    await expect
      .poll(() => page.locator('[data-testid="resilience-summary"]').innerText())
      .toContain('before the what-if (1 taken out)');
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a selected chokepoint: the inspector says what each prime loses, map and network light its reach', async () => {
    const top = ranked[0]!;
    const pairs = chokepointsOf(graph, top.supplier);
    const { page } = await open('#/s:chicago/gaps');
    await page.locator('[data-testid="resilience-suppliers"]').waitFor({ timeout: 60_000 });
    await page
      .locator(`[data-testid="resilience-suppliers"] button[data-org="${top.supplier}"]`)
      .first()
      .click();
    await expect.poll(() => decodeRoute(new URL(page.url()).hash).route.selected).toBe(top.supplier);
    const sentence = page.locator('[data-testid="inspector-risk"]');
    await sentence.waitFor({ timeout: 30_000 });
    const text = await sentence.innerText();
    expect(text.startsWith(`If ${nameOf(top.supplier)} closes, ${nameOf(pairs[0]!.prime)} loses`)).toBe(true);
    for (const c of pairs.slice(0, 4)) expect(text).toContain(nameOf(c.prime));
    if (pairs[0]!.exposure > 0)
      expect(text).toContain(`${formatUsd(pairs[0]!.exposure)}/yr of its purchases`);
    // The what-if is offered beside it.
    expect(await page.locator('[data-testid="inspector-whatif"]').innerText()).toContain('What if it closes');

    // The reach: the exposed primes and what the supplier cuts off, on the map and in the network.
    const reach = new Set([...pairs.map((c) => c.prime), ...pairs.flatMap((c) => c.cutOff)]);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Split' }).click();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    const positioned = sample.organizations.filter(
      (o) => reach.has(o.id) && o.lat !== undefined && o.lon !== undefined,
    ).length;
    await expect
      .poll(() => page.locator('[data-testid="map"]').getAttribute('data-risk-count'), { timeout: 30_000 })
      .toBe(String(positioned));
    await page.locator('[data-testid="map-risk-legend"]').waitFor();
    await page.locator('[data-network-ready="true"]').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('[data-testid="network"]').getAttribute('data-risk-count'), {
        timeout: 30_000,
      })
      .toBe(String(reach.size));
    await page.locator('[data-testid="network-risk-legend"]').waitFor();
  });

  it("keeps the primes' table order in the link and downloads it as shown", async () => {
    const { page } = await open('#/s:chicago/gaps');
    await page.locator('[data-testid="resilience-primes"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="resilience-primes-sort-single"]').click();
    await expect
      .poll(() => decodeRoute(new URL(page.url()).hash).route.resilienceSort)
      .toEqual({
        column: 'single',
        ascending: false,
      });
    const bySingle = [...primes]
      .sort((a, b) => b.singleRoute.length - a.singleRoute.length)
      .map((p) => p.singleRoute.length);
    const shown = async (p: Page) =>
      (
        await p
          .locator('[data-testid="resilience-primes"] tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.textContent ?? ''))
      ).map((t) => Number.parseInt(t.replace(/,/g, ''), 10));
    expect(await shown(page)).toEqual(bySingle);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="resilience-primes-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('primes-resilience.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv.length).toBe(primes.length + 1);
    expect(csv[0]).toContain('Capabilities with one route');

    // The link, opened afresh, shows the same order.
    const other = await open(new URL(page.url()).hash);
    await other.page.locator('[data-testid="resilience-primes"]').waitFor({ timeout: 60_000 });
    expect(
      await other.page
        .locator('[data-testid="resilience-primes"] th', {
          has: other.page.locator('[data-testid="resilience-primes-sort-single"]'),
        })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(await shown(other.page)).toEqual(bySingle);
  });
});

describe('single points of failure of a bigger graph', () => {
  it('are counted on two threads (the analysis worker and its helper) and ranked as in one walk', async () => {
    // A generated bundle (the bench's generator, small): over a block of 32 primes and enough links that the
    // analysis worker shares the blocks with its resilience helper.
    const big = loadBundle(JSON.parse(generateLargeBundle({ orgs: 8000, links: 40_000, seed: 7 }))).value!;
    const bigGraph = buildSupplyGraph(big, new Uint8Array(big.organizations.length));
    const bigPrimes = primeResilience(bigGraph);
    expect(bigPrimes.length).toBeGreaterThan(BLOCK);
    expect(bigGraph.linkCount).toBeGreaterThanOrEqual(HELPER_MIN_LINKS);
    const bigRanked = supplierRisks(bigGraph);
    const bigName = (id: string) => big.organizations.find((o) => o.id === id)?.name ?? id;

    const { page, foreignRequests, pageErrors } = await open('');
    await page
      .locator('[data-testid="dataset-title"]')
      .filter({ hasText: 'Chicago' })
      .waitFor({ timeout: 60_000 });
    await openBundleFile(page, big, 'generated.json');
    await page.getByRole('button', { name: 'Gaps', exact: true }).click();
    const summary = page.locator('[data-testid="resilience-summary"]');
    await summary.waitFor({ timeout: 120_000 });
    expect(await summary.getAttribute('data-threads')).toBe('2');
    const atRisk = bigPrimes.reduce((sum, p) => sum + p.onChokepoints, 0);
    expect(await page.locator('[data-testid="gaps-dashboard-lead"]').innerText()).toBe(
      `${bigRanked.length.toLocaleString('en-US')} single points of failure · ${formatUsd(atRisk)} a year of the primes’ purchases at risk`,
    );
    expect(await rowsOf(page, 'resilience-suppliers')).toEqual(
      bigRanked.slice(0, 100).map((r) => bigName(r.supplier)),
    );
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
