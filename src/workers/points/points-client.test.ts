import { describe, expect, it } from 'vitest';
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
