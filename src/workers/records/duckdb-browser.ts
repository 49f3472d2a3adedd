// DuckDB-Wasm for the records worker, self-hosted: the engine's script and WebAssembly module are assets of
// this build (Vite's `?url`), fetched from the app's own origin when a build from public records first starts,
// never from a CDN. The engine runs in a worker of its own; this thread is its client.
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';
import engineWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import engineWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { SqlEngine } from '../../io/records/pipeline.ts';
import type { RecordsHost } from '../../io/records/subaward-read.ts';
import { RECORDS_SQL } from './records-sql.ts';
import { OFFLINE_SETTINGS } from '../../io/records/host.ts';

export interface BrowserDuck {
  engine: SqlEngine;
  /** Makes a File (or Blob) readable by SQL under `name`, read in pieces as queries need them. */
  registerFile(name: string, file: Blob): Promise<void>;
  registerText(name: string, text: string): Promise<void>;
  close(): Promise<void>;
}

/** Arrow values as plain JSON-like values: integers as numbers, lists as arrays. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (
    value !== null &&
    typeof value === 'object' &&
    'toArray' in value &&
    typeof value.toArray === 'function'
  )
    return Array.from(value.toArray() as ArrayLike<unknown>, plain);
  return value;
}

/**
 * Opens the engine. Only the exception-handling build ships (every browser the app supports runs WebAssembly
 * exceptions), so the app carries one 34 MB module, loaded on first use only.
 */
export async function openBrowserDuck(): Promise<BrowserDuck> {
  const worker = new Worker(engineWorker);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(engineWasm);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const connection = await db.connect();
  await connection.query(OFFLINE_SETTINGS);
  return {
    engine: {
      exec: async (sql) => {
        await connection.query(sql);
      },
      columns: async (sql) => {
        const table = await connection.query(sql);
        const out: Record<string, unknown[]> = {};
        // Iterating a column gives null where a value is null (its typed array would give 0).
        for (const field of table.schema.fields)
          out[field.name] = Array.from((table.getChild(field.name) ?? []) as Iterable<unknown>, plain);
        return out;
      },
      rows: async (sql) => {
        const table = await connection.query(sql);
        return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
          const out: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(row.toJSON())) out[key] = plain(value);
          return out;
        });
      },
    },
    registerFile: (name, file) =>
      db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true),
    registerText: (name, text) => db.registerFileText(name, text),
    close: async () => {
      await connection.close();
      await db.terminate();
    },
  };
}

/** The engine as the host of the readers that run on it (the Open data import of Subawards downloads). */
export async function openBrowserHost(): Promise<RecordsHost> {
  const duck = await openBrowserDuck();
  return {
    engine: duck.engine,
    addText: async (name, text) => {
      await duck.registerText(name, text);
      return name;
    },
    sql: async (file) => {
      const text = RECORDS_SQL[file];
      if (text === undefined) throw new Error(`no SQL file ${file}`);
      return text;
    },
    close: () => duck.close(),
  };
}
