import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker that records what it was made with and whether it was ended. */
class FakeWorker {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function freshModule() {
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
  return import('./early-points-worker.ts');
}

describe('the points worker made ahead', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('is made once for a dataset too big to cluster in the page, and is the worker the client takes', async () => {
    const { IN_THREAD_POINTS, startPointsWorkerEarly, takePointsWorker } = await freshModule();
    startPointsWorkerEarly(IN_THREAD_POINTS + 1);
    startPointsWorkerEarly(100_000);
    expect(FakeWorker.made).toHaveLength(1);
    const [early] = FakeWorker.made;
    expect(early!.url.pathname).toMatch(/points\.worker\.ts$/);
    expect(early!.options).toEqual({ type: 'module' });
    expect(takePointsWorker()).toBe(early);
    // Taken: the next client has a new one.
    expect(takePointsWorker()).not.toBe(early);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('is not made for a dataset the page clusters itself', async () => {
    const { IN_THREAD_POINTS, startPointsWorkerEarly } = await freshModule();
    startPointsWorkerEarly(IN_THREAD_POINTS);
    startPointsWorkerEarly(0);
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('is ended when no map takes it in time, and the next map has a new one', async () => {
    vi.useFakeTimers();
    const { startPointsWorkerEarly, takePointsWorker } = await freshModule();
    startPointsWorkerEarly(50_000);
    const [early] = FakeWorker.made;
    vi.advanceTimersByTime(19_000);
    expect(early!.terminated).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(early!.terminated).toBe(true);
    const next = takePointsWorker();
    expect(next).not.toBe(early);
    expect((next as unknown as FakeWorker).terminated).toBe(false);
  });

  it('is not ended once taken', async () => {
    vi.useFakeTimers();
    const { startPointsWorkerEarly, takePointsWorker } = await freshModule();
    startPointsWorkerEarly(50_000);
    const taken = takePointsWorker() as unknown as FakeWorker;
    vi.advanceTimersByTime(60_000);
    expect(taken.terminated).toBe(false);
  });
});
