// The files of an import that are read on the records engine (DuckDB) before the importer runs: today the
// USAspending Subawards downloads, whose rows the engine reads and groups (io/records/subaward-read.ts). The
// engine is opened only when such a file is among the files, and closed after.
import type { RecordsHost } from '../records/subaward-read.ts';
import { readSubawards } from '../records/subaward-read.ts';
import { firstLine, guessDelimiter } from './csv-table.ts';
import { decodeText } from './decode-text.ts';
import { detectFormat, isImportFormat } from './formats.ts';
import type { ImportFile, ImportOptions } from './import-files.ts';
import { MAX_FILE_BYTES } from './limits.ts';

const sizeOf = (data: Uint8Array | string) => (typeof data === 'string' ? data.length : data.byteLength);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The files, those the engine reads carrying what it read (`subawards`); each file's format as the importer
 * will take it (forced, else detected). A file the engine cannot read carries the reason, which the import
 * reports against that file; the other files import as usual.
 */
export async function readOnEngine(
  files: readonly ImportFile[],
  options: Pick<ImportOptions, 'formats' | 'limits'>,
  openHost: () => Promise<RecordsHost>,
): Promise<ImportFile[]> {
  const maxBytes = Math.min(options.limits?.fileBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
  const out = files.map((file) => ({ ...file }));
  const wanted = out.filter((file, index) => {
    if (file.bundle !== undefined || sizeOf(file.data) > maxBytes) return false;
    file.decoded ??= decodeText(file.data);
    const forced = options.formats?.[index];
    const format = isImportFormat(forced) ? forced : detectFormat(file.decoded.text, file.name).format;
    return format === 'subawards';
  });
  if (wanted.length === 0) return out;
  let host: RecordsHost;
  try {
    host = await openHost();
  } catch (error) {
    for (const file of wanted)
      file.subawards = { problem: `the engine did not start (${messageOf(error)}).` };
    return out;
  }
  try {
    for (const [index, file] of wanted.entries()) {
      try {
        const name = await host.addText(`subawards-${index}.csv`, file.decoded?.text ?? '');
        const delimiter = guessDelimiter(firstLine(file.decoded?.text ?? ''));
        file.subawards = await readSubawards(host, name, delimiter);
      } catch (error) {
        file.subawards = { problem: messageOf(error) };
      }
    }
  } finally {
    await host.close();
  }
  return out;
}
