import { describe, expect, it, vi } from 'vitest';
import type { CountyFips } from '../domain/ids.ts';
import { testBundle } from '../analysis/test-bundle.ts';
import { rememberColumnar, writeColumnar } from '../io/columnar.ts';
import { AnalysisEngine } from './analysis-engine.ts';
import type { ReferenceLoaders } from './analysis-engine.ts';
import {
  AnalysisCancelled,
  createInThreadClient,
  createWorkerClient,
  PART_THRESHOLD,
} from './analysis-client.ts';
import { serve } from './actor.ts';
import { analysisArgs, analysisHandlers } from './analysis-api.ts';

const loaders: ReferenceLoaders = {
  naicsTitles: async () => ({ '332811': 'Metal Heat Treating' }),
  countyAt: async () => () => null,
  countyOfZip: async () => (zip: string) => (zip === '60601' ? ('00001' as CountyFips) : null),
};

// P buys heat treating from H inside the region and from X outside.
const bundle = testBundle(
  [
    { id: 'P', kind: 'prime' },
    { id: 'H', naics: ['332811'] },
    { id: 'X', naics: ['332811'], inRegion: false },
  ],
  [
    ['H', 'P', '332811', 100],
    ['X', 'P', '332811', 300],
  ],
);
const request = { datasetKey: 'k', regionId: 'r', counties: ['00001'], removed: [] };

/** A worker client over FakeWorkers, with every worker it started, in order. */
function countedWorkerClient() {
  const workers: FakeWorker[] = [];
  const client = createWorkerClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

/** A chain of PART_THRESHOLD suppliers into P: more records than go to the worker in one message. */
function chainBundle() {
  const n = PART_THRESHOLD;
  const orgs = [
    { id: 'P', kind: 'prime' as const },
    ...Array.from({ length: n }, (_, i) => ({ id: `s${i}`, naics: ['332710'] })),
  ];
  const links = Array.from({ length: n }, (_, i): [string, string, string, number] => [
    `s${i}`,
    i === 0 ? 'P' : `s${i - 1}`,
    '332710',
    i + 1,
  ]);
  return testBundle(orgs, links);
}

/** A stand-in for a module worker: the worker's own methods, each message handled on a later task. */
class FakeWorker extends EventTarget {
  static created = 0;
  terminated = false;
  /** The methods called, in order. */
  readonly received: string[] = [];
  private readonly server = new EventTarget();
  constructor() {
    super();
    FakeWorker.created++;
    serve(
      analysisHandlers(new AnalysisEngine(loaders)),
      {
        postMessage: (data) => {
          if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
        },
        addEventListener: (type, listener) => this.server.addEventListener(type, listener as EventListener),
      },
      { args: analysisArgs },
    );
  }
  postMessage(message: { method: string }) {
    this.received.push(message.method);
    // structuredClone: what crosses to a real worker is a copy.
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.server.dispatchEvent(new MessageEvent('message', { data: copy }));
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('analysis clients', () => {
  it('the in-thread client analyses a loaded dataset with labels and progress', async () => {
    const client = createInThreadClient(loaders);
    client.load('k', bundle);
    const phases: string[] = [];
    const outcome = await client.analyze(request, { onProgress: (phase) => phases.push(phase) });
    expect(outcome.result.gaps.map((g) => [g.capability, g.label, g.importedValue, g.flags])).toEqual([
      ['332811', 'Metal Heat Treating', 300, ['single-source', 'leakage', 'workforce']],
    ]);
    expect(phases).toEqual(['reference', 'membership', 'graph', 'gaps', 'tiers', 'critical', 'matrix']);
  });

  it('reports a what-if beside the baseline when organizations are removed', async () => {
    const client = createInThreadClient(loaders);
    client.load('k', bundle);
    const outcome = await client.analyze({ ...request, removed: ['H'] });
    expect(outcome.whatIf?.removed).toEqual(['H']);
    expect(outcome.whatIf?.changes[0]).toMatchObject({ capability: '332811', appeared: ['missing'] });
  });

  it('places organizations without a county by ZIP, and counts them', async () => {
    const client = createInThreadClient(loaders);
    const byZip = structuredClone(bundle);
    byZip.organizations[1] = { ...byZip.organizations[1]!, county: undefined, zip: '60601' };
    byZip.organizations[2] = { ...byZip.organizations[2]!, county: undefined };
    client.load('z', byZip);
    const outcome = await client.analyze({ ...request, datasetKey: 'z' });
    expect(outcome.located).toEqual({ point: 0, zip: 1, none: 1 });
    expect(outcome.result.regionOrganizations).toBe(2);
  });

  it('the worker client resolves through the worker', async () => {
    const client = createWorkerClient(() => new FakeWorker() as unknown as Worker);
    client.load('k', bundle);
    const outcome = await client.analyze(request);
    expect(outcome.result.criticalSuppliers).toEqual(['P']);
  });

  it('warm starts the worker ahead; a dataset loaded afterwards is sent at once, before any request', async () => {
    const { client, workers } = countedWorkerClient();
    client.load('k', bundle);
    expect(workers).toHaveLength(0);
    client.warm();
    expect(workers).toHaveLength(1);
    client.load('k', bundle);
    expect(workers[0]?.received).toEqual(['load']);
    const outcome = await client.analyze(request);
    expect(outcome.result.criticalSuppliers).toEqual(['P']);
    expect(workers[0]?.received).toEqual(['load', 'analyze']);
    expect(workers).toHaveLength(1);
  });

  it('cancelling terminates the worker, and the next request starts a fresh one with the dataset', async () => {
    const { client, workers } = countedWorkerClient();
    client.load('k', bundle);
    const controller = new AbortController();
    const running = client.analyze(request, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(workers[0]?.terminated).toBe(true);

    const again = await client.analyze(request);
    expect(again.result.gaps).toHaveLength(1);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.received).toEqual(['load', 'analyze']);
  });

  it('sends a big dataset in parts, one task each, and analyses it as the in-thread client does', async () => {
    const big = chainBundle();
    let worker: FakeWorker | undefined;
    const client = createWorkerClient(() => (worker = new FakeWorker()) as unknown as Worker);
    client.load('big', big);
    const outcome = await client.analyze({ ...request, datasetKey: 'big' });
    const reference = createInThreadClient(loaders);
    reference.load('big', big);
    const expected = await reference.analyze({ ...request, datasetKey: 'big' });
    expect(outcome.result).toEqual(expected.result);
    // 20,001 organizations in parts of 1,250 (17), the 20,000 links as columns, then the rest.
    expect(worker?.received).toEqual([
      ...Array<string>(17).fill('load-part'),
      'load-links',
      'load',
      'analyze',
    ]);
  });

  it('sends a big dataset kept on this device as its columns, which the worker reads, with the same outcome', async () => {
    const big = chainBundle();
    rememberColumnar(big, new Blob([writeColumnar(big)]));
    let worker: FakeWorker | undefined;
    const client = createWorkerClient(() => (worker = new FakeWorker()) as unknown as Worker);
    client.load('big', big);
    const outcome = await client.analyze({ ...request, datasetKey: 'big' });
    const reference = createInThreadClient(loaders);
    reference.load('big', chainBundle());
    const expected = await reference.analyze({ ...request, datasetKey: 'big' });
    expect(outcome.result).toEqual(expected.result);
    expect(outcome.result.criticalSuppliers).toContain('s0');
    // No records cloned here: one message with the columns, then the request.
    expect(worker?.received).toEqual(['load-kept', 'analyze']);
  });

  it('a kept copy the worker cannot read fails the request with the reason, and is not left unhandled', async () => {
    const big = chainBundle();
    const bytes = writeColumnar(big);
    rememberColumnar(big, new Blob([bytes.slice(0, bytes.length - 64)]));
    const client = createWorkerClient(() => new FakeWorker() as unknown as Worker);
    client.load('big', big);
    await expect(client.analyze({ ...request, datasetKey: 'big' })).rejects.toThrow(
      /The copy of "the dataset" kept on this device cannot be read/,
    );
  });

  it("compares other regions by the home region's membership rule: an organization placed by ZIP counts", async () => {
    const byZip = structuredClone(bundle);
    // H has no county on record, only a ZIP in county 00001.
    byZip.organizations[1] = { ...byZip.organizations[1]!, county: undefined, zip: '60601' };
    const client = createWorkerClient(() => new FakeWorker() as unknown as Worker);
    client.load('z', byZip);
    const [home] = await client.compare({ datasetKey: 'z', regions: [{ id: 'r', counties: ['00001'] }] });
    const direct = await client.analyze({ ...request, datasetKey: 'z' });
    expect(home?.regionId).toBe('r');
    expect([...home!.inRegion]).toEqual([1, 1, 0]);
    expect(home?.result.regionOrganizations).toBe(2);
    expect(home?.result.gaps).toEqual(direct.result.gaps);
  });

  it('analyses the fiscal years asked for, a year at a time or averaged over a range, through the worker', async () => {
    // X sells P 300 in FY2023 and 900 in FY2024; H 100 in FY2024 only.
    const dated = structuredClone(bundle);
    dated.meta.linksByFiscalYear = true;
    dated.links = [
      { ...dated.links[0]!, value: 100, year: 2024 },
      { ...dated.links[1]!, value: 300, year: 2023 },
      { ...dated.links[1]!, value: 900, year: 2024 },
    ];
    const client = createWorkerClient(() => new FakeWorker() as unknown as Worker);
    client.load('y', dated);
    const imported = async (years: { from: number; to: number } | null) =>
      (await client.analyze({ ...request, datasetKey: 'y', years })).result.gaps.map((g) => [
        g.importedValue,
        g.demand,
      ]);
    // Both years: (300 + 900) / 2 = 600 imported of (100 + 300 + 900) / 2 = 650.
    expect(await imported(null)).toEqual([[600, 650]]);
    expect(await imported({ from: 2024, to: 2024 })).toEqual([[900, 1000]]);
    expect(await imported({ from: 2023, to: 2023 })).toEqual([[300, 300]]);
    const [home] = await client.compare({
      datasetKey: 'y',
      regions: [{ id: 'r', counties: ['00001'] }],
      years: { from: 2023, to: 2023 },
    });
    expect(home?.result.gaps.map((g) => g.importedValue)).toEqual([300]);
    // A range the other way round is refused by the worker's argument check.
    await expect(
      client.analyze({ ...request, datasetKey: 'y', years: { from: 2024, to: 2023 } }),
    ).rejects.toThrow(/first fiscal year comes after the last/);
  });

  it('ranks single points of failure and answers for one supplier, through the worker', async () => {
    // P buys heat treating from H (100) and X (300); S feeds only H, T only X; machining from X alone (50).
    const chain = testBundle(
      [
        { id: 'P', kind: 'prime' },
        { id: 'H', naics: ['332811'] },
        { id: 'X', naics: ['332811'], inRegion: false },
        { id: 'S' },
        { id: 'T' },
      ],
      [
        ['H', 'P', '332811', 100],
        ['X', 'P', '332811', 300],
        ['X', 'P', '332710', 50],
        ['S', 'H'],
        ['T', 'X'],
      ],
    );
    const worker: { current: FakeWorker | null } = { current: null };
    const client = createWorkerClient(() => (worker.current = new FakeWorker()) as unknown as Worker);
    client.load('c', chain);
    const asked = { datasetKey: 'c', regionId: 'r', counties: ['00001'] };
    const outcome = await client.resilience(asked);
    // X: 350 at risk (machining alone, cuts off T); H: 100 (cuts off S).
    expect(
      outcome.suppliers.map((s) => [s.supplier, s.exposure, s.capabilitiesLost, s.largestCutOff]),
    ).toEqual([
      ['X', 350, ['332710'], 1],
      ['H', 100, [], 1],
    ]);
    expect([outcome.total, outcome.atRisk]).toEqual([2, 450]);
    expect(outcome.primes).toEqual([
      {
        prime: 'P',
        purchases: 450,
        onChokepoints: 450,
        chokepoints: 2,
        singleRoute: ['332710'],
        // Both at depth 1 with one cut off: the first id.
        deepest: { supplier: 'H', depth: 1, cutOff: 1 },
      },
    ]);
    expect(await client.supplierChokepoints({ ...asked, supplier: 'H' })).toEqual([
      { prime: 'P', supplier: 'H', cutOff: ['S'], exposure: 100, capabilitiesLost: [] },
    ]);
    expect(await client.supplierChokepoints({ ...asked, supplier: 'S' })).toEqual([]);
    // P depends alone on H (it cuts off S) and on X (machining, and it cuts off T); S and T on nobody.
    expect(await client.primeChokepoints({ ...asked, prime: 'P' })).toEqual(['H', 'X']);
    expect(await client.primeChokepoints({ ...asked, prime: 'S' })).toEqual([]);
    expect(worker.current?.received.slice(-4)).toEqual([
      'supplier-chokepoints',
      'supplier-chokepoints',
      'prime-chokepoints',
      'prime-chokepoints',
    ]);
  });

  it('an unknown dataset key is an error, not a hang', async () => {
    const client = createInThreadClient(loaders);
    await expect(client.analyze({ ...request, datasetKey: 'nope' })).rejects.toThrow('not loaded');
  });

  it('does not load the county shapes when every organization has a county', async () => {
    const countyAt = vi.fn(loaders.countyAt);
    const client = createInThreadClient({ ...loaders, countyAt });
    client.load('k', bundle);
    await client.analyze(request);
    expect(countyAt).not.toHaveBeenCalled();
  });
});
