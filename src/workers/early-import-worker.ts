// The import worker, made ahead: a page opened to import a file (`?data=`) makes it in its first script
// (src/app/boot.ts), so that the worker's code loads on the other core while the app's own script runs
// (about 0.15 s sooner than the app could ask for it); the import client takes it when it first needs one.
let early: Worker | undefined;

function makeImportWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

/** Makes the import worker now, once, where the browser has workers. */
export function startImportWorkerEarly(): void {
  if (typeof Worker !== 'undefined') early ??= makeImportWorker();
}

/** The worker made ahead, if one is waiting; else a new one. */
export function takeImportWorker(): Worker {
  const worker = early ?? makeImportWorker();
  early = undefined;
  return worker;
}
