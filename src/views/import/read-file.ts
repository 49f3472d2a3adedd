// Reading a dropped or picked File into bytes for the importer, refusing files over the size limit
// before a single byte is read (reading a 2 GB file would freeze the tab before any check could run).
import { formatBytes, MAX_FILE_BYTES } from '../../io/import/limits.ts';

export type ReadFileResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Anything with a size and an arrayBuffer(): a File, a Blob, or a stand-in in tests. */
export interface ReadableFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readFileBytes(file: ReadableFile): Promise<ReadFileResult> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `"${file.name}" is ${formatBytes(file.size)}; Forgemap imports files up to ${formatBytes(MAX_FILE_BYTES)}. Split it or remove columns you do not need.`,
    };
  }
  try {
    return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    return {
      ok: false,
      message: `"${file.name}" could not be read (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}
