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
  postMessage(message: ToImportWorker) {
    setTimeout(() => {
      if (this.terminated) return;
      void runImport(message.request, (phase, fraction) =>
        this.emit({ type: 'progress', id: message.id, phase, fraction }),
      ).then(async (outcome) => {
        // What the real worker sends: the records in parts, then the rest.
        const { parts, result } = splitOutcome(message.id, outcome, await canonicalOf(outcome));
        for (const part of parts) this.emit(part);
        this.emit(result);
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
