import { describe, expect, it } from 'vitest';
import { canonicalOf, runImport } from './import-engine.ts';
import { splitOutcome } from './import-parts.ts';
import { createImportWorkerClient, createInThreadImportClient, ImportCancelled } from './import-client.ts';
import type { FromImportWorker, ImportRequest, ToImportWorker } from './import-protocol.ts';

const request: ImportRequest = {
  files: [{ name: 'firms.csv', bytes: new TextEncoder().encode('name,zip\nAcme,60601\n') }],
  today: '2026-06-01',
};

/** A stand-in for the module worker that runs the same engine on a later task, as a real one would. */
class FakeWorker extends EventTarget {
  terminated = false;
  /** Off: the worker never gets to send the canonical form (as when it is stopped first). */
  sendsCanonical = true;
  /** On: the parts, the result and the canonical form come in one go, before the client has put the result together. */
  burst = false;
  postMessage(message: ToImportWorker) {
    setTimeout(() => {
      if (this.terminated) return;
      void runImport(message.request, (phase, fraction) =>
        this.emit({ type: 'progress', id: message.id, phase, fraction }),
      ).then(async (outcome) => {
        // What the real worker sends: the records in parts, then the rest.
        const { parts, result } = splitOutcome(message.id, outcome);
        if (this.burst) {
          const canonical = await canonicalOf(outcome);
          for (const part of parts) this.emit(part);
          this.emit(result);
          this.emit({ type: 'canonical', id: message.id, canonical });
          return;
        }
        for (const part of parts) this.emit(part);
        this.emit(result);
        if (this.sendsCanonical)
          this.emit({ type: 'canonical', id: message.id, canonical: await canonicalOf(outcome) });
      });
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
  private emit(data: FromImportWorker) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
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

  it('resolves with the report first; the canonical form follows, or null if the worker stops first', async () => {
    const client = createImportWorkerClient(() => new FakeWorker() as unknown as Worker);
    const result = await client.run(request);
    const expected = await canonicalOf(await runImport(request));
    expect((await result.canonical)?.hash).toBe(expected?.hash);
    expect((await result.canonical)?.bytes).toEqual(expected?.bytes);

    // The canonical form arriving before the result is put together still reaches the run.
    const bursting = createImportWorkerClient(() => {
      const fake = new FakeWorker();
      fake.burst = true;
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
