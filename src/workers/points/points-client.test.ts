import { afterEach, describe, expect, it, vi } from 'vitest';
import { ORG_KINDS } from '../../domain/model.ts';
import type { PointColumns } from './cluster-index.ts';
import { createInThreadPointsClient, createWorkerPointsClient } from './points-client.ts';
import { PointsEngine, pointsHandlers } from './points-engine.ts';
import { serve } from '../actor.ts';

const columns: PointColumns = {
  coords: Float64Array.from([-87, 41, -88, 42, Number.NaN, Number.NaN, -89, 43]),
  kinds: Uint8Array.from(['prime', 'manufacturer', 'training', 'support'], (k) =>
    ORG_KINDS.indexOf(k as never),
  ),
  radii: Float64Array.from([5, 5, 5, 5]),
};
const WORLD = { bbox: [-180, -85, 180, 85] as [number, number, number, number], zoom: 16 };

describe('the in-thread points client', () => {
  it('answers in the order asked, each request seeing the ones before it', async () => {
    const client = createInThreadPointsClient();
    const loaded = client.load(columns, Uint8Array.from([1, 1, 1, 1]));
    const all = client.features(WORLD);
    const masked = client.setMask(Uint8Array.from([0, 1, 1, 1]));
    const some = client.features(WORLD);
    const resized = client.setRadii(Float64Array.from([1, 2, 3, 4]));
    const sized = client.features(WORLD);
    // Three positioned of four; then two once the prime is hidden.
    expect(await loaded).toBe(3);
    expect((await all).map((f) => f.id).sort()).toEqual([0, 1, 3]);
    expect(await masked).toBe(2);
    expect((await some).map((f) => f.id).sort()).toEqual([1, 3]);
    expect(await resized).toBe(2);
    expect((await sized).map((f) => (f.properties as { r: number }).r).sort()).toEqual([2, 4]);
    client.dispose();
  });

  it('rejects requests it cannot answer, with what is wrong, and keeps working', async () => {
    const client = createInThreadPointsClient();
    await expect(client.features(WORLD)).rejects.toThrow('The points have no dataset yet.');
    await client.load(columns, Uint8Array.from([1, 1, 1, 1]));
    await expect(client.setMask(Uint8Array.from([1, 1]))).rejects.toThrow(
      'The mask has 2 entries for 4 organizations.',
    );
    expect(await client.features(WORLD)).toHaveLength(3);
    client.dispose();
  });

  it('rejects what is pending, and what comes after, once disposed', async () => {
    const client = createInThreadPointsClient();
    const pending = client.load(columns, Uint8Array.from([1, 1, 1, 1]));
    client.dispose();
    await expect(pending).rejects.toThrow('closed');
    await expect(client.features(WORLD)).rejects.toThrow('closed');
  });
});

/** A stand-in for a Web Worker serving the engine, which can also fail like a worker that did not start. */
class FakeWorker extends EventTarget {
  terminated = false;
  private readonly server = new EventTarget();
  constructor() {
    super();
    serve(pointsHandlers(new PointsEngine()), {
      postMessage: (data) => this.dispatchEvent(new MessageEvent('message', { data })),
      addEventListener: (type, listener) => this.server.addEventListener(type, listener as EventListener),
    });
  }
  postMessage(data: unknown) {
    setTimeout(() => this.server.dispatchEvent(new MessageEvent('message', { data })), 0);
  }
  fail(message: string) {
    const event = new Event('error', { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the worker points client', () => {
  it('goes through the worker, and terminates it when disposed', async () => {
    const worker = new FakeWorker();
    const client = createWorkerPointsClient(() => worker as unknown as Worker);
    expect(await client.load(columns, Uint8Array.from([1, 0, 1, 1]))).toBe(2);
    expect((await client.features(WORLD)).map((f) => f.id).sort()).toEqual([0, 3]);
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('rejects every pending and later request when the worker fails, saying so', async () => {
    const worker = new FakeWorker();
    worker.postMessage = () => {};
    const client = createWorkerPointsClient(() => worker as unknown as Worker);
    const pending = client.load(columns, Uint8Array.from([1, 1, 1, 1]));
    worker.fail('SyntaxError in points.worker.js');
    await expect(pending).rejects.toThrow(
      'The map’s points worker stopped: SyntaxError in points.worker.js.',
    );
    await expect(client.features(WORLD)).rejects.toThrow('stopped');
  });
});

describe('points loaded ahead', () => {
  /** A worker serving the engine, counted, as `new Worker(…)` makes it. */
  class CountedWorker extends FakeWorker {
    static made: CountedWorker[] = [];
    constructor() {
      super();
      CountedWorker.made.push(this);
    }
  }

  async function freshModules() {
    CountedWorker.made = [];
    vi.stubGlobal('Worker', CountedWorker);
    vi.resetModules();
    const client = await import('./points-client.ts');
    const early = await import('./early-points-worker.ts');
    return { ...client, ...early };
  }

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('go to the client the map takes next, on the one worker, with none made ahead besides', async () => {
    const { loadPointsAhead, createPointsClient, startPointsWorkerEarly } = await freshModules();
    loadPointsAhead(columns, Uint8Array.from([1, 1, 1, 1]));
    expect(CountedWorker.made).toHaveLength(1);
    // The dataset arrives: its worker is the one loaded ahead, no other is made.
    startPointsWorkerEarly(100_000);
    expect(CountedWorker.made).toHaveLength(1);
    const client = createPointsClient();
    // Loaded already: the features come without a load of its own.
    expect((await client.features(WORLD)).map((f) => f.id).sort()).toEqual([0, 1, 3]);
    expect(CountedWorker.made).toHaveLength(1);
    // Taken: the next dataset has a worker made ahead again, and the next map a client of its own.
    startPointsWorkerEarly(100_000);
    expect(CountedWorker.made).toHaveLength(2);
    expect(createPointsClient()).not.toBe(client);
    client.dispose();
  });

  it('are dropped with their worker when no map takes them in time', async () => {
    vi.useFakeTimers();
    const { loadPointsAhead, createPointsClient } = await freshModules();
    loadPointsAhead(columns, Uint8Array.from([1, 1, 1, 1]));
    const [ahead] = CountedWorker.made;
    vi.advanceTimersByTime(19_000);
    expect(ahead!.terminated).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(ahead!.terminated).toBe(true);
    // The next map's client starts a worker of its own on its first request.
    const next = createPointsClient();
    next.load(columns, Uint8Array.from([1, 1, 1, 1])).catch(() => undefined);
    expect(CountedWorker.made).toHaveLength(2);
    next.dispose();
  });
});
