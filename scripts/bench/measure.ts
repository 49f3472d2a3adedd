// Measurement helpers for `npm run bench`: size parsing, a heap/RSS peak sampler, medians, and the printed
// table with the DESIGN.md §7 budgets.

export interface BenchSize {
  orgs: number;
  links: number;
}

export interface SizeResult extends BenchSize {
  /** Parse + validate as the app does it (with a helper thread for a big bundle's links). */
  parseMs: number;
  /** The same on one thread (`loadBundle(JSON.parse(text))`), for comparison. */
  oneThreadMs: number;
  buildMs: number;
  analyzeMs: number;
  /** Every prime's dominator tree, the suppliers' ranking and the primes' summaries (the worker's resilience,
   *  with its helper thread for a big graph). */
  chokepointsMs: number;
  /** The same on one thread, for comparison. */
  chokepointsOneThreadMs: number;
  /** Then one supplier's chokepoints with their cut-off sets (selecting the first of the ranking), and on one
   *  thread. */
  selectMs: number;
  selectOneThreadMs: number;
  /** Largest `process.memoryUsage().heapUsed` sampled right after each measured step, in MB. */
  peakHeapMb: number;
  /** Largest resident set size sampled at the same moments, in MB. */
  peakRssMb: number;
}

/** DESIGN.md §7, for the 100k orgs / 1M links bundle. */
export const BUDGETS = { orgs: 100_000, links: 1_000_000, parseMs: 2500, analysisMs: 1000 } as const;

/** The sizes the brief asks for; any other org count gets 10 links per org from 100k up, 5 below. */
const DEFAULT_LINKS: Readonly<Record<number, number>> = { 1000: 5000, 10_000: 50_000, 100_000: 1_000_000 };
export const DEFAULT_SIZES = '1000,10000,100000';

/** `"1000,10000:80000"` → sizes; an entry is `orgs` or `orgs:links`. Throws on anything else. */
export function parseSizes(spec: string): BenchSize[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(\d+)(?::(\d+))?$/.exec(part.replaceAll('_', ''));
      if (match === null) throw new Error(`bad size "${part}": write orgs or orgs:links, e.g. 10000:50000`);
      const orgs = Number(match[1]);
      const links =
        match[2] !== undefined
          ? Number(match[2])
          : (DEFAULT_LINKS[orgs] ?? orgs * (orgs >= 100_000 ? 10 : 5));
      if (orgs < 10) throw new Error(`size "${part}" is too small: at least 10 organizations`);
      return { orgs, links };
    });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Keeps the largest heapUsed and RSS seen at the moments `sample()` is called. */
export function createPeakSampler() {
  let heap = 0;
  let rss = 0;
  return {
    sample(): void {
      const usage = process.memoryUsage();
      heap = Math.max(heap, usage.heapUsed);
      rss = Math.max(rss, usage.rss);
    },
    peakHeapMb: (): number => heap / 2 ** 20,
    peakRssMb: (): number => rss / 2 ** 20,
  };
}

/** A full GC when node runs with --expose-gc (so each run starts clean); false when gc is not exposed. */
export function collectGarbage(): boolean {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  return true;
}

export function sizeLabel(orgs: number): string {
  if (orgs >= 1e6 && orgs % 1e6 === 0) return `${orgs / 1e6}M`;
  if (orgs >= 1000 && orgs % 1000 === 0) return `${orgs / 1000}k`;
  return String(orgs);
}

const mark = (ms: number, budget: number): string => `${ms <= budget ? 'PASS' : 'OVER'} (≤ ${budget} ms)`;

/** The table of results, one row per size, and the budget lines for the 100k / 1M row when it was run. */
export function formatTable(results: readonly SizeResult[]): string {
  const header = [
    'size',
    'orgs',
    'links',
    'parse ms',
    '1 thread',
    'build ms',
    'analyze ms',
    'chokepoints ms',
    '1 thread',
    'peak heap MB',
    'peak rss MB',
  ];
  const rows = results.map((r) => [
    sizeLabel(r.orgs),
    r.orgs.toLocaleString('en-US'),
    r.links.toLocaleString('en-US'),
    r.parseMs.toFixed(0),
    r.oneThreadMs.toFixed(0),
    r.buildMs.toFixed(0),
    r.analyzeMs.toFixed(0),
    r.chokepointsMs.toFixed(0),
    r.chokepointsOneThreadMs.toFixed(0),
    r.peakHeapMb.toFixed(0),
    r.peakRssMb.toFixed(0),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];

  const budgeted = results.find((r) => r.orgs === BUDGETS.orgs && r.links === BUDGETS.links);
  if (budgeted !== undefined) {
    const analysis = budgeted.buildMs + budgeted.analyzeMs;
    const budgetLine = (what: string, ms: number, budget: number): string =>
      `  ${what.padEnd(32)}${ms.toFixed(0).padStart(6)} ms  ${mark(ms, budget)}`;
    out.push(
      '',
      `DESIGN §7 budgets, ${sizeLabel(BUDGETS.orgs)} orgs / ${sizeLabel(BUDGETS.links)} links:`,
      budgetLine('parse + validate', budgeted.parseMs, BUDGETS.parseMs),
      `  ${'  (on one thread, for comparison)'.padEnd(32)}${budgeted.oneThreadMs.toFixed(0).padStart(6)} ms`,
      budgetLine('analysis (analyzeGraph)', budgeted.analyzeMs, BUDGETS.analysisMs),
      budgetLine('membership + graph + analysis', analysis, BUDGETS.analysisMs),
      budgetLine('single points of failure', budgeted.chokepointsMs, BUDGETS.analysisMs),
      `  ${'  (on one thread, for comparison)'.padEnd(32)}${budgeted.chokepointsOneThreadMs.toFixed(0).padStart(6)} ms`,
      `  ${'selecting one (its cut-offs)'.padEnd(32)}${budgeted.selectMs.toFixed(0).padStart(6)} ms (one thread: ${budgeted.selectOneThreadMs.toFixed(0)} ms; no budget)`,
    );
  }
  return out.join('\n');
}
