// DuckDB in Node for the commands and the tests: the pipeline's engine over one connection, and the host the
// engine's readers take (texts become files of a temporary folder, SQL comes from src/io/records/sql).
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_SETTINGS } from '../../src/io/records/host.ts';
import type { SqlEngine } from '../../src/io/records/pipeline.ts';
import type { RecordsHost } from '../../src/io/records/subaward-read.ts';

export function engineOf(connection: DuckDBConnection): SqlEngine {
  return {
    exec: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    columns: async (sql) =>
      (await connection.runAndReadAll(sql)).getColumnsObjectJS() as Record<string, unknown[]>,
  };
}

/** The text of a file of src/io/records/sql. */
export const recordsSql = (file: string) =>
  readFile(new URL(`../../src/io/records/sql/${file}`, import.meta.url), 'utf8');

/** An in-memory engine with nothing loaded, kept off the network; `close` removes its files. */
export async function openNodeHost(): Promise<RecordsHost> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(OFFLINE_SETTINGS);
  const folder = await mkdtemp(join(tmpdir(), 'forgemap-engine-'));
  return {
    engine: engineOf(connection),
    addText: async (name, text) => {
      const path = join(folder, name.replace(/[^A-Za-z0-9._-]/g, '_'));
      await writeFile(path, text);
      return path;
    },
    sql: recordsSql,
    close: async () => {
      connection.closeSync();
      instance.closeSync();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
