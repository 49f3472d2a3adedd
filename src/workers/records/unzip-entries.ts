// The download entries of a zip (.csv, .txt, .dat) as Files, unpacked while the zip streams in. fflate reads
// the zip's structure; the entries inflate in the browser's own DecompressionStream ('deflate-raw', native code,
// several times faster than inflating in JavaScript), or in fflate's inflate where there is none. An entry the
// caller asks to project (a wide USAspending download) keeps only the columns the pipeline reads as it
// inflates (project-csv.ts), so the full text is never stored. Bytes go into a Blob every 16 MB, which the
// browser may keep on disk, so the heap stays small.
import { Unzip, UnzipInflate } from 'fflate';
import type { AsyncFlateStreamHandler, FlateError, UnzipDecoder, UnzipDecoderConstructor } from 'fflate';
import { RECORD_ENTRY } from '../../io/records/files.ts';
import { CsvProjector } from './project-csv.ts';

export interface UnzipOptions {
  /**
   * Given an entry's first bytes (as text), the columns to keep of it (see project-csv.ts), or null to keep
   * the entry whole. Omitted: every entry is kept whole.
   */
  project?: ((start: string) => readonly string[] | null) | undefined;
  /** Called with the compressed bytes read so far. */
  onBytes: (read: number) => void;
  /**
   * An entry that keeps more than this (inflated, or projected) fails the whole unzip with `tooBig(name, bytes)`:
   * a wide download counts by the columns kept of it.
   */
  maxEntryBytes: number;
  tooBig: (name: string, bytes: number) => string;
}

const PIECE_BYTES = 16 * 2 ** 20;
/** How much of an entry is looked at before deciding whether to project it. */
const START_BYTES = 256 * 1024;

/** An unpacked entry: its file (projected or whole), its inflated size, and its first bytes as text. */
export interface UnzippedEntry {
  file: File;
  bytes: number;
  start: string;
  projected: boolean;
}

/** Whether this runtime inflates raw deflate natively. */
function nativeInflate(): boolean {
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/**
 * A zip decoder over DecompressionStream: fflate pushes each entry's compressed bytes, the stream inflates them,
 * and the inflated chunks come back through `ondata`. `decoders` collects the live ones, so that the reader of
 * the zip can wait for them to drain (back-pressure) and to finish.
 */
function nativeDecoder(decoders: Set<NativeDecoder>): UnzipDecoderConstructor {
  return class implements NativeDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => {};
    readonly writer: WritableStreamDefaultWriter<BufferSource>;
    readonly finished: Promise<void>;
    closed = false;
    constructor() {
      const stream = new DecompressionStream('deflate-raw');
      this.writer = stream.writable.getWriter();
      const reader = stream.readable.getReader();
      decoders.add(this);
      this.finished = (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            this.ondata(null, value as Uint8Array<ArrayBuffer>, false);
          }
          this.ondata(null, new Uint8Array(0), true);
        } catch (error) {
          const failure = Object.assign(new Error(error instanceof Error ? error.message : String(error)), {
            code: 0,
          }) as FlateError;
          this.ondata(failure, new Uint8Array(0), true);
        } finally {
          decoders.delete(this);
        }
      })();
    }
    push(chunk: Uint8Array, final: boolean): void {
      // fflate may reuse the chunk's buffer: the stream gets its own copy. A write that fails shows up as the
      // reader's error above.
      this.writer.write(chunk.slice()).catch(() => {});
      if (final) {
        this.closed = true;
        this.writer.close().catch(() => {});
      }
    }
  };
}

interface NativeDecoder extends UnzipDecoder {
  readonly writer: WritableStreamDefaultWriter<BufferSource>;
  readonly finished: Promise<void>;
  /** True once its entry's last compressed bytes were pushed. */
  readonly closed: boolean;
}

export async function unzipRecordEntries(zip: Blob, options: UnzipOptions): Promise<UnzippedEntry[]> {
  interface Out {
    name: string;
    parts: Blob[];
    chunks: Uint8Array[];
    held: number;
    size: number;
    start: string | null;
    projector: CsvProjector | null;
    done: boolean;
  }
  const entries: Out[] = [];
  let failure: Error | null = null;
  /** Decides, once the entry's start is in, whether it is projected; the held chunks go to the projector. */
  const decide = (out: Out) => {
    const head = new Uint8Array(Math.min(out.held, START_BYTES));
    let at = 0;
    for (const chunk of out.chunks) {
      if (at >= head.length) break;
      const part = chunk.subarray(0, head.length - at);
      head.set(part, at);
      at += part.byteLength;
    }
    out.start = new TextDecoder().decode(head);
    const keep = options.project?.(out.start) ?? null;
    if (keep === null) return;
    const projector = new CsvProjector(keep);
    for (const chunk of out.chunks) projector.push(chunk);
    out.projector = projector;
    out.chunks = [];
    out.held = 0;
  };
  const unzip = new Unzip((entry) => {
    if (!RECORD_ENTRY.test(entry.name)) return;
    const out: Out = {
      name: entry.name.split('/').pop() ?? entry.name,
      parts: [],
      chunks: [],
      held: 0,
      size: 0,
      start: null,
      projector: null,
      done: false,
    };
    entries.push(out);
    entry.ondata = (error, data, final) => {
      if (error !== null) {
        failure ??= error;
        return;
      }
      out.size += data.byteLength;
      if (out.projector !== null) out.projector.push(data);
      else {
        if (data.byteLength > 0) out.chunks.push(data);
        out.held += data.byteLength;
        if (out.start === null && (out.held >= START_BYTES || final)) decide(out);
        if (out.projector === null && (final || out.held > PIECE_BYTES)) {
          out.parts.push(new Blob(out.chunks as BlobPart[]));
          out.chunks = [];
          out.held = 0;
        }
      }
      const kept = out.projector?.size ?? out.size;
      if (kept > options.maxEntryBytes) failure ??= new Error(options.tooBig(out.name, kept));
      if (final) {
        if (out.projector !== null) out.parts = out.projector.finish() ?? [];
        out.done = true;
      }
    };
    entry.start();
  });
  const decoders = new Set<NativeDecoder>();
  unzip.register(nativeInflate() ? nativeDecoder(decoders) : UnzipInflate);
  const reader = zip.stream().getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    unzip.push(value);
    read += value.byteLength;
    options.onBytes(read);
    // Back-pressure: the zip is read no faster than its entries inflate.
    await Promise.all([...decoders].map((d) => d.writer.ready.catch(() => {})));
    if (failure !== null) {
      await reader.cancel();
      break;
    }
  }
  if (failure === null) unzip.push(new Uint8Array(0), true);
  // An entry whose data never ended (a zip cut short, or a failure) is stopped; the others finish inflating.
  for (const decoder of decoders) if (!decoder.closed) decoder.writer.abort().catch(() => {});
  await Promise.all([...decoders].map((d) => d.finished));
  if (failure !== null) throw failure;
  if (entries.some((e) => !e.done))
    throw new Error('the zip file is cut short: an entry ends before its data does');
  return entries.map((e) => ({
    file: new File(e.parts, e.name, { type: 'text/csv' }),
    bytes: e.size,
    start: e.start ?? '',
    projected: e.projector !== null,
  }));
}
