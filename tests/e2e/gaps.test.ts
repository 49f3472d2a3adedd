// The analysis in the built app: it runs in a Web Worker, shows progress, and the gap panel lists the
// home region's ranked gaps with every kind of flag for the Chicago sample.
import { describe, expect, it } from 'vitest';
import { useSharedApp } from './harness.ts';

describe('gap analysis in the app', () => {
  const app = useSharedApp({
    hash: '#/s:chicago/map',
    ready: async ({ page }) => {
      await page.locator('[data-testid="gap-table"]').waitFor({ timeout: 60_000 });
    },
  });

  it('runs the analysis in a Web Worker', async () => {
    const { page, requests } = await app();
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    expect(requests.some((url) => /analysis\.worker[^/]*\.js/.test(url))).toBe(true);
  });

  it('lists ranked gaps with every kind of flag and the region summary', async () => {
    const { page } = await app();
    const summary = await page.locator('[data-testid="gap-summary"]').innerText();
    expect(summary).toMatch(/[\d,]+ organizations in the region/);
    // Every capability in demand is listed (unflagged ones too): show them all to see every flag.
    const all = page.locator('[data-testid="gap-panel"]').getByRole('button', { name: /^Show all/ });
    if ((await all.count()) > 0) await all.click();
    const flags = await page.locator('[data-testid="gap-table"] tbody .flag').allInnerTexts();
    for (const flag of ['Missing', 'Single source', 'Leakage', 'Concentrated', 'Workforce']) {
      expect(flags).toContain(flag);
    }
    // Ranked by imported value: the first row's imported value is the largest shown.
    const rows = await page.locator('[data-testid="gap-table"] tbody tr').count();
    expect(rows).toBeGreaterThan(5);
  });

  it('recomputes when the home region changes, and says when a region has no known counties', async () => {
    const { page } = await app();
    const picker = page.locator('[data-testid="region-picker"]');
    const optionValue = await picker
      .locator('option', { hasText: 'Northwest Georgia' })
      .first()
      .getAttribute('value');
    expect(optionValue).not.toBeNull();
    await picker.selectOption(optionValue ?? '');
    await expect
      .poll(() => page.locator('[data-testid="gap-panel"] h2').innerText(), { timeout: 30_000 })
      .toContain('Northwest Georgia');
    await page.locator('[data-testid="gap-summary"]').waitFor();
    expect(await page.locator('[data-testid="gap-summary"]').innerText()).toMatch(
      /^0 organizations in the region/,
    );
    expect(page.url()).toContain('region=imcp-northwest-georgia');
  });

  it('made no request outside the origin and logged no errors', async () => {
    const { foreignRequests, pageErrors, consoleErrors } = await app();
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
