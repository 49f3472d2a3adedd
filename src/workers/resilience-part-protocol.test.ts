import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { chokepointCounter, chokepointsOf, mergeSums, resilienceOf } from '../analysis/chokepoints.ts';
import type { ChokepointSums } from '../analysis/chokepoints.ts';
import { blockCount, dominanceFrame } from '../analysis/dominance.ts';
import { buildSupplyGraph } from '../analysis/supply-graph.ts';
import { HT, MS, testBundle } from '../analysis/test-bundle.ts';
import type { LinkSpec, OrgSpec } from '../analysis/test-bundle.ts';
import { regionMembership } from '../domain/membership.ts';
import { inThread } from './actor.ts';
import type { WorkerLike } from './actor.ts';
import { AnalysisEngine } from './analysis-engine.ts';
import type { ReferenceLoaders } from './analysis-engine.ts';
import { RESILIENCE_ROWS } from './protocol.ts';
import {
  createResilienceHelper,
  resiliencePartArgs,
  resiliencePartHandlers,
} from './resilience-part-protocol.ts';

const loaders: ReferenceLoaders = {
  naicsTitles: () => Promise.resolve({}),
  countyAt: () => Promise.resolve(() => null),
  countyOfZip: () => Promise.resolve(() => null),
};

/** 90 primes (three blocks) and 150 suppliers, tiered, several buyers each. */
function bigBundle(seed: number) {
  const random = randomLcg(seed);
  const int = (k: number) => Math.floor(random() * k);
  const primes = 90;
  const n = primes + 150;
  const orgs: OrgSpec[] = Array.from({ length: n }, (_, i) => ({
    id: `o${String(i).padStart(3, '0')}`,
    kind: i < primes ? 'prime' : 'manufacturer',
    naics: [[MS, HT][int(2)]!],
  }));
  const links: LinkSpec[] = [];
  for (let k = 0; k < n * 4; k++) {
    const a = primes + int(n - primes);
    links.push([orgs[a]!.id, orgs[int(a)]!.id, [MS, HT, undefined][int(3)], 1 + int(1000)]);
  }
  return testBundle(orgs, links);
}

const request = { datasetKey: 'd', regionId: null, counties: [] };

describe('the analysis engine with a resilience helper', () => {
  it('hands a big graph to the helper, takes its frame, and counts the blocks on two threads', async () => {
    const bundle = bigBundle(0.25);
    const graph = buildSupplyGraph(bundle, regionMembership(bundle.organizations, [], {}));
    expect(blockCount(dominanceFrame(graph))).toBe(3);
    const calls: string[] = [];
    const helper = createResilienceHelper(() => {
      const worker = inThread(resiliencePartHandlers(), resiliencePartArgs);
      return {
        ...worker,
        postMessage: (message: unknown, transfer: Transferable[]) => {
          calls.push((message as { method: string }).method);
          worker.postMessage(structuredClone(message), transfer);
        },
      };
    });
    const engine = new AnalysisEngine(loaders, helper, 0);
    engine.load('d', bundle);
    await engine.analyze({ ...request, removed: [] });
    expect(calls).toEqual(['prepare']);
    // Two requests at once (the dashboard and the side panel): one search, both answered with it. Three
    // blocks: the helper says which it has counted already, is handed blocks from the end down while this
    // thread counts from the first up, then its sums are collected.
    const [outcome, again] = await Promise.all([engine.resilience(request), engine.resilience(request)]);
    expect(again).toBe(outcome);
    expect(calls.slice(0, 2)).toEqual(['prepare', 'begin-count']);
    expect(calls.at(-1)).toBe('collect-sums');
    expect(calls.slice(2, -1).every((method) => method === 'count')).toBe(true);
    expect(outcome.threads).toBe(2);
    const whole = resilienceOf(graph, dominanceFrame(graph), RESILIENCE_ROWS);
    expect(outcome.suppliers).toEqual(whole.suppliers);
    expect(outcome.total).toBe(whole.total);
    expect(outcome.primes).toEqual(whole.primes);
    // One supplier's cut-off sets: searched on both threads too.
    calls.length = 0;
    const supplier = whole.suppliers[0]!.supplier;
    expect(await engine.supplierChokepoints({ ...request, supplier })).toEqual(
      chokepointsOf(graph, supplier),
    );
    expect(calls).toEqual(['find', 'find', 'collect-cut']);
  });

  it('counts the last blocks of its own accord once it has the frame, at most half of them, until asked', async () => {
    const bundle = bigBundle(0.5);
    const graph = buildSupplyGraph(bundle, regionMembership(bundle.organizations, [], {}));
    const frame = dominanceFrame(graph);
    expect(blockCount(frame)).toBe(3);
    const turns = async (count: number) => {
      for (let k = 0; k < count; k++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const handlers = resiliencePartHandlers();
    const context = { emit: () => {}, cancelled: () => false };
    // Given time: the last block of three, and no more.
    await handlers.prepare({ key: 'a', graph }, context);
    await turns(10);
    expect(await handlers['begin-count']({ key: 'a' }, context)).toEqual([2]);
    // Asked for it again: nothing counted twice. The sums of all three blocks, as counted on one thread, once
    // this side's (nothing) is added.
    for (const block of [2, 1, 0]) await handlers.count({ key: 'a', block }, context);
    const moved = (await handlers['collect-sums']({ key: 'a' }, context)) as unknown as {
      value: { found: ChokepointSums; blocks: number[] };
    };
    expect(moved.value.blocks).toEqual([2, 1, 0]);
    const here = chokepointCounter(graph, frame);
    mergeSums(here.sums, moved.value.found);
    const all = chokepointCounter(graph, frame);
    for (const block of [0, 1, 2]) all.count(block);
    expect(here.sums).toEqual(all.sums);
    // Asked at once: nothing done ahead, and nothing after.
    await handlers.prepare({ key: 'b', graph }, context);
    expect(await handlers['begin-count']({ key: 'b' }, context)).toEqual([]);
    await turns(10);
    const none = (await handlers['collect-sums']({ key: 'b' }, context)) as unknown as {
      value: { blocks: number[] };
    };
    expect(none.value.blocks).toEqual([]);
  });

  it('gives the same answer when the helper fails, and counts on one thread when it cannot start or the graph is small', async () => {
    const bundle = bigBundle(0.75);
    const graph = buildSupplyGraph(bundle, regionMembership(bundle.organizations, [], {}));
    const whole = resilienceOf(graph, dominanceFrame(graph), RESILIENCE_ROWS);
    // Starts, then fails before answering anything.
    const failing: WorkerLike = {
      postMessage: () => {},
      addEventListener: () => {},
      terminate: () => {},
      onFailure: (listener) => void setTimeout(() => listener('it stopped'), 0),
    };
    const cases: [AnalysisEngine, number | null][] = [
      [
        new AnalysisEngine(
          loaders,
          createResilienceHelper(() => failing),
          0,
        ),
        null,
      ],
      [
        new AnalysisEngine(
          loaders,
          createResilienceHelper(() => {
            throw new Error('no workers here');
          }),
          0,
        ),
        1,
      ],
      [
        new AnalysisEngine(
          loaders,
          createResilienceHelper(() => inThread(resiliencePartHandlers(), resiliencePartArgs)),
          graph.linkCount + 1,
        ),
        1,
      ],
    ];
    for (const [engine, threads] of cases) {
      engine.load('d', bundle);
      await engine.analyze({ ...request, removed: [] });
      const outcome = await engine.resilience(request);
      if (threads !== null) expect(outcome.threads).toBe(threads);
      expect({ suppliers: outcome.suppliers, total: outcome.total, primes: outcome.primes }).toEqual(whole);
      const supplier = whole.suppliers[1]!.supplier;
      expect(await engine.supplierChokepoints({ ...request, supplier })).toEqual(
        chokepointsOf(graph, supplier),
      );
    }
  });

  it('refuses to count a graph it does not hold, or a block the graph does not have', () => {
    const handlers = resiliencePartHandlers();
    const context = { emit: () => {}, cancelled: () => false };
    expect(() => handlers.count({ key: 'nothing', block: 0 }, context)).toThrow('does not hold this graph');
    const bundle = bigBundle(0.5);
    const graph = buildSupplyGraph(bundle, regionMembership(bundle.organizations, [], {}));
    handlers.prepare({ key: 'g', graph }, context);
    expect(handlers.count({ key: 'g', block: 2 }, context)).toBe(true);
    expect(() => handlers.count({ key: 'g', block: 3 }, context)).toThrow('The graph has no block 3.');
  });
});
