// Readable side panels (issue 19), in the built app at 1440 × 900 on the Chicago sample: the inspector's
// tables fit its width, and no organization or capability name is broken inside a word, there or in the
// gap list (nor a kind's name in the filter panel of a 1024 px window). A word (between spaces or hyphens, where lines may break) is broken when its letters lie on
// more than one line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/domain/model.ts';
import { useAppSessions } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8')) as Bundle;
const primes = sample.organizations.filter((o) => o.kind === 'prime').map((o) => o.id);

const openSession = useAppSessions({ viewport: { width: 1440, height: 900 } });
const open = (hash: string, firstVisit = false) => openSession(hash, { firstVisit });

/** Words (of the elements matched) whose letters are split over two lines, as "word (in text)". */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const element of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${match[0]} (in "${text.trim()}")`);
        }
      }
    }
    return broken;
  }, selector);
}

describe('the inspector and the gap list', () => {
  it.each([0, 11])(
    'fits the inspector’s supplier table to its width, every name whole (prime %i)',
    async (n) => {
      const { page } = await open(`#/s:chicago/map?sel=${primes[n]}`);
      const table = page.locator('[data-testid="inspector-suppliers"]');
      await table.waitFor({ timeout: 60_000 });
      const [scroll, room] = await table.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(room);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
      expect(await brokenWords(page, '[data-testid="inspector-suppliers"] tbody')).toEqual([]);
    },
  );

  it('wraps the gap list’s capability names between words', async () => {
    const { page } = await open('#/s:chicago/map');
    const table = page.locator('[data-testid="gap-table"]');
    await table.waitFor({ timeout: 60_000 });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(5);
    expect(await brokenWords(page, '[data-testid="gap-table"] tbody')).toEqual([]);
  });
});

describe('the filter panel', () => {
  it('keeps the kinds’ names whole in the narrower side panel of a 1024 px window', async () => {
    const { page } = await openSession('#/s:chicago/map', { viewport: { width: 1024, height: 768 } });
    const kinds = page.locator('[data-testid="kind-filter"]');
    await kinds.waitFor({ timeout: 60_000 });
    // The sample's 1,582 manufacturers: the longest count beside the longest single word.
    await expect.poll(() => kinds.innerText(), { timeout: 60_000 }).toContain('1,582');
    expect(await brokenWords(page, '[data-testid="kind-filter"] .check-label')).toEqual([]);
  });
});

describe('the gap dashboard’s charts', () => {
  it('draw no text under 11 px, and print the imported dollars at the end of the imported part', async () => {
    const { page } = await open('#/s:chicago/gaps');
    await page.locator('[data-testid="imported-bar"]').first().waitFor({ timeout: 60_000 });
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>('svg.gap-chart-svg')]
        .filter((svg) => svg.getBoundingClientRect().width > 0)
        .map((svg) => {
          let least = Infinity;
          for (const t of svg.querySelectorAll('text'))
            least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM()!.a);
          return [svg.closest('[data-testid]')?.getAttribute('data-testid'), least] as const;
        }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const [chart, least] of sizes) expect(least, String(chart)).toBeGreaterThanOrEqual(11);
    // Each imported label starts just right of its imported part (on screen), whatever the local part.
    const bars = await page
      .locator('[data-testid="chart-imported-value"] [data-testid="imported-bar"]')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const imported = row.querySelector('.bar-imported')!.getBoundingClientRect();
          const local = row.querySelector('.bar-local')!.getBoundingClientRect();
          const label = row.querySelector('.chart-value-imported')!.getBoundingClientRect();
          return { importedEnd: imported.right, localEnd: local.right, labelStart: label.left };
        }),
      );
    expect(bars.length).toBeGreaterThan(5);
    for (const b of bars) {
      expect(b.labelStart).toBeGreaterThanOrEqual(b.importedEnd);
      expect(b.labelStart - b.importedEnd).toBeLessThan(12);
    }
    // At least one bar has a long local part the label sits over (so the test tells the two places apart).
    expect(bars.some((b) => b.localEnd - b.importedEnd > 100)).toBe(true);
  });
});

describe('who could fill a gap', () => {
  it('comes into view when a gap is clicked in a chart, and lists the local firms that could scale up', async () => {
    const { page } = await open('#/s:chicago/gaps');
    const bars = page.locator('[data-testid="chart-imported-value"] [data-testid="imported-bar"]');
    await bars.first().waitFor({ timeout: 60_000 });
    const panel = page.locator('[data-testid="fill-panel"]');
    const inView = () =>
      panel.evaluate((p) => {
        const r = p.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
    // The Machine Shops bar: a capability with local suppliers.
    const bar = page.locator(
      '[data-testid="chart-imported-value"] [data-testid="imported-bar"][data-capability="332710"]',
    );
    await bar.scrollIntoViewIfNeeded();
    expect(await inView()).toBe(false);
    await bar.locator('.bar-imported').click();
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    // Local suppliers of machine shops in the sample: in the region, not primes, selling it or declaring it.
    const table = page.locator('[data-testid="fill-scale-up-table"]');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const first = await table.locator('tbody tr').first().locator('th').innerText();
    const org = sample.organizations.find((o) => o.name === first)!;
    expect(org.kind).not.toBe('prime');
    const sells = sample.links.some(
      (l) =>
        l.source === org.id &&
        (l.kind === 'supplies' || l.kind === 'subcontract') &&
        (l.capability ?? org.naics[0]) === '332710',
    );
    expect(sells || org.naics.includes('332710') || (org.capabilities as string[]).includes('332710')).toBe(
      true,
    );
  });
});

describe('one ranking', () => {
  it('the side panel ranks the capabilities as the dashboard’s chart does, unflagged ones included', async () => {
    const { page } = await open('#/s:chicago/gaps');
    const chart = page.locator('[data-testid="chart-imported-value"] [data-testid="imported-bar"]');
    await chart.first().waitFor({ timeout: 60_000 });
    const side = page.locator('[data-testid="gap-table"] tbody tr');
    await expect.poll(() => side.count(), { timeout: 60_000 }).toBeGreaterThan(5);
    const n = await side.count();
    const chartOrder = (
      await chart.evaluateAll((bars) => bars.map((b) => b.getAttribute('data-capability')))
    ).slice(0, n);
    const sideOrder = await side.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-capability')));
    const common = Math.min(sideOrder.length, chartOrder.length);
    expect(common).toBeGreaterThan(5);
    expect(sideOrder.slice(0, common)).toEqual(chartOrder.slice(0, common));
    expect(await page.locator('[data-testid="gap-table-caption"]').innerText()).toContain('imported value');
    // Machine Shops: millions imported and no flag, listed and said to have none.
    const shops = page.locator('[data-testid="gap-table"] tbody tr[data-capability="332710"]');
    expect(await shops.count()).toBe(1);
    expect(await shops.locator('td').first().innerText()).toBe('no flag');
  });
});

describe('the first-time hint', () => {
  it('says what to do first in each view until dismissed, and stays dismissed after a reload', async () => {
    const { page } = await open('#/s:chicago/map', true);
    const hint = page.locator('[data-testid="first-hint"]');
    await hint.waitFor({ timeout: 60_000 });
    expect(await hint.innerText()).toContain('Pick a prime');
    await page.getByRole('button', { name: 'Gaps', exact: true }).click();
    await expect.poll(() => hint.innerText()).toContain('who could fill it');
    await page.locator('[data-testid="first-hint-dismiss"]').click();
    expect(await hint.count()).toBe(0);
    await page.reload();
    await page.locator('[data-testid="gap-table"]').waitFor({ timeout: 60_000 });
    expect(await hint.count()).toBe(0);
  });
});
