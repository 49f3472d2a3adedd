// The .csv, .txt and .dat entries of a zip file (USAspending delivers its downloads zipped), streamed to a folder with
// fflate: the archive is read in chunks and each entry is written as it inflates, so neither the archive nor
// an entry is held in memory whole.
import { Unzip, UnzipInflate } from 'fflate';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RECORD_ENTRY } from '../../src/io/records/files.ts';

/** Writes each `.csv`, `.txt` or `.dat` entry of `zipFile` into `dir` (flattened, numbered when names repeat); resolves with their paths. */
export async function extractRecordEntries(zipFile: string, dir: string): Promise<string[]> {
  const written: string[] = [];
  const open = new Map<string, number>();
  let failure: Error | null = null;
  const unzip = new Unzip((entry) => {
    if (!RECORD_ENTRY.test(entry.name) || entry.name.endsWith('/')) return;
    const path = join(dir, `${written.length + 1}-${basename(entry.name)}`);
    const fd = openSync(path, 'w');
    written.push(path);
    open.set(path, fd);
    entry.ondata = (error, data, final) => {
      if (error !== null) {
        failure ??= error;
        return;
      }
      writeSync(fd, data);
      if (final) {
        closeSync(fd);
        open.delete(path);
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(zipFile, { highWaterMark: 1 << 20 })) {
      unzip.push(chunk as Uint8Array);
      if (failure !== null) break;
    }
    if (failure === null) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  } finally {
    for (const fd of open.values()) closeSync(fd);
  }
  if (failure !== null) throw new Error(`the zip file is damaged (${failure.message})`);
  if (open.size > 0) throw new Error('the zip file is cut short: an entry ends before its data does');
  return written;
}
