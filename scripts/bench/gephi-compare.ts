// Forgemap and Gephi Lite opening the same generated GEXF files in one run (bench-browser.ts --gephi <build>):
// each run a fresh Chromium process with the same flags and viewport, the two apps alternating, every file
// served from one origin. Gephi Lite opens `/gephi-lite/?file=<url>`; Forgemap opens the link a colleague
// would share for a network file it lacks: `?data=<url>#/h:<its content hash>/network?layout=file`, and the
// bench presses Import the moment it is enabled (PRESS_IMPORT).
//
// "Drawn", by one rule for both apps and without their internals: WebGL draw calls on the default
// framebuffer of sigma's `sigma-nodes` and `sigma-edges` canvases are counted since each canvas's last clear
// (instanced calls by instance, plain ones by primitive; a composite program, e.g. an arrow = a body and a
// head, counts once: the largest of its programs), and the first animation frame at which the nodes canvas
// holds every node and the edges canvas every edge of what the app draws is "drawn". What the app draws:
// all N nodes and M edges for Gephi Lite; for Forgemap its network's own counts (data-node-count /
// data-edge-count), the whole graph up to 10,000 nodes and 100,000 links, the aggregated one above. The
// longest task is the Long Tasks API's longest main-thread task from navigation to two seconds after drawn.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { bundleHash } from '../../src/io/export/bundle-json.ts';
import { importFiles } from '../../src/io/import/import-files.ts';
import { generateGexf } from './gexf.ts';
import type { GexfSize } from './gexf.ts';

const INIT = `
window.__name = (f) => f;
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });
(() => {
  // Per canvas: program → items drawn on screen since the canvas's last clear.
  const content = new Map();
  const kindOf = (canvas) =>
    canvas.classList === undefined ? null
    : canvas.classList.contains('sigma-nodes') ? 'nodes'
    : canvas.classList.contains('sigma-edges') ? 'edges' : null;
  const onScreen = (gl) => gl.getParameter(gl.FRAMEBUFFER_BINDING) === null;
  const add = (gl, items) => {
    if (kindOf(gl.canvas) === null || !onScreen(gl)) return;
    let programs = content.get(gl.canvas);
    if (programs === undefined) content.set(gl.canvas, (programs = new Map()));
    const program = gl.getParameter(gl.CURRENT_PROGRAM);
    programs.set(program, (programs.get(program) ?? 0) + items);
  };
  const perPrimitive = (mode) => (mode === 0 ? 1 : mode <= 3 ? 2 : 3);
  const wrap = (proto) => {
    if (proto === undefined) return;
    const clear = proto.clear;
    proto.clear = function (mask) {
      if ((mask & this.COLOR_BUFFER_BIT) !== 0 && onScreen(this)) content.delete(this.canvas);
      return clear.call(this, mask);
    };
    for (const name of ['drawArraysInstanced', 'drawElementsInstanced']) {
      const original = proto[name];
      if (original === undefined) continue;
      proto[name] = function (...args) {
        add(this, args[args.length - 1]);
        return original.apply(this, args);
      };
    }
    const drawArrays = proto.drawArrays;
    proto.drawArrays = function (mode, first, count) {
      add(this, Math.floor(count / perPrimitive(mode)));
      return drawArrays.call(this, mode, first, count);
    };
    const drawElements = proto.drawElements;
    proto.drawElements = function (mode, count, type, offset) {
      add(this, Math.floor(count / perPrimitive(mode)));
      return drawElements.call(this, mode, count, type, offset);
    };
    const getExtension = proto.getExtension;
    proto.getExtension = function (name) {
      const ext = getExtension.call(this, name);
      if (name === 'ANGLE_instanced_arrays' && ext !== null && !ext.__counted) {
        const gl = this;
        const arrays = ext.drawArraysInstancedANGLE.bind(ext);
        const elements = ext.drawElementsInstancedANGLE.bind(ext);
        ext.drawArraysInstancedANGLE = (mode, first, count, n) => (add(gl, n), arrays(mode, first, count, n));
        ext.drawElementsInstancedANGLE = (mode, count, type, offset, n) =>
          (add(gl, n), elements(mode, count, type, offset, n));
        ext.__counted = true;
      }
      return ext;
    };
  };
  wrap(window.WebGLRenderingContext && WebGLRenderingContext.prototype);
  wrap(window.WebGL2RenderingContext && WebGL2RenderingContext.prototype);
  // What the canvases hold at each animation frame, when it changed: [time, nodes, edges].
  window.__frames = [];
  let last = '';
  const held = (kind) => {
    let most = 0;
    for (const [canvas, programs] of content)
      if (kindOf(canvas) === kind) for (const n of programs.values()) most = Math.max(most, n);
    return most;
  };
  const tick = (now) => {
    const nodes = held('nodes');
    const edges = held('edges');
    const key = nodes + ':' + edges;
    if (key !== last) {
      last = key;
      window.__frames.push([now, nodes, edges]);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
`;

/**
 * Forgemap asks before it keeps a file (its import dialog); Gephi Lite opens `?file=` without asking. The
 * bench presses Import in the page the moment the button is enabled, as an instant user would: pressing it
 * from here, after Playwright's polling saw it, added 50–500 ms that were neither app's.
 */
const PRESS_IMPORT = `
new MutationObserver((_, observer) => {
  const button = document.querySelector('[data-testid="import-confirm"]');
  if (button === null || button.disabled) return;
  observer.disconnect();
  button.click();
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
`;

export interface CompareOptions {
  /** Forgemap's production build, served at / (the bench builds it). */
  forgemapDir: string;
  /** Gephi Lite's production build (`packages/gephi-lite/build`), served at /gephi-lite/. */
  gephiDir: string;
  sizes: GexfSize[];
  runs: number;
  /** Runs for sizes of 50,000 nodes and more (they take a minute each). */
  runsBig: number;
  chromiumPath: string;
  chromiumArgs: readonly string[];
  /** Serves a directory on 127.0.0.1: the bench's static server. */
  serve: (dir: string) => Promise<{ url: string; close(): Promise<void> }>;
  timeoutMs?: number;
}

interface Run {
  drawnMs: number | null;
  longestTaskMs: number;
  drawnNodes: number;
  drawnEdges: number;
  note?: string;
}

export interface SizeResult {
  nodes: number;
  edges: number;
  gephi: Run[];
  forgemap: Run[];
}

/** Both builds and the files under one root, so every request is same-origin. */
function prepareRoot({ forgemapDir, gephiDir, sizes }: CompareOptions): string[] {
  const link = join(forgemapDir, 'gephi-lite');
  if (!existsSync(link)) symlinkSync(gephiDir, link, 'dir');
  const data = join(forgemapDir, 'data-gexf');
  mkdirSync(data, { recursive: true });
  return sizes.map((size) => {
    const name = `graph-${size.nodes}n-${size.edges}e.gexf`;
    const path = join(data, name);
    if (!existsSync(path)) writeFileSync(path, generateGexf(size));
    return name;
  });
}

/** The `h:` id Forgemap gives the file once imported (the same importer and canonical text as the app). */
async function forgemapHash(text: string, name: string): Promise<string | null> {
  const outcome = importFiles([{ name, data: text }], { today: new Date().toISOString().slice(0, 10) });
  return outcome.value === null ? null : bundleHash(outcome.value.bundle);
}

async function frames(page: Page): Promise<[number, number, number][]> {
  return page.evaluate(() => (window as unknown as { __frames: [number, number, number][] }).__frames);
}

async function longestTask(page: Page, until: number): Promise<number> {
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: [number, number][] }).__longTasks,
  );
  return Math.round(Math.max(0, ...tasks.filter(([start]) => start <= until).map(([, ms]) => ms)));
}

/** Waits until a frame holds `nodes` and `edges` (read again each time: Forgemap's come from its page). */
async function drawnAt(
  page: Page,
  target: () => Promise<{ nodes: number; edges: number } | null>,
  timeoutMs: number,
): Promise<{ at: number; nodes: number; edges: number } | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const want = await target();
    if (want !== null) {
      const hit = (await frames(page)).find(([, n, e]) => n >= want.nodes && e >= want.edges);
      if (hit !== undefined) return { at: Math.round(hit[0]), nodes: want.nodes, edges: want.edges };
    }
    await page.waitForTimeout(100);
  }
  return null;
}

async function runOnce(
  browser: Browser,
  url: string,
  app: 'gephi' | 'forgemap',
  file: string,
  size: GexfSize,
  hash: string | null,
  timeoutMs: number,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  await context.addInitScript(INIT);
  // Gephi Lite asks a CDN for fonts: that fails at once here, as on an air-gapped machine. Only requests
  // to other origins are intercepted: each intercepted request waits on a round trip to this script.
  const origin = new URL(url).origin;
  await context.route(
    (address) => /^https?:$/.test(address.protocol) && address.origin !== origin,
    (route) => route.abort(),
  );
  const page = await context.newPage();
  url = url.replace(/\/$/, '');
  try {
    const fileUrl = `${url}/data-gexf/${file}`;
    let target: () => Promise<{ nodes: number; edges: number } | null>;
    if (app === 'gephi') {
      await page.goto(`${url}/gephi-lite/?file=${encodeURIComponent(fileUrl)}`);
      target = () => Promise.resolve({ nodes: size.nodes, edges: size.edges });
    } else {
      const view = hash === null ? '' : `#/h:${hash}/network?layout=file`;
      await page.addInitScript(PRESS_IMPORT);
      await page.goto(`${url}/?data=${encodeURIComponent(`/data-gexf/${file}`)}${view}`);
      if (hash === null) {
        await page.waitForFunction(() => location.hash.includes('/h:'), undefined, { timeout: timeoutMs });
        await page.getByRole('button', { name: 'Network', exact: true }).click();
      }
      target = async () => {
        const counts = await page
          .locator('[data-testid="network"][data-network-ready="true"]')
          .evaluate((e) => [Number(e.dataset['nodeCount']), Number(e.dataset['edgeCount'])])
          .catch(() => null);
        return counts === null ? null : { nodes: counts[0]!, edges: counts[1]! };
      };
    }
    const drawn = await drawnAt(page, target, timeoutMs);
    if (drawn === null)
      return { drawnMs: null, longestTaskMs: 0, drawnNodes: 0, drawnEdges: 0, note: 'timed out' };
    await page.waitForTimeout(2000);
    return {
      drawnMs: drawn.at,
      longestTaskMs: await longestTask(page, drawn.at + 2000),
      drawnNodes: drawn.nodes,
      drawnEdges: drawn.edges,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export async function compareWithGephi(options: CompareOptions): Promise<SizeResult[]> {
  const files = prepareRoot(options);
  const server = await options.serve(options.forgemapDir);
  const timeoutMs = options.timeoutMs ?? 300_000;
  const results: SizeResult[] = [];
  try {
    for (const [i, size] of options.sizes.entries()) {
      const file = files[i]!;
      const text = readFileSync(join(options.forgemapDir, 'data-gexf', file), 'utf8');
      const hash = await forgemapHash(text, file);
      const result: SizeResult = { nodes: size.nodes, edges: size.edges, gephi: [], forgemap: [] };
      const runs = size.nodes >= 50_000 ? options.runsBig : options.runs;
      for (let run = 0; run < runs; run++) {
        // Alternate which app goes first, so that machine drift falls on both.
        const order = run % 2 === 0 ? (['gephi', 'forgemap'] as const) : (['forgemap', 'gephi'] as const);
        for (const app of order) {
          const browser = await chromium.launch({
            executablePath: options.chromiumPath,
            headless: true,
            args: [...options.chromiumArgs],
          });
          try {
            result[app].push(await runOnce(browser, server.url, app, file, size, hash, timeoutMs));
          } finally {
            await browser.close();
          }
        }
      }
      results.push(result);
      console.log(comparisonLine(result));
    }
  } finally {
    await server.close();
  }
  return results;
}

/** Forgemap's median time to drawn and median longest task, each as a fraction of Gephi Lite's. */
export function gephiRatios(result: SizeResult) {
  const drawn = (runs: Run[]) => median(runs.flatMap((r) => (r.drawnMs === null ? [] : [r.drawnMs])));
  const task = (runs: Run[]) => median(runs.map((r) => r.longestTaskMs));
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
  const gephi = { drawnMs: drawn(result.gephi), taskMs: task(result.gephi) };
  const forgemap = { drawnMs: drawn(result.forgemap), taskMs: task(result.forgemap) };
  return {
    gephi,
    forgemap,
    drawn: ratio(forgemap.drawnMs, gephi.drawnMs),
    task: ratio(forgemap.taskMs, gephi.taskMs),
  };
}

export function comparisonLine(result: SizeResult): string {
  const { gephi, forgemap, drawn, task } = gephiRatios(result);
  const times = (ratio: number | null) => (ratio === null ? '—' : `${ratio.toFixed(2)}×`);
  const drawnWhat = result.forgemap[0]
    ? ` (Forgemap drew ${result.forgemap[0].drawnNodes} nodes / ${result.forgemap[0].drawnEdges} edges)`
    : '';
  return (
    `gephi ${result.nodes}/${result.edges}: drawn Gephi Lite ${gephi.drawnMs ?? 'timed out'} ms, Forgemap ${forgemap.drawnMs ?? 'timed out'} ms ` +
    `(${times(drawn)} of Gephi Lite's time); longest task ${gephi.taskMs} / ${forgemap.taskMs} ms (${times(task)})${drawnWhat}`
  );
}
