import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { projectCsv } from './project-csv.ts';

/** A Blob whose stream comes in chunks of `size` bytes, so that fields and quotes straddle chunk ends. */
function chunked(text: string, size: number): Blob {
  const bytes = new TextEncoder().encode(text);
  const blob = new Blob([bytes]);
  return Object.assign(blob, {
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      }),
  });
}

/** The expected projection, by an independent route: parse every row with d3-dsv and pick the columns. */
function expected(text: string, keep: string[]): string[][] {
  const rows = csvParseRows(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).filter(
    (row) => !(row.length === 1 && row[0] === ''),
  );
  const header = rows[0]!;
  const at = header.map((h, i) => (keep.includes(h.trim().toLowerCase()) ? i : -1)).filter((i) => i >= 0);
  return rows.map((row) => at.map((i) => row[i] ?? ''));
}

const KEEP = ['recipient_name', 'naics_code', 'federal_action_obligation'];
const TRICKY =
  '\uFEFFcontract_transaction_unique_key,recipient_name,"notes, free text",naics_code,federal_action_obligation\r\n' +
  'k1,"Alpha ""Precise"" Machining, LLC","line one\r\nline two",332710,1000.50\r\n' +
  '\r\n' +
  'k2,Beta Forge,,332111,-25\r\n' +
  'k3,"Gamma, Inc"\r\n' +
  'k4,Delta Ünïcode Works,"a,b,c",336413,7\r\n' +
  'k5,Echo,x,332811,9,extra,fields';

describe('projectCsv', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])(
    'keeps the named columns with their values, in chunks of %i bytes',
    async (size) => {
      const file = await projectCsv(chunked(TRICKY, size), 'p.csv', { keep: KEEP });
      expect(file.name).toBe('p.csv');
      expect(csvParseRows(await file.text())).toEqual(expected(TRICKY, KEEP));
    },
  );

  it('writes the header of the kept columns, quotes where they need them', async () => {
    const text = 'a,"b, c",d\n1,2,3\n';
    const file = await projectCsv(new Blob([text]), 'x.csv', { keep: ['b, c', 'd'] });
    expect(await file.text()).toBe(`${csvFormatRows([['b, c', 'd']])}\n2,3\n`);
  });

  it('is much smaller than a wide download, and counts the bytes it read', async () => {
    const header = Array.from({ length: 297 }, (_, i) => (i === 5 ? 'naics_code' : `col_${i}`));
    const row = header.map((_, i) => (i === 5 ? '332710' : `value ${i}`));
    const text = `${header.join(',')}\n${`${row.join(',')}\n`.repeat(1000)}`;
    let read = 0;
    const file = await projectCsv(new Blob([text]), 'w.csv', {
      keep: ['naics_code'],
      onBytes: (n) => (read = n),
    });
    expect(await file.text()).toBe(`naics_code\n${'332710\n'.repeat(1000)}`);
    expect(read).toBe(new TextEncoder().encode(text).byteLength);
  });

  it('leaves a file without a header line as it is, and stops when asked', async () => {
    const empty = new Blob(['']);
    expect((await projectCsv(empty, 'e.csv', { keep: KEEP })).size).toBe(0);
    const controller = new AbortController();
    controller.abort();
    await expect(
      projectCsv(new Blob([TRICKY]), 'a.csv', { keep: KEEP, signal: controller.signal }),
    ).rejects.toThrow();
  });
});
