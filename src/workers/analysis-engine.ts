// Runs analysis requests against loaded datasets. The worker entry and the in-thread fallback (tests,
// browsers without module workers) share this code; it keeps the compact graph of the last region.
import { ANALYSIS_PHASES, analyzeGraph } from '../analysis/analyze.ts';
import type { AnalysisPhase } from '../analysis/analyze.ts';
import { analyzeRegion } from '../analysis/compare.ts';
import { capabilityLabeler } from '../analysis/labels.ts';
import { buildSupplyGraph } from '../analysis/supply-graph.ts';
import type { SupplyGraph } from '../analysis/supply-graph.ts';
import { whatIf } from '../analysis/what-if.ts';
import { formatYearRange, withinYears } from '../domain/fiscal-years.ts';
import type { YearRange } from '../domain/fiscal-years.ts';
import type { CountyLocator } from '../domain/membership.ts';
import { needsLocator, regionMembership, resolveCounty } from '../domain/membership.ts';
import type { Bundle } from '../domain/model.ts';
import {
  chokepointsOf,
  chokepointsOfOnTwo,
  primeChokepoints,
  resilienceOf,
  resilienceOnTwo,
} from '../analysis/chokepoints.ts';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import { blockCount, dominanceFrame } from '../analysis/dominance.ts';
import type { DominanceFrame } from '../analysis/dominance.ts';
import type {
  AnalysisOutcome,
  AnalysisRequest,
  CompareRequest,
  RegionOutcome,
  ResilienceOutcome,
  ResilienceRequest,
  PrimeChokepointsRequest,
  SupplierChokepointsRequest,
} from './protocol.ts';
import { RESILIENCE_ROWS } from './protocol.ts';
import { nextMessageTurn } from './sliced.ts';
import type { ResilienceHelper } from './resilience-part-protocol.ts';

/**
 * A graph with at least this many links goes to the helper as soon as it is built, and, with two blocks of
 * primes or more, has its single points of failure counted on two threads; below, copying the graph to the
 * helper would cost more than it saves.
 */
export const HELPER_MIN_LINKS = 20_000;

/** Every prime's dominator tree of one graph (by its key), and the outcome once asked for (one search for any
 *  number of requests: the search pauses between blocks, and a second request meanwhile waits for it). */
interface ResilienceCache {
  key: string;
  frame: DominanceFrame;
  outcome: Promise<ResilienceOutcome> | null;
}

/** Reference data the engine may need, loaded on demand (large files the app should not fetch at start). */
export interface ReferenceLoaders {
  naicsTitles(): Promise<Readonly<Record<string, string>>>;
  countyAt(): Promise<CountyLocator['countyAt']>;
  countyOfZip(): Promise<CountyLocator['countyOfZip']>;
}

/** The fiscal years of a request as part of a cache key ('' for every year). */
function yearsKey(years: YearRange | null | undefined): string {
  return years === null || years === undefined ? '' : formatYearRange(years);
}

export type ProgressListener = (phase: AnalysisPhase | 'reference', fraction: number) => void;

export class AnalysisEngine {
  private readonly datasets = new Map<string, Bundle>();
  private cachedGraph: { key: string; graph: SupplyGraph; located: AnalysisOutcome['located'] } | null = null;
  private locator: CountyLocator | null = null;
  /** Compared regions of the loaded dataset, by dataset, region and counties. */
  private readonly compared = new Map<string, RegionOutcome>();
  private titles: Readonly<Record<string, string>> | null = null;
  /** The single points of failure of the cached graph, by its key. */
  private resilienceCache: ResilienceCache | null = null;
  private readonly loaders: ReferenceLoaders;
  private readonly helper: ResilienceHelper | undefined;
  /**
   * The graph sent to the helper (by key); the frame it answered for it, once it has; whether that failed.
   * Nothing waits for the helper: calls to it queue behind the graph, and a failed one is redone here.
   */
  /** The graph last sent to the helper: its key, the helper's answer (its frame, null if it failed), and
   *  whether it has failed to take the graph. */
  private helperGraph: { key: string; answer: Promise<DominanceFrame | null>; failed: boolean } | null = null;

  /**
   * `helper`, where given, finds a big graph's frame while the analysis runs and counts half of its single
   * points of failure on another core.
   */
  constructor(
    loaders: ReferenceLoaders,
    helper?: ResilienceHelper,
    private readonly helperMinLinks = HELPER_MIN_LINKS,
  ) {
    this.loaders = loaders;
    this.helper = helper;
  }

  load(datasetKey: string, bundle: Bundle): void {
    // One dataset at a time is enough for the app; keeping more would only hold memory.
    this.datasets.clear();
    this.datasets.set(datasetKey, bundle);
    this.cachedGraph = null;
    this.resilienceCache = null;
    this.compared.clear();
  }

  /** The loaded dataset, narrowed to the fiscal years asked for (withinYears caches the last narrowing). */
  private dataset(datasetKey: string, years?: YearRange | null): Bundle {
    const bundle = this.datasets.get(datasetKey);
    if (bundle === undefined)
      throw new Error(`The dataset "${datasetKey}" is not loaded in the analysis engine.`);
    return withinYears(bundle, years);
  }

  private async labelFor(bundle: Bundle): Promise<(capabilityId: string) => string> {
    if (this.titles === null) this.titles = await this.loaders.naicsTitles();
    return capabilityLabeler(bundle.capabilities, this.titles);
  }

  /**
   * Other regions of the loaded dataset, each analysed with the home region's membership rule (county on
   * record, else the point's county, else the ZIP's), so that the comparison and the home region agree.
   */
  async compare(request: CompareRequest): Promise<RegionOutcome[]> {
    const bundle = this.dataset(request.datasetKey, request.years);
    const label = await this.labelFor(bundle);
    const locator = await this.locatorFor(bundle);
    const years = yearsKey(request.years);
    return request.regions.map((region) => {
      // Ticking one more region does not analyse the others again.
      const key = `${request.datasetKey}\u0000${years}\u0000${region.id}\u0000${region.counties.join(',')}`;
      const hit = this.compared.get(key);
      if (hit !== undefined) return hit;
      const { result, inRegion } = analyzeRegion(bundle, region, { label, locator });
      const outcome = { regionId: region.id, result, inRegion };
      this.compared.set(key, outcome);
      return outcome;
    });
  }

  async analyze(request: AnalysisRequest, onProgress: ProgressListener = () => {}): Promise<AnalysisOutcome> {
    const started = performance.now();
    const bundle = this.dataset(request.datasetKey, request.years);

    onProgress('reference', 0);
    const label = await this.labelFor(bundle);

    const cached = await this.graphFor(request, bundle, onProgress);
    const options = {
      regionId: request.regionId,
      label,
      onPhase: (phase: AnalysisPhase) =>
        onProgress(phase, (ANALYSIS_PHASES.indexOf(phase) + 1) / (ANALYSIS_PHASES.length + 1)),
    };
    if (request.removed.length === 0) {
      const result = analyzeGraph(cached.graph, options);
      return {
        result,
        whatIf: null,
        inRegion: cached.graph.inRegion,
        located: cached.located,
        ms: performance.now() - started,
      };
    }
    const baseline = analyzeGraph(cached.graph, { ...options, onPhase: undefined });
    const scenario = whatIf(cached.graph, request.removed, options, baseline);
    return {
      result: scenario.baseline,
      whatIf: scenario,
      inRegion: cached.graph.inRegion,
      located: cached.located,
      ms: performance.now() - started,
    };
  }

  /**
   * The single points of failure of the home region's graph (built as for an analysis, and shared with it):
   * every prime's dominator tree, solved 32 primes at a time and counted as it goes (half of the blocks by the
   * helper, for a big graph); the ranking is kept.
   */
  async resilience(request: ResilienceRequest): Promise<ResilienceOutcome> {
    const started = performance.now();
    const { graph, frame, cache } = await this.dominanceFor(request);
    if (cache.outcome === null) {
      const search = this.findResilience(graph, frame, cache.key, started);
      cache.outcome = search;
      // A search that failed is not kept: the next request tries again.
      search.catch(() => {
        if (cache.outcome === search) cache.outcome = null;
      });
    }
    return cache.outcome;
  }

  private async findResilience(
    graph: SupplyGraph,
    frame: DominanceFrame,
    key: string,
    started: number,
  ): Promise<ResilienceOutcome> {
    const helper = this.helperFor(key, frame);
    const shared = helper !== null;
    const { suppliers, total, primes } = shared
      ? await resilienceOnTwo(graph, frame, helper.counting(key), nextMessageTurn, RESILIENCE_ROWS)
      : resilienceOf(graph, frame, RESILIENCE_ROWS);
    return {
      suppliers,
      total,
      atRisk: primes.reduce((sum, prime) => sum + prime.onChokepoints, 0),
      primes,
      ms: performance.now() - started,
      threads: shared ? 2 : 1,
    };
  }

  /** One supplier's chokepoints, with the organizations it cuts off: what a selection highlights. */
  async supplierChokepoints(request: SupplierChokepointsRequest): Promise<Chokepoint[]> {
    const { graph, frame, cache } = await this.dominanceFor(request);
    const helper = this.helperFor(cache.key, frame);
    return helper !== null
      ? chokepointsOfOnTwo(
          graph,
          request.supplier,
          frame,
          (at) => helper.finding(cache.key, at),
          nextMessageTurn,
        )
      : chokepointsOf(graph, request.supplier, frame);
  }

  /** One prime's chokepoints: the suppliers it depends on alone for something. */
  async primeChokepoints(request: PrimeChokepointsRequest): Promise<string[]> {
    const { graph, frame } = await this.dominanceFor(request);
    return primeChokepoints(graph, request.prime, frame);
  }

  /** The helper, when it was sent the graph of this key (and has not failed to take it) and there are two
   *  blocks of primes or more to share. */
  private helperFor(key: string, frame: DominanceFrame): ResilienceHelper | null {
    const { helper, helperGraph } = this;
    const holds = helper !== undefined && helperGraph?.key === key && !helperGraph.failed;
    return holds && blockCount(frame) >= 2 ? helper : null;
  }

  private async dominanceFor(
    request: ResilienceRequest,
  ): Promise<{ graph: SupplyGraph; frame: DominanceFrame; cache: ResilienceCache }> {
    const bundle = this.dataset(request.datasetKey, request.years);
    const { key, graph } = await this.graphFor(request, bundle, () => {});
    // The helper's copy of the frame (it has been finding it since the graph was built, while the analysis ran:
    // sooner done than begun again here), else found here.
    const sent = this.helperGraph?.key === key ? this.helperGraph : null;
    const copy = this.resilienceCache?.key !== key && sent !== null ? await sent.answer : null;
    if (this.resilienceCache?.key !== key)
      this.resilienceCache = { key, frame: copy ?? dominanceFrame(graph), outcome: null };
    return { graph, frame: this.resilienceCache.frame, cache: this.resilienceCache };
  }

  /** The compact graph of a request's dataset, region and years, kept for the next request of the same. */
  private async graphFor(
    request: ResilienceRequest,
    bundle: Bundle,
    onProgress: ProgressListener,
  ): Promise<{ key: string; graph: SupplyGraph; located: AnalysisOutcome['located'] }> {
    const years = yearsKey(request.years);
    const graphKey = `${request.datasetKey}\u0000${years}\u0000${request.regionId ?? ''}\u0000${request.counties.join(',')}`;
    let cached = this.cachedGraph;
    if (cached === null || cached.key !== graphKey) {
      const locator = await this.locatorFor(bundle);
      const step = 1 / (ANALYSIS_PHASES.length + 1);
      onProgress('membership', step);
      const mask = regionMembership(bundle.organizations, request.counties, locator);
      const located = { point: 0, zip: 0, none: 0 };
      for (const org of bundle.organizations) {
        const via = org.county !== undefined ? 'record' : resolveCounty(org, locator).via;
        if (via === 'point') located.point++;
        else if (via === 'zip') located.zip++;
        else if (via === null) located.none++;
      }
      onProgress('graph', 2 * step);
      cached = { key: graphKey, graph: buildSupplyGraph(bundle, mask), located };
      this.cachedGraph = cached;
      // A big graph goes to the helper now, which finds its frame while this thread analyses it.
      if (this.helper !== undefined && cached.graph.linkCount >= this.helperMinLinks) {
        const answer = this.helper.prepare(graphKey, cached.graph);
        const sent = { key: graphKey, answer, failed: false };
        this.helperGraph = sent;
        void answer.then((frame) => (sent.failed = frame === null));
      }
    }
    return cached;
  }

  private async locatorFor(bundle: Bundle): Promise<CountyLocator> {
    const needed = needsLocator(bundle.organizations);
    const locator: CountyLocator = this.locator ?? {};
    if (needed.points && locator.countyAt === undefined) locator.countyAt = await this.loaders.countyAt();
    if ((needed.zips || needed.points) && locator.countyOfZip === undefined) {
      locator.countyOfZip = await this.loaders.countyOfZip();
    }
    this.locator = locator;
    return locator;
  }
}
