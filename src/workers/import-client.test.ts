import { describe, expect, it } from 'vitest';
import { canonicalOf, runImport } from './import-engine.ts';
import { Moved, serve } from './actor.ts';
import { importHandlers } from './import-api.ts';
import type { ImportApi } from './import-api.ts';
import { createImportWorkerClient, createInThreadImportClient, ImportCancelled } from './import-client.ts';
import type { ImportRequest } from './import-protocol.ts';

const request: ImportRequest = {
  files: [{ name: 'firms.csv', bytes: new TextEncoder().encode('name,zip\nAcme,60601\n') }],
  today: '2026-06-01',
};

/** A stand-in for the module worker that serves the same methods on a later task, as a real one would. */
class FakeWorker extends EventTarget {
  terminated = false;
  /** Off: the worker never gets to send the canonical form (as when it is stopped first). */
  sendsCanonical = true;
  /** How long a message takes to reach the worker, in ms. */
  delay = 5;
  private readonly server = new EventTarget();
  constructor() {
    super();
    const handlers = importHandlers();
    serve<ImportApi>(
      {
        run: handlers.run,
        canonical: (arg, context) =>
          this.sendsCanonical ? handlers.canonical(arg, context) : new Promise<null>(() => {}),
        'hold-kept-form': handlers['hold-kept-form'],
      },
      {
        postMessage: (data) => {
          if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
        },
        addEventListener: (type, listener) => this.server.addEventListener(type, listener as EventListener),
      },
    );
  }
  postMessage(data: unknown, transfer: Transferable[] = []) {
    const copy = structuredClone(data, { transfer });
    setTimeout(() => {
      if (!this.terminated) this.server.dispatchEvent(new MessageEvent('message', { data: copy }));
    }, this.delay);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('import clients', () => {
  it('the in-thread client imports with the shipped ZIP table and reports progress up to 1', async () => {
    const fractions: number[] = [];
    const outcome = await createInThreadImportClient().run(request, { onProgress: (f) => fractions.push(f) });
    // 60601 is Chicago in the ZIP table: the firm is placed there.
    expect(outcome.value?.bundle.organizations[0]).toMatchObject({
      name: 'Acme',
      county: '17031',
      lat: 41.8858,
      lon: -87.6181,
    });
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('the worker client resolves through the worker', async () => {
    const client = createImportWorkerClient(() => new FakeWorker() as unknown as Worker);
    const outcome = await client.run(request);
    expect(outcome.report.totals).toEqual({ rows: 1, accepted: 0, fixed: 1, rejected: 0 });
  });

  it('moves the bytes to the worker when asked (the caller keeps none), and copies them otherwise', async () => {
    const client = createImportWorkerClient(() => new FakeWorker() as unknown as Worker);
    const fresh = (): ImportRequest => ({
      ...request,
      files: request.files.map((file) => ({ ...file, bytes: file.bytes.slice() })),
    });
    const copied = fresh();
    const kept = await client.run(copied);
    expect(copied.files[0]?.bytes.byteLength).toBe(request.files[0]?.bytes.byteLength);
    const moved = fresh();
    const outcome = await client.run(moved, { moveBytes: true });
    expect(moved.files[0]?.bytes.byteLength).toBe(0);
    expect(outcome.report).toEqual(kept.report);
    expect(outcome.value?.bundle.organizations).toEqual(kept.value?.bundle.organizations);
  });

  it('resolves with the report first; the canonical form follows, or null if the worker stops first', async () => {
    const client = createImportWorkerClient(() => new FakeWorker() as unknown as Worker);
    const result = await client.run(request);
    const expected = await canonicalOf(await runImport(request));
    expect((await result.canonical)?.hash).toBe(expected?.hash);
    expect((await result.canonical)?.size).toBe(expected?.size);
    expect((await result.canonical)?.columns).toEqual(expected?.columns);

    // The canonical form is asked before the result is put together, and may come first: it still reaches the run.
    const bursting = createImportWorkerClient(() => {
      const fake = new FakeWorker();
      fake.delay = 0;
      return fake as unknown as Worker;
    });
    expect((await (await bursting.run(request)).canonical)?.hash).toBe(expected?.hash);

    let silent: FakeWorker | undefined;
    const stopped = createImportWorkerClient(() => {
      silent = new FakeWorker();
      silent.sendsCanonical = false;
      return silent as unknown as Worker;
    });
    const early = await stopped.run(request);
    stopped.dispose();
    expect(silent?.terminated).toBe(true);
    expect(await early.canonical).toBeNull();
  });

  it('the worker holds the kept form it makes after a run while asked, then makes the same form', async () => {
    const handlers = importHandlers();
    const context = { emit: () => {}, cancelled: () => false };
    await handlers.run(request, context);
    // Held before the form's first step (it begins a task after the answer).
    handlers['hold-kept-form']({ hold: true }, context);
    let made = false;
    const canonical = Promise.resolve(handlers.canonical(null, context)).then((form) => {
      made = true;
      return form;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(made).toBe(false);
    handlers['hold-kept-form']({ hold: false }, context);
    const expected = await canonicalOf(await runImport(request));
    const form = await canonical;
    expect((form instanceof Moved ? form.value : form)?.hash).toBe(expected?.hash);
  });

  it('cancelling terminates the worker and the next run starts a fresh one', async () => {
    const workers: FakeWorker[] = [];
    const client = createImportWorkerClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const controller = new AbortController();
    const running = client.run(request, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(ImportCancelled);
    expect(workers[0]?.terminated).toBe(true);
    const again = await client.run(request);
    expect(again.value?.bundle.organizations).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });

  it('an aborted signal stops the in-thread client too', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      createInThreadImportClient().run(request, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(ImportCancelled);
  });
});
