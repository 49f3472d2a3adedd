// `npm run bench`: generates large synthetic bundles and times parse + validate, membership + graph build,
// the full analysis and the single points of failure (every prime's dominator tree) at each size, against the DESIGN.md §7 budgets. Parse + validate runs as the import
// worker runs it (a big bundle's links partly on a helper thread, io/load-bundle-split.ts) and, for
// comparison, on one thread. Each step: 1 warm-up run, then the
// median of --runs (default 3). Run with --expose-gc (`tsx --expose-gc scripts/bench.ts`) for clean heap figures.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { analyzeGraph } from '../src/analysis/analyze.ts';
import { capabilityLabeler } from '../src/analysis/labels.ts';
import { buildSupplyGraph } from '../src/analysis/supply-graph.ts';
import { regionMembership } from '../src/domain/membership.ts';
import { hasErrors } from '../src/domain/issues.ts';
import type { Result } from '../src/domain/issues.ts';
import type { Bundle } from '../src/domain/model.ts';
import { loadBundle } from '../src/io/load-bundle.ts';
import { loadBundleSplit } from '../src/io/load-bundle-split.ts';
import { createThreadPartParser } from './bench/thread-part-parser.ts';
import { threadWorker } from './bench/thread-worker.ts';
import { AnalysisEngine } from '../src/workers/analysis-engine.ts';
import type { ReferenceLoaders } from '../src/workers/analysis-engine.ts';
import { createResilienceHelper } from '../src/workers/resilience-part-protocol.ts';
import { parseJson } from '../src/io/parse-json.ts';
import { benchDerive } from './bench/derive.ts';
import { benchRecords, RECORDS_BUDGET } from './bench/records.ts';
import { BENCH_REGION_ID, generateLargeBundle } from './bench/large-bundle.ts';
import type { BenchSize, SizeResult } from './bench/measure.ts';
import {
  collectGarbage,
  createPeakSampler,
  DEFAULT_SIZES,
  formatTable,
  median,
  parseSizes,
  sizeLabel,
} from './bench/measure.ts';

const WARMUP_RUNS = 1;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: DEFAULT_SIZES },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20240101' },
    out: { type: 'string' },
    'skip-records': { type: 'boolean', default: false },
    'records-transactions': { type: 'string', default: '2500000' },
  },
});
const sizes = parseSizes(args.sizes);
const runs = Math.max(1, Number.parseInt(args.runs, 10) || 3);
const seed = Number.parseInt(args.seed, 10) || 1;

function naicsTitles(): Record<string, string> {
  const table = JSON.parse(
    readFileSync(new URL('../data/reference/naics2017.json', import.meta.url), 'utf8'),
  ) as unknown;
  const rows = (table as { rows?: unknown } | null)?.rows;
  const out: Record<string, string> = {};
  if (typeof rows === 'object' && rows !== null) {
    for (const [code, title] of Object.entries(rows)) if (typeof title === 'string') out[code] = title;
  }
  return out;
}
const titles = naicsTitles();

const helper = createThreadPartParser();
// The analysis worker's resilience helper, as a thread running the same handlers.
const resilienceThread = threadWorker(new URL('./bench/resilience-part-thread.ts', import.meta.url));
const resilienceHelper = createResilienceHelper(() => resilienceThread.worker);
/** The generated organizations carry their counties: the engine needs no locator. */
const benchLoaders: ReferenceLoaders = {
  naicsTitles: () => Promise.resolve(titles),
  countyAt: () => Promise.reject(new Error('the bench bundle needs no county lookup')),
  countyOfZip: () => Promise.reject(new Error('the bench bundle needs no county lookup')),
};

/** Parse + validate the way the app's import worker does; `split` says whether the helper took part. */
async function loadAsApp(text: string): Promise<{ loaded: Result<Bundle>; split: boolean }> {
  const split = await loadBundleSplit(text, helper.parsePart);
  if (split !== null) return { loaded: split.loaded, split: true };
  return { loaded: loadBundle(parseJson(text).value), split: false };
}

async function benchSize(size: BenchSize): Promise<SizeResult> {
  const text = generateLargeBundle({ ...size, seed });
  const parseMs: number[] = [];
  const oneThreadMs: number[] = [];
  const buildMs: number[] = [];
  const analyzeMs: number[] = [];
  const chokepointsMs: number[] = [];
  const chokepointsOneThreadMs: number[] = [];
  const selectMs: number[] = [];
  const selectOneThreadMs: number[] = [];
  const peak = createPeakSampler();

  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    collectGarbage();
    const s0 = performance.now();
    loadBundle(parseJson(text).value);
    const s1 = performance.now();
    collectGarbage();
    const t0 = performance.now();
    const { loaded, split } = await loadAsApp(text);
    const t1 = performance.now();
    peak.sample();
    const bundle = loaded.value;
    if (bundle === null || hasErrors(loaded.issues)) {
      const first = loaded.issues.find((issue) => issue.severity === 'error');
      throw new Error(`generated bundle did not load: ${first?.path ?? ''} ${first?.message ?? ''}`);
    }
    const region = bundle.regions.find((r) => r.id === BENCH_REGION_ID);
    const mask = regionMembership(bundle.organizations, region?.counties ?? [], {});
    const graph = buildSupplyGraph(bundle, mask);
    const t2 = performance.now();
    peak.sample();
    const result = analyzeGraph(graph, {
      regionId: BENCH_REGION_ID,
      label: capabilityLabeler(bundle.capabilities, titles),
    });
    const t3 = performance.now();
    peak.sample();
    // What the analysis worker does: load the bundle, analyse it (a big graph goes to the resilience helper at
    // once, which finds its frame meanwhile), then answer the single points of failure; and the same engine
    // without a helper, for comparison. Only the resilience request is timed.
    const request = {
      datasetKey: `bench-${run}`,
      regionId: BENCH_REGION_ID,
      counties: region?.counties ?? [],
    };
    const engine = new AnalysisEngine(benchLoaders, resilienceHelper);
    engine.load(request.datasetKey, bundle);
    await engine.analyze({ ...request, removed: [] });
    const r0 = performance.now();
    const { total: risks, primes, threads, suppliers } = await engine.resilience(request);
    const r1 = performance.now();
    peak.sample();
    // Selecting the first of them: what it cuts off, for each prime.
    const supplier = suppliers[0]?.supplier ?? '';
    await engine.supplierChokepoints({ ...request, supplier });
    const r2 = performance.now();
    collectGarbage();
    const alone = new AnalysisEngine(benchLoaders);
    alone.load(request.datasetKey, bundle);
    await alone.analyze({ ...request, removed: [] });
    const u0 = performance.now();
    await alone.resilience(request);
    const u1 = performance.now();
    await alone.supplierChokepoints({ ...request, supplier });
    const u2 = performance.now();
    if (run === 0) {
      console.log(
        `  ${sizeLabel(size.orgs)}: ${graph.linkCount.toLocaleString('en-US')} supply links, ` +
          `${result.regionOrganizations.toLocaleString('en-US')} orgs in region, ${result.gaps.length} capabilities in demand, ` +
          `${Object.keys(result.tiers).length.toLocaleString('en-US')} with a tier (deepest ${result.tierCounts.length - 1}), ` +
          `${result.criticalSuppliers.length} critical suppliers, ` +
          `${risks.toLocaleString('en-US')} single points of failure over ${primes.length.toLocaleString('en-US')} primes ` +
          `counted on ${threads} thread(s) ` +
          `(${primes.reduce((sum, p) => sum + p.chokepoints, 0).toLocaleString('en-US')} chokepoint pairs); ` +
          (split ? 'links parsed partly on a helper thread' : 'parsed on one thread (small file)'),
      );
    }
    if (run >= WARMUP_RUNS) {
      parseMs.push(t1 - t0);
      oneThreadMs.push(s1 - s0);
      buildMs.push(t2 - t1);
      analyzeMs.push(t3 - t2);
      chokepointsMs.push(r1 - r0);
      chokepointsOneThreadMs.push(u1 - u0);
      selectMs.push(r2 - r1);
      selectOneThreadMs.push(u2 - u1);
    }
  }
  return {
    ...size,
    parseMs: median(parseMs),
    oneThreadMs: median(oneThreadMs),
    buildMs: median(buildMs),
    analyzeMs: median(analyzeMs),
    chokepointsMs: median(chokepointsMs),
    chokepointsOneThreadMs: median(chokepointsOneThreadMs),
    selectMs: median(selectMs),
    selectOneThreadMs: median(selectOneThreadMs),
    peakHeapMb: peak.peakHeapMb(),
    peakRssMb: peak.peakRssMb(),
  };
}

const gcExposed = collectGarbage();
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB; ` +
    `median of ${runs} run(s) after ${WARMUP_RUNS} warm-up; peak heap = max heapUsed after each step` +
    (gcExposed ? ', GC forced between runs' : ' (run with --expose-gc for a GC between runs)'),
);
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
await helper.close();
await resilienceThread.close();
console.log(`\n${formatTable(results)}`);

// The views' derivations on the largest size (what the main thread computes from a loaded bundle).
const largest = sizes.reduce((a, b) => (b.orgs > a.orgs ? b : a));
const derived = loadBundle(parseJson(generateLargeBundle({ ...largest, seed })).value).value;
const deriveTimings = derived === null ? null : benchDerive(derived);
if (deriveTimings !== null) {
  console.log(
    `  filter index ${deriveTimings.filterIndexMs.toFixed(0)} ms, visibleMask ${deriveTimings.visibleMaskMs.toFixed(1)} ms, ` +
      `link arrays ${deriveTimings.linkArraysMs.toFixed(0)} ms, visibleLinkMask ${deriveTimings.visibleLinkMaskMs.toFixed(1)} ms, ` +
      `name search ${deriveTimings.firstSearchMs.toFixed(0)} ms first then ${deriveTimings.searchMs.toFixed(1)} ms, ` +
      `profile ${deriveTimings.profileMs.toFixed(0)} ms`,
  );
}

let recordsResult: ReturnType<typeof benchRecords> | null = null;
if (!args['skip-records']) {
  const transactions = Number(args['records-transactions']);
  recordsResult = benchRecords({ transactions, subawards: 300_000, runs: Math.min(runs, 3) });
  const ms = median(recordsResult.runs.map((r) => r.ms));
  const rss = Math.max(...recordsResult.runs.map((r) => r.maxRssMb));
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'OVER');
  console.log(
    `\nbuild-region (CLI, DuckDB): ${recordsResult.primeMb.toFixed(0)} MB of prime transactions ` +
      `(${transactions.toLocaleString('en-US')} rows) + ${recordsResult.subawardsMb.toFixed(0)} MB of subawards (300,000 rows), ` +
      `median of ${recordsResult.runs.length}`,
  );
  console.log(
    `  time         ${ms.toFixed(0)} ms  ${verdict(ms <= RECORDS_BUDGET.ms)} (≤ ${RECORDS_BUDGET.ms} ms)`,
  );
  console.log(
    `  peak memory  ${rss.toFixed(0)} MB  ${verdict(rss <= RECORDS_BUDGET.rssMb)} (≤ ${RECORDS_BUDGET.rssMb} MB)`,
  );
  console.log(`  ${recordsResult.summary}`);
}

if (args.out !== undefined) {
  const report = {
    sizes: results,
    derive: deriveTimings,
    records: recordsResult,
    node: process.version,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    },
    method: {
      statistic: `median of ${runs} after ${WARMUP_RUNS} warm-up`,
      peakHeap: 'max process.memoryUsage().heapUsed sampled right after each step',
      gcBetweenRuns: gcExposed,
      seed,
    },
  };
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${args.out}`);
}
