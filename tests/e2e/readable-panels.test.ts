// Readable side panels (issue 19), in the built app at 1440 × 900 on the Chicago sample: the inspector's
// tables fit its width, and no organization or capability name is broken inside a word, there or in the
// gap list. A word (between spaces or hyphens, where lines may break) is broken when its letters lie on
// more than one line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Bundle } from '../../src/domain/model.ts';
import { launchBrowser } from './browser.ts';
import { openApp } from './harness.ts';
import type { AppSession } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8')) as Bundle;
const primes = sample.organizations.filter((o) => o.kind === 'prime').map((o) => o.id);

let browser: Browser;
const sessions: AppSession[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {});
  await browser?.close();
});
async function open(hash: string): Promise<AppSession> {
  const session = await openApp(browser, inject('baseUrl'), hash, { viewport: { width: 1440, height: 900 } });
  sessions.push(session);
  return session;
}

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
