// The network view in headless Chromium: switching map / network / split keeps one selection, clicking a
// node selects it everywhere, the tier layout puts primes in column 0 and their direct suppliers in column 1,
// focus mode shows exactly the upstream supply tree, the critical highlight marks exactly the articulation
// points (found here by brute force from the sample file), the force layout can be stopped, and a fixed view
// matches the committed screenshot. UPDATE=1 rewrites the baseline.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSessions, useSharedApp } from './harness.ts';
import type { AppSession } from './harness.ts';
import { compareWithBaseline } from './image-compare.ts';

interface Sample {
  organizations: { id: string; name: string; kind: string }[];
  links: { source: string; target: string; kind: string }[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8')) as Sample;
const BASELINE = `${root}tests/screenshots/network-chicago-tier.png`;
const CHANNEL_TOLERANCE = 32;
const PIXEL_SHARE_TOLERANCE = 0.02;

const SUPPLY = new Set(['supplies', 'subcontract']);
const supplyLinks = sample.links.filter((l) => SUPPLY.has(l.kind) && l.source !== l.target);
const primes = sample.organizations.filter((o) => o.kind === 'prime').map((o) => o.id);
const PRIME = primes[0]!;

/** Waits for the network's first frame and for the layout named to be in place (animation done). */
async function networkReady(page: Page, layout?: string): Promise<void> {
  await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 60_000 });
  if (layout !== undefined)
    await page.locator(`[data-testid="network"][data-layout="${layout}"]`).waitFor({ timeout: 30_000 });
}

async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

/** Graph-space x of every drawn node, from the graph sigma holds (the layout's own coordinates). */
async function nodeXs(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const xs: Record<string, number> = {};
    window.__forgemapSigma!.getGraph().forEachNode((node, attrs) => (xs[node] = attrs.x));
    return xs;
  });
}

/** Ids of the drawn nodes whose display data (after the reducers) has the given mark. */
async function nodesWhere(page: Page, mark: 'visible' | 'critical' | 'selected'): Promise<string[]> {
  return page.evaluate((m) => {
    const sigma = window.__forgemapSigma!;
    const out: string[] = [];
    sigma.getGraph().forEachNode((node) => {
      const d = sigma.getNodeDisplayData(node) as (Record<string, unknown> & { hidden: boolean }) | undefined;
      if (d === undefined) return;
      if (m === 'visible' ? !d.hidden : d[m] === true) out.push(node);
    });
    return out.sort();
  }, mark);
}

/** Brute-force articulation points: v is one when removing it leaves more components than before. */
function articulationPoints(): string[] {
  const ids = sample.organizations.map((o) => o.id);
  const neighbors = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  for (const l of supplyLinks) {
    neighbors.get(l.source)?.add(l.target);
    neighbors.get(l.target)?.add(l.source);
  }
  const components = (without: string | null): number => {
    const seen = new Set<string>(without === null ? [] : [without]);
    let count = 0;
    for (const start of ids) {
      if (seen.has(start)) continue;
      count++;
      const stack = [start];
      seen.add(start);
      while (stack.length > 0) {
        for (const next of neighbors.get(stack.pop()!)!) {
          if (!seen.has(next)) {
            seen.add(next);
            stack.push(next);
          }
        }
      }
    }
    return count;
  };
  const base = components(null);
  return ids.filter((id) => neighbors.get(id)!.size > 1 && components(id) > base).sort();
}

/** The k-hop upstream tree of `root`, by breadth-first search against the supply direction. */
function upstream(rootId: string, hops: number): string[] {
  const reached = new Set([rootId]);
  let frontier = [rootId];
  for (let depth = 0; depth < hops; depth++) {
    const next: string[] = [];
    for (const l of supplyLinks) {
      if (frontier.includes(l.target) && !reached.has(l.source)) {
        reached.add(l.source);
        next.push(l.source);
      }
    }
    frontier = next;
  }
  return [...reached].sort();
}

describe('network view', () => {
  const app = useSharedApp({
    hash: `#/s:chicago/map?sel=${PRIME}`,
    ready: ({ page }: AppSession) => page.locator('[data-testid="inspector"]').waitFor({ timeout: 60_000 }),
  });
  const primeName = sample.organizations.find((o) => o.id === PRIME)!.name;

  it('keeps the selection when switching between map, network and split', async () => {
    const { page } = await app();
    await expect.poll(() => page.locator('#inspector-title').innerText()).toBe(primeName);
    // Once the map is drawn and the page idle, the network view's sigma is made ahead and has drawn with its
    // node program and its 3 edge programs (src/views/network/prepared.ts); the view takes it up.
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('html[data-network-prepared="4"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await networkReady(page, 'geo');
    expect(await page.locator('#inspector-title').innerText()).toBe(primeName);
    expect(await nodesWhere(page, 'selected')).toEqual([PRIME]);
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await networkReady(page);
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#inspector-title').innerText()).toBe(primeName);
    expect(await nodesWhere(page, 'selected')).toEqual([PRIME]);
    expect(page.url()).toContain('/split?');
    expect(page.url()).toContain(`sel=${PRIME}`);
  });

  it('selects a node clicked in the network, in the inspector and the URL', async () => {
    const { page } = await app();
    await setHash(page, '#/s:chicago/network?layout=tier');
    await networkReady(page, 'tier');
    // The biggest tier-1 node: easy to hit, and not the prime selected before.
    const target = await page.evaluate(() => {
      const sigma = window.__forgemapSigma!;
      let best: { id: string; size: number } | null = null;
      sigma.getGraph().forEachNode((node, attrs) => {
        const d = sigma.getNodeDisplayData(node)!;
        if (attrs.kind === 'manufacturer' && (best === null || d.size > best.size))
          best = { id: node, size: d.size };
      });
      // Zoomed in on it, so that no neighbor in its crowded column overlaps it.
      const d = sigma.getNodeDisplayData(best!.id)!;
      sigma.getCamera().setState({ x: d.x, y: d.y, ratio: 0.02, angle: 0 });
      sigma.refresh();
      const at = sigma.framedGraphToViewport({ x: d.x, y: d.y });
      const box = sigma.getContainer().getBoundingClientRect();
      return { id: best!.id as string, x: box.left + at.x, y: box.top + at.y };
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    await page.mouse.move(target.x, target.y);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.url()).toContain(`sel=${target.id}`);
    const name = sample.organizations.find((o) => o.id === target.id)!.name;
    await expect.poll(() => page.locator('#inspector-title').innerText()).toBe(name);
  });

  it('puts primes in column 0 and their direct suppliers in column 1 of the tier layout', async () => {
    const { page } = await app();
    await setHash(page, '#/s:chicago/network?layout=tier');
    await networkReady(page, 'tier');
    const xs = await nodeXs(page);
    const primeSet = new Set(primes);
    const tier1 = [
      ...new Set(
        supplyLinks.filter((l) => primeSet.has(l.target) && !primeSet.has(l.source)).map((l) => l.source),
      ),
    ];
    expect(tier1.length).toBeGreaterThan(0);
    const columns = [...new Set(Object.values(xs))].sort((a, b) => a - b);
    expect(new Set(primes.map((p) => xs[p]))).toEqual(new Set([columns[0]]));
    expect(new Set(tier1.map((s) => xs[s]))).toEqual(new Set([columns[1]]));
    // Everything else sits right of column 1.
    const rest = Object.keys(xs).filter((id) => !primeSet.has(id) && !tier1.includes(id));
    expect(rest.every((id) => xs[id]! > columns[1]!)).toBe(true);
  });

  it('shows only the upstream supply tree in focus mode', async () => {
    const { page } = await app();
    await setHash(page, `#/s:chicago/network?layout=tier&sel=${PRIME}&focus=2`);
    await networkReady(page, 'tier');
    const expected = upstream(PRIME, 2);
    expect(expected.length).toBeGreaterThan(2);
    await expect.poll(() => nodesWhere(page, 'visible')).toEqual(expected);
    const focusCount = await page.locator('[data-testid="network"]').getAttribute('data-focus-count');
    expect(Number(focusCount)).toBe(expected.length);
    // One hop: the prime and its direct suppliers only.
    await page.locator('select[aria-label="Hops upstream"]').selectOption('1');
    await expect.poll(() => nodesWhere(page, 'visible')).toEqual(upstream(PRIME, 1));
    await page.locator('[data-testid="network-focus"]').uncheck();
    await expect
      .poll(async () => (await nodesWhere(page, 'visible')).length)
      .toBe(sample.organizations.length);
  });

  it('marks exactly the articulation points when critical suppliers are highlighted', async () => {
    const { page } = await app();
    await setHash(page, '#/s:chicago/network?layout=geo');
    await networkReady(page, 'geo');
    expect(await nodesWhere(page, 'critical')).toEqual([]);
    await page.locator('[data-testid="network-critical"]').check();
    await expect.poll(() => page.url()).toContain('crit=1');
    const expected = articulationPoints();
    expect(expected.length).toBeGreaterThan(10);
    await expect.poll(() => nodesWhere(page, 'critical'), { timeout: 30_000 }).toEqual(expected);
  });

  it('runs the force layout with progress and stops it on request', async () => {
    const { page } = await app();
    await setHash(page, '#/s:chicago/network?layout=force');
    await networkReady(page);
    const canvas = page.locator('[data-testid="network"]');
    await expect.poll(() => canvas.getAttribute('data-force')).toBe('running');
    const before = await nodeXs(page);
    await expect.poll(async () => (await nodeXs(page))[PRIME] !== before[PRIME]).toBe(true);
    await page.locator('[data-testid="network-force-stop"]').click();
    await expect.poll(() => canvas.getAttribute('data-force')).toBe('stopped');
    const stopped = await nodeXs(page);
    await page.waitForTimeout(500);
    expect(await nodeXs(page)).toEqual(stopped);
    expect(await page.locator('[data-testid="network-force-progress"]').innerText()).toMatch(/iterations/);
  });

  it('made no request outside the origin and logged no errors', async () => {
    const { foreignRequests, pageErrors, consoleErrors } = await app();
    expect(foreignRequests()).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('a link that opens on the network', () => {
  const open = useAppSessions();
  // What the page itself loaded (the offline precache, in the service worker, fetches every file later).
  const mapCode = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => /\/assets\/MapView-[\w-]+\.js$/.test(url)),
    );

  it("draws it without loading the map's code, which comes when the map is first shown", async () => {
    const { page } = await open('#/s:chicago/network');
    await networkReady(page);
    expect(await mapCode(page)).toEqual([]);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await mapCode(page)).toHaveLength(1);
  });
});

describe('network view screenshot', () => {
  const app = useSharedApp({ hash: '#/s:chicago/network?layout=tier' });

  it(`matches the baseline (≤ ${PIXEL_SHARE_TOLERANCE * 100}% of pixels off by more than ${CHANNEL_TOLERANCE})`, async () => {
    const { page } = await app();
    await networkReady(page, 'tier');
    await page.mouse.move(0, 0);
    // A fixed canvas size and camera, so that the layout around the network does not move the picture.
    await setHash(page, '#/s:chicago/network?layout=tier');
    await page.evaluate(() => {
      // Lifted out of the page layout, above everything else, at a fixed size.
      const view = document.querySelector<HTMLElement>('.network-view')!;
      Object.assign(view.style, {
        position: 'fixed',
        left: '0',
        top: '0',
        width: '800px',
        height: '600px',
        zIndex: '1000',
        background: '#ffffff',
      });
      const sigma = window.__forgemapSigma!;
      sigma.resize();
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      sigma.refresh();
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const png = await page.locator('.network-view').screenshot();
    const result = await compareWithBaseline(page, png, BASELINE, CHANNEL_TOLERANCE);
    console.info(
      `[e2e] network screenshot: ${(result.share * 100).toFixed(3)}% of pixels differ (${result.size})`,
    );
    expect(result.share).toBeLessThanOrEqual(PIXEL_SHARE_TOLERANCE);
  });
});
