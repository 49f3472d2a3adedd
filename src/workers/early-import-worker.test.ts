import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker that records what it was made with. */
class FakeWorker {
  static made: FakeWorker[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
}

async function freshModule() {
  vi.resetModules();
  return import('./early-import-worker.ts');
}

describe('the import worker made ahead', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('is the worker the client takes first; later ones are new', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { startImportWorkerEarly, takeImportWorker } = await freshModule();
    startImportWorkerEarly();
    startImportWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    const [early] = FakeWorker.made;
    expect(early!.url.pathname).toMatch(/import\.worker\.ts$/);
    expect(early!.options).toEqual({ type: 'module' });
    expect(takeImportWorker()).toBe(early);
    const second = takeImportWorker();
    expect(second).not.toBe(early);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('is a new worker when none was made ahead', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { takeImportWorker } = await freshModule();
    expect(takeImportWorker()).toBe(FakeWorker.made[0]);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('is not made where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const { startImportWorkerEarly } = await freshModule();
    expect(() => startImportWorkerEarly()).not.toThrow();
  });
});
