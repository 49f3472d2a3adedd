// The records worker: builds a region from USAspending downloads on DuckDB-Wasm (which runs in a worker of
// its own, started from here), off the main thread. Cancelling terminates this worker and the engine with it.
import { selfPort, serve } from './actor.ts';
import { recordsArgs, recordsHandlers } from './records/records-api.ts';
import { openBrowserDuck } from './records/duckdb-browser.ts';

serve(recordsHandlers(openBrowserDuck), selfPort(), { args: recordsArgs });
