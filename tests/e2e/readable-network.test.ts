// A network a liaison can read (issue 19), in the built app at 1440 × 900 on the Chicago sample: a prime's
// upstream tree in the tier layout fills the pane with its columns; no label runs over another label or a
// node, and the most valuable suppliers are labelled; Zoom to fit and Zoom to selection frame what they
// name; the canvas follows its pane into the split view; the legend docks beside the graph and stays
// collapsed across views and visits. Every check reads what was drawn (sigma's display data, the labels
// as drawn) and compares it with the sample file, not with the code's own intermediate results.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { primeChokepoints } from '../../src/analysis/chokepoints.ts';
import { buildSupplyGraph } from '../../src/analysis/supply-graph.ts';
import type { Bundle } from '../../src/domain/model.ts';
import { useAppSessions } from './harness.ts';
import type { AppSession } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(`${root}data/samples/chicago.json`, 'utf8')) as Bundle;
const SUPPLY = new Set(['supplies', 'subcontract']);
const primes = sample.organizations.filter((o) => o.kind === 'prime').map((o) => o.id);
/** A prime with a wide first tier (83 direct suppliers). */
const WIDE = primes[1]!;
/** A manufacturer whose suppliers all sit near it: at the opening fit its tree spans a few % of the pane. */
const COMPACT = 'chicago-mfr-1087';
const VIEWPORT = { width: 1440, height: 900 };
const HOME_COUNTIES = new Set<string>(sample.regions.find((r) => r.id === sample.meta.homeRegion)!.counties);
const countyOf = (id: string) => sample.organizations.find((o) => o.id === id)?.county ?? '';

/** Value each direct supplier sells to `prime` (USD/yr), summed over its links. */
function directSuppliers(prime: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of sample.links) {
    if (!SUPPLY.has(l.kind) || l.target !== prime || l.source === prime) continue;
    out.set(l.source, (out.get(l.source) ?? 0) + (l.value ?? 0));
  }
  return out;
}

interface Drawn {
  width: number;
  height: number;
  nodes: { key: string; x: number; y: number; size: number }[];
  labels: { key: string; text: string; left: number; top: number; width: number; height: number }[];
}

/** What the network's last frame drew: visible nodes in pane px, and the labels as drawn. */
async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const sigma = window.__forgemapSigma!;
    const { width, height } = sigma.getDimensions();
    const nodes: Drawn['nodes'] = [];
    sigma.getGraph().forEachNode((key) => {
      const d = sigma.getNodeDisplayData(key);
      if (d === undefined || d.hidden) return;
      const at = sigma.framedGraphToViewport(d);
      nodes.push({ key, x: at.x, y: at.y, size: sigma.scaleSize(d.size) });
    });
    return { width, height, nodes, labels: [...(window.__forgemapLabels ?? [])] };
  });
}

function box(points: { x: number; y: number }[]) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

async function networkReady(page: Page, layout: string): Promise<void> {
  await page.locator('[data-testid="network"][data-network-ready="true"]').waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid="network"][data-layout="${layout}"]`).waitFor({ timeout: 30_000 });
  await page.mouse.move(0, 0);
  // A frame or two for the labels after the layout settles.
  await page.waitForTimeout(300);
}

/** Waits for the camera to stop (its animation is 400 ms). */
async function cameraSettled(page: Page): Promise<void> {
  await page.waitForTimeout(700);
}

const open = useAppSessions({ viewport: VIEWPORT });

describe('a prime’s upstream tree in the tier layout', () => {
  let tree: Promise<AppSession> | undefined;
  const session = () =>
    (tree ??= (async () => {
      const app = await open(`#/s:chicago/network?layout=tier&sel=${WIDE}&focus=2`);
      await networkReady(app.page, 'tier');
      return app;
    })());

  it('fills at least half of the pane both ways, its columns spread over the width', async () => {
    const { page } = await session();
    const scene = await drawn(page);
    const b = box(scene.nodes);
    expect((b.right - b.left) / scene.width).toBeGreaterThanOrEqual(0.5);
    expect((b.bottom - b.top) / scene.height).toBeGreaterThanOrEqual(0.5);
    // Three columns (the prime, its suppliers, theirs), the middle one between the others.
    const columns = [...new Set(scene.nodes.map((n) => Math.round(n.x)))].sort((a, c) => a - c);
    expect(columns).toHaveLength(3);
    expect(columns[2]! - columns[0]!).toBeGreaterThanOrEqual(0.5 * scene.width);
  });

  it('labels dozens of suppliers, none over another label or another node', async () => {
    const { page } = await session();
    const scene = await drawn(page);
    expect(scene.labels.length).toBeGreaterThanOrEqual(40);
    const rects = scene.labels.map((l) => ({ ...l, right: l.left + l.width, bottom: l.top + l.height }));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const c = rects[j]!;
        const overlap = a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom;
        expect(overlap, `"${a.text}" and "${c.text}"`).toBe(false);
      }
    for (const r of rects)
      for (const n of scene.nodes) {
        if (n.key === r.key) continue;
        // One pixel of anti-aliasing either way is not an overlap.
        const over =
          n.x - n.size + 1 < r.right &&
          n.x + n.size - 1 > r.left &&
          n.y - n.size + 1 < r.bottom &&
          n.y + n.size - 1 > r.top;
        expect(over, `"${r.text}" over ${n.key}`).toBe(false);
      }
  });

  it('orders the direct suppliers by the value they sell the prime, and labels the most valuable', async () => {
    const { page } = await session();
    const scene = await drawn(page);
    const y = new Map(scene.nodes.map((n) => [n.key, n.y]));
    const value = directSuppliers(WIDE);
    expect(value.size).toBeGreaterThan(50);
    const ids = [...value.keys()];
    for (const a of ids)
      for (const c of ids)
        if (value.get(a)! > value.get(c)!) expect(y.get(a)!, `${a} above ${c}`).toBeLessThan(y.get(c)!);
    const labelled = new Set(scene.labels.map((l) => l.key));
    const top = ids.sort((a, c) => value.get(c)! - value.get(a)!).slice(0, 5);
    for (const id of top) expect(labelled.has(id), id).toBe(true);
  });
});

describe('the zoom buttons', () => {
  it('Zoom to fit frames the focused tree, not the whole network', async () => {
    const { page } = await open(`#/s:chicago/network?sel=${COMPACT}&focus=1`);
    await networkReady(page, 'geo');
    const spread = (scene: Drawn) => {
      const b = box(scene.nodes);
      return Math.max((b.right - b.left) / scene.width, (b.bottom - b.top) / scene.height);
    };
    // Looking elsewhere: the camera moved away from the tree, most of it off screen.
    await page.evaluate(() => window.__forgemapSigma!.getCamera().setState({ x: 0.05, y: 0.95, ratio: 0.3 }));
    await page.waitForTimeout(300);
    const away = await drawn(page);
    const inside = (n: { x: number; y: number }, s: Drawn) =>
      n.x >= 0 && n.x <= s.width && n.y >= 0 && n.y <= s.height;
    expect(away.nodes.filter((n) => inside(n, away)).length).toBeLessThan(away.nodes.length / 2);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await cameraSettled(page);
    const scene = await drawn(page);
    expect(scene.nodes).toHaveLength(1 + directSuppliers(COMPACT).size);
    const b = box(scene.nodes);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(scene.width);
    expect(b.bottom).toBeLessThanOrEqual(scene.height);
    expect(spread(scene)).toBeGreaterThanOrEqual(0.45);
  });

  it('Zoom to selection frames the selection with its partners', async () => {
    const { page } = await open(`#/s:chicago/network?sel=${COMPACT}`);
    await networkReady(page, 'geo');
    await page.getByRole('button', { name: 'Zoom to selection' }).click();
    await cameraSettled(page);
    const scene = await drawn(page);
    const partners = new Set<string>([COMPACT]);
    for (const l of sample.links)
      if (SUPPLY.has(l.kind) && (l.source === COMPACT || l.target === COMPACT))
        partners.add(l.source).add(l.target);
    const shown = scene.nodes.filter((n) => partners.has(n.key));
    expect(shown).toHaveLength(partners.size);
    for (const n of shown) {
      expect(n.x, n.key).toBeGreaterThanOrEqual(0);
      expect(n.x, n.key).toBeLessThanOrEqual(scene.width);
      expect(n.y, n.key).toBeGreaterThanOrEqual(0);
      expect(n.y, n.key).toBeLessThanOrEqual(scene.height);
    }
    const b = box(shown);
    expect(
      Math.max((b.right - b.left) / scene.width, (b.bottom - b.top) / scene.height),
    ).toBeGreaterThanOrEqual(0.4);
  });
});

describe('the network’s pane', () => {
  it('keeps the canvas inside its pane when the split view opens: the inspector does not change on a redraw', async () => {
    const { page } = await open(`#/s:chicago/network?sel=${WIDE}`);
    await networkReady(page, 'geo');
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await networkReady(page, 'geo');
    const pane = (await page.locator('[data-testid="network"]').boundingBox())!;
    const canvases = await page
      .locator('[data-testid="network"] canvas')
      .evaluateAll((list) => list.map((c) => c.getBoundingClientRect().right));
    for (const right of canvases) expect(right).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
    const inspector = (await page.locator('[data-testid="inspector"]').boundingBox())!;
    const clip = {
      x: inspector.x,
      y: inspector.y,
      width: inspector.width,
      height: Math.min(inspector.height, 500),
    };
    const before = await page.screenshot({ clip });
    // Redraw the network with other sizes.
    await page.getByRole('button', { name: 'Links', exact: true }).click();
    await page.waitForTimeout(500);
    const after = await page.screenshot({ clip });
    expect(after.equals(before)).toBe(true);
  });

  it('in the split view’s geographic layout, frames the home region’s firms, not the far-away suppliers', async () => {
    const { page } = await open('#/s:chicago/split');
    await networkReady(page, 'geo');
    const inside = new Set(
      sample.organizations.filter((o) => HOME_COUNTIES.has(o.county ?? '')).map((o): string => o.id),
    );
    expect(inside.size).toBeGreaterThan(1000);
    const scene = await drawn(page);
    const ours = scene.nodes.filter((n) => inside.has(n.key));
    expect(ours.length).toBe(inside.size);
    // The region's firms span at least half of the pane (they were a blob of a fifth of it beside suppliers
    // hundreds of miles away), and almost all of them are on screen.
    const b = box(ours);
    expect(
      Math.max((b.right - b.left) / scene.width, (b.bottom - b.top) / scene.height),
    ).toBeGreaterThanOrEqual(0.5);
    const onScreen = ours.filter((n) => n.x >= 0 && n.x <= scene.width && n.y >= 0 && n.y <= scene.height);
    expect(onScreen.length / ours.length).toBeGreaterThanOrEqual(0.95);
  });

  it('docks the legend beside the graph, and a collapsed legend stays collapsed in the map and after a reload', async () => {
    const { page } = await open(`#/s:chicago/network?sel=${WIDE}`);
    await networkReady(page, 'geo');
    const legend = page.locator('[data-testid="network-legend"]');
    const canvas = (await page.locator('[data-testid="network"]').boundingBox())!;
    const docked = (await legend.boundingBox())!;
    expect(docked.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 0.5);
    expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await legend.locator('summary').click();
    expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(
      await page.locator('[data-testid="map-legend"]').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(false);
    await page.reload();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expect(
      await page.locator('[data-testid="map-legend"]').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(false);
    await page.locator('[data-testid="map-legend"] summary').click();
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await networkReady(page, 'geo');
    expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });
});

describe('the selection in the network', () => {
  it('draws its links in the colour of their direction, dashed where they cross the region’s boundary', async () => {
    const { page } = await open(`#/s:chicago/network?sel=${WIDE}`);
    await networkReady(page, 'geo');
    const edges = await page.evaluate((selected) => {
      const sigma = window.__forgemapSigma!;
      const graph = sigma.getGraph();
      return graph
        .edges()
        .filter((e) => graph.source(e) === selected || graph.target(e) === selected)
        .map((e) => {
          const d = sigma.getEdgeDisplayData(e)!;
          return {
            into: graph.target(e) === selected,
            crossing: graph.getEdgeAttribute(e, 'crossing'),
            type: d.type,
            color: d.color,
          };
        });
    }, WIDE);
    expect(edges.some((e) => e.crossing)).toBe(true);
    expect(edges.some((e) => !e.crossing)).toBe(true);
    const colours = new Set(edges.filter((e) => e.into).map((e) => e.color));
    // Every link bought by the selection has one colour, crossing or not; crossing ones alone are dashed.
    expect(colours.size).toBe(1);
    for (const e of edges) expect(e.type).toBe(e.crossing ? 'dashed' : 'arrow');
  });

  it('names a selection taken out by the what-if as removed, and leaves no label of it behind', async () => {
    // One in the home region: the opening view frames the region.
    const supplier = [...directSuppliers(WIDE).keys()].find((id) => HOME_COUNTIES.has(countyOf(id)))!;
    const { page } = await open(`#/s:chicago/network?sel=${supplier}`);
    await networkReady(page, 'geo');
    expect((await drawn(page)).labels.map((l) => l.key)).toContain(supplier);
    await page.getByRole('button', { name: /What if it closes/ }).click();
    const note = page.locator('[data-testid="network-selection-hidden"]');
    await expect.poll(() => note.innerText(), { timeout: 30_000 }).toContain('removed (what-if)');
    expect(await note.innerText()).not.toContain('filter');
    await page.waitForTimeout(500);
    const scene = await drawn(page);
    expect(scene.nodes.map((n) => n.key)).not.toContain(supplier);
    expect(scene.labels.map((l) => l.key)).not.toContain(supplier);
    // The legend speaks of the selection's links only when it is drawn.
    expect(await page.locator('[data-testid="network-legend"]').innerText()).not.toContain(
      'Bought by the selection',
    );
  });
});

/** Organizations within `hops` links upstream of `root` (breadth-first over the sample's supply links). */
function upstream(root: string, hops: number): Map<string, number> {
  const reached = new Map([[root, 0]]);
  let frontier = [root];
  for (let h = 1; h <= hops; h++) {
    const next: string[] = [];
    for (const l of sample.links)
      if (SUPPLY.has(l.kind) && frontier.includes(l.target) && !reached.has(l.source)) {
        reached.set(l.source, h);
        next.push(l.source);
      }
    frontier = next;
  }
  return reached;
}

describe('the list twin of the tree', () => {
  it('lists the tree by tier with what each sells, flags the prime’s chokepoints, sorts, and selects', async () => {
    const { page } = await open(`#/s:chicago/network?layout=tier&sel=${WIDE}&focus=2`);
    await networkReady(page, 'tier');
    const list = page.locator('[data-testid="network-tree-list"]');
    await list.locator('summary').click();
    const table = page.locator('[data-testid="network-tree-table"]');
    const tree = upstream(WIDE, 2);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(tree.size - 1);
    // By tier, the most valuable direct supplier first.
    const direct = [...directSuppliers(WIDE)].sort((a, b) => b[1] - a[1]);
    const name = (id: string) => sample.organizations.find((o) => o.id === id)!.name;
    const first = table.locator('tbody tr').first();
    expect(await first.locator('th').innerText()).toBe(name(direct[0]![0]));
    expect(await first.locator('td').first().innerText()).toBe('1');
    // The single-point column once the worker has answered: the prime's chokepoints, from the core.
    const chokepoints = new Set(
      primeChokepoints(buildSupplyGraph(sample, new Uint8Array(sample.organizations.length)), WIDE),
    );
    expect(chokepoints.size).toBeGreaterThan(0);
    await expect.poll(() => table.innerText(), { timeout: 30_000 }).toContain('Chokepoint');
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')!.textContent!.trim(),
          tr.lastElementChild!.textContent!.trim(),
        ]),
      );
    const byName = new Map(sample.organizations.map((o) => [o.name, o.id]));
    for (const [supplier, flags] of rows)
      expect(flags!.includes('Chokepoint'), supplier).toBe(chokepoints.has(byName.get(supplier!)!));
    // Sorted by dollars with a header click; keyboard moves between rows.
    await page.locator('[data-testid="network-tree-table-sort-value"]').click();
    const values = direct.map(([, v]) => v).sort((a, b) => b - a);
    expect(await first.locator('th').innerText()).toBe(name(direct.find(([, v]) => v === values[0])![0]));
    await first.locator('th').focus();
    await page.keyboard.press('ArrowDown');
    const second = table.locator('tbody tr').nth(1);
    expect(await second.evaluate((tr) => tr.contains(document.activeElement))).toBe(true);
    // A supplier's name selects it.
    const pick = direct[0]![0];
    await table.getByRole('button', { name: name(pick), exact: true }).click();
    await expect.poll(() => page.url()).toContain(`sel=${pick}`);
  });
});
