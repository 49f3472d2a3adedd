// Keeps only the named columns of a CSV file, streaming, before DuckDB-Wasm reads it. A contract prime
// transactions download has 297 columns of which the pipeline reads 17: DuckDB in WebAssembly runs on one
// thread and tokenizes every byte of a CSV, so a gigabyte download costs it tens of seconds; this pass walks
// the bytes once (a field boundary is a comma or line end outside quotes, RFC 4180) and copies the kept fields
// as they are, quotes and all, so that DuckDB reads a file about a tenth the size with the same values. The
// header line is parsed with d3-dsv; the output header is written with it.
import { csvFormatRows, csvParseRows } from 'd3-dsv';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const PIECE_BYTES = 16 * 2 ** 20;

export interface ProjectOptions {
  /** Column names to keep (compared trimmed and lower-cased); the file's order is kept. */
  keep: readonly string[];
  /** Called with the bytes of the source read so far. */
  onBytes?: ((read: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Projects a CSV pushed to it chunk by chunk: `push` each chunk as it comes (a field or a quote may straddle
 * two), then `finish` for the parts of the projected file. A row with fewer fields than the header gets empty
 * ones; blank lines are left out.
 */
export class CsvProjector {
  private readonly wanted: ReadonlySet<string>;
  private readonly parts: Blob[] = [];
  private out = new Uint8Array(PIECE_BYTES + 2 ** 16);
  private o = 0;
  /** The header's bytes until its line ends; null after. */
  private headerBytes: number[] | null = [];
  private keepField = new Uint8Array(0);
  private keptCount = 0;
  private firstKept = -1;
  private inQuotes = false;
  private field = 0;
  /** Kept fields the current row has reached. */
  private reached = 0;
  private rowBytes = 0;
  /** Bytes pushed so far. */
  bytes = 0;
  /** Bytes of the projected file in finished parts. */
  private written = 0;

  constructor(keep: readonly string[]) {
    this.wanted = new Set(keep.map((k) => k.trim().toLowerCase()));
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    let i = 0;
    const n = chunk.byteLength;
    if (this.headerBytes !== null) {
      const header = this.headerBytes;
      for (; i < n; i++) {
        const b = chunk[i]!;
        if (b === QUOTE) this.inQuotes = !this.inQuotes;
        else if (b === LF && !this.inQuotes) break;
        header.push(b);
      }
      if (i === n) return;
      i++;
      this.startHeader(header);
    }
    // The walk keeps its state in locals while it runs.
    const keepField = this.keepField;
    const firstKept = this.firstKept;
    let { out, o, inQuotes, field, reached, rowBytes } = this;
    let keep = keepField[field] === 1;
    for (; i < n; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) {
        inQuotes = !inQuotes;
      } else if (!inQuotes) {
        if (b === COMMA) {
          field++;
          keep = keepField[field] === 1;
          if (keep) {
            if (field !== firstKept) out[o++] = COMMA;
            reached++;
          }
          rowBytes++;
          continue;
        }
        if (b === LF) {
          if (rowBytes > 0) o = endRow(out, o, reached, this.keptCount);
          field = 0;
          keep = keepField[0] === 1;
          reached = keep ? 1 : 0;
          rowBytes = 0;
          if (o > PIECE_BYTES) {
            this.o = o;
            this.flush();
            o = 0;
          }
          continue;
        }
        if (b === CR) continue;
      }
      rowBytes++;
      if (keep) {
        out[o++] = b;
        // A field longer than the spare room: grow the buffer rather than split the field.
        if (o >= out.length - 1024) {
          const bigger = new Uint8Array(out.length * 2);
          bigger.set(out);
          this.out = out = bigger;
        }
      }
    }
    Object.assign(this, { o, inQuotes, field, reached, rowBytes });
  }

  /** The projected file's parts; null when no header line came (an empty file). */
  finish(): Blob[] | null {
    if (this.headerBytes !== null) {
      if (this.headerBytes.length === 0) return null;
      this.startHeader(this.headerBytes);
    } else if (this.rowBytes > 0) {
      this.o = endRow(this.out, this.o, this.reached, this.keptCount);
    }
    this.flush();
    return this.parts;
  }

  /** Bytes of the projected file so far. */
  get size(): number {
    return this.written + this.o;
  }

  private flush(): void {
    this.parts.push(new Blob([this.out.slice(0, this.o)]));
    this.written += this.o;
    this.o = 0;
  }

  private startHeader(bytes: number[]): void {
    const text = new TextDecoder()
      .decode(Uint8Array.from(bytes))
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '');
    const header = csvParseRows(text)[0] ?? [];
    this.keepField = Uint8Array.from(header, (h) => (this.wanted.has(h.trim().toLowerCase()) ? 1 : 0));
    this.keptCount = this.keepField.reduce((n, k) => n + k, 0);
    this.firstKept = this.keepField.indexOf(1);
    const names = header.filter((_, i) => this.keepField[i] === 1);
    const line = new TextEncoder().encode(`${csvFormatRows([names])}\n`);
    this.out.set(line, this.o);
    this.o += line.byteLength;
    this.headerBytes = null;
    this.inQuotes = false;
    this.field = 0;
    this.reached = this.keepField[0] === 1 ? 1 : 0;
  }
}

/**
 * Ends a row at `o` of `out`: an empty field for each kept column the row did not reach (`reached` of
 * `keptCount`), then the line end. Returns the new end.
 */
function endRow(out: Uint8Array, o: number, reached: number, keptCount: number): number {
  for (let k = reached; k < keptCount; k++) if (k > 0) out[o++] = COMMA;
  out[o++] = LF;
  return o;
}

/** The file with only the `keep` columns (those it has); the source itself when it has no header line. */
export async function projectCsv(source: Blob, name: string, options: ProjectOptions): Promise<File> {
  const projector = new CsvProjector(options.keep);
  const reader = source.stream().getReader();
  for (;;) {
    options.signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    projector.push(value);
    options.onBytes?.(projector.bytes);
  }
  const parts = projector.finish();
  return new File(parts ?? [source], name, { type: 'text/csv' });
}
